/**
 * The runtime device runs its step loop with V8's on-stack replacement off (v8-tuning.ts,
 * `withoutOsr`): a kernel entered through OSR code after a deoptimisation stayed there for the
 * rest of the run, 2–2.5× slower (bench/README.md, "The JIT's slow mode"). The probe network
 * runs under `--trace-osr`; no kernel of the step loop may be entered through OSR code (before
 * the fix, the state update and the threshold were, in every run).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'osr-probe.ts');

function traceOsr(): string {
  const result = spawnSync(process.execPath, ['--trace-osr', '--import', 'tsx', PROBE], {
    encoding: 'utf8',
    env: { ...process.env, BRIAN_RUNTIME_TARGET: 'js' },
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** Names of the generated kernels entered through OSR code. */
function kernelsEnteredByOsr(trace: string): string[] {
  return [...trace.matchAll(/\[OSR - entry\. function: (_k_\w+)/g)].map((m) => m[1]);
}

describe('the step loop without on-stack replacement', () => {
  it('enters no kernel of the step loop through OSR code, and the network fires', () => {
    const trace = traceOsr();
    const spikes = Number(/SPIKES (\d+)/.exec(trace)?.[1]);
    assert.ok(spikes > 20000, `every neuron fires at least once (${spikes} spikes)`);
    const inLoop = kernelsEnteredByOsr(trace).filter((k) => !k.includes('setter'));
    assert.deepEqual(inLoop, []);
  });
});
