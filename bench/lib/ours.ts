/** brian-ts side: each run in a fresh `node --import tsx bench/child.ts` process. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../models/registry.ts';
import type { Device } from '../models/types.ts';
import { deriveMeasurements, numericEntries } from './derive.ts';
import type { Measurements, Status } from './record.ts';
import { type ChildOutcome, parseResultLine, runChild, tail } from './spawn.ts';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface OursRun {
  outcome: ChildOutcome;
  status: Status;
  reason: string | null;
  measurements?: Measurements;
  extra: Record<string, number>;
  version: string;
}

export async function runOurs(
  spec: ModelSpec,
  device: Device,
  N: number,
  duration: number,
  timeoutSeconds: number,
  threads = 1,
): Promise<OursRun> {
  const outcome = await runChild(
    process.execPath,
    ['--import', 'tsx', join(BENCH_DIR, 'child.ts'), spec.name, String(N), String(duration), device],
    // The compiled devices read their thread count from here (bench/models/measure.ts).
    {
      timeoutSeconds,
      cwd: resolve(BENCH_DIR, '..'),
      env: { ...process.env, BENCH_THREADS: String(threads) },
    },
  );
  const base = { outcome, extra: {}, version: `node ${process.version}` };
  if (outcome.timedOut) return { ...base, status: 'timeout', reason: `timed out after ${timeoutSeconds} s` };
  let r: Record<string, unknown> | undefined;
  try {
    r = parseResultLine(outcome.stdout);
  } catch (e) {
    return { ...base, status: 'failed', reason: `unreadable RESULT line: ${String(e)}` };
  }
  if (!r)
    return {
      ...base,
      status: 'failed',
      reason: `no RESULT line (exit ${outcome.code}): ${tail(outcome.stderr)}`,
    };
  const version = String(r.version ?? base.version);
  if (r.status !== 'ok') {
    const reason = String(r.reason ?? 'unknown');
    return { ...base, version, status: r.status === 'unavailable' ? 'unavailable' : 'failed', reason };
  }
  const extra = numericEntries((r.extra ?? {}) as Record<string, unknown>);
  const measurements = deriveMeasurements(spec, {
    N,
    duration_s: duration,
    sim_s: r.sim_s as number,
    sim_cpu_s: (r.sim_cpu_s as number | null) ?? null,
    threads,
    setup_s: r.setup_s as number,
    connect_s: r.connect_s as number,
    codegen_s: r.codegen_s as number,
    build_s: (r.setup_s as number) + (r.codegen_s as number),
    binary_s: null,
    rss_mb: r.rss_mb as number,
    spikes: r.spikes as number,
    synapses: r.synapses as number,
    input_spikes: extra.input_spikes,
    output_spikes: extra.output_spikes,
  });
  return { ...base, version, status: 'ok', reason: null, measurements, extra };
}
