import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import '../../../src/platform/node.ts';
import { setLogLevel } from '../../../src/core/log.ts';
import { resetDevice } from '../../../src/devices/active.ts';
import { defaultclock, ms, startScope } from '../../../src/index.ts';
import {
  type CaseContext,
  type CaseMessage,
  CHUNK,
  chunkSeed,
  type FuzzCase,
  type FuzzModule,
  type WorkerInput,
} from './case.ts';
import { cppSources, jsSources, recordingDevice } from './codegen.ts';
import { classify, describeError, type Outcome } from './oracle.ts';
import { MARKER, MARKER_FILE } from './payloads.ts';
import { injectedCode, injectedMakefile } from './scan-source.ts';

/**
 * The fuzz worker: generates the cases of one module from the seed, chunk by chunk, runs each
 * on a fresh recording device and scope, judges it (oracle.ts) and posts the outcome. The
 * index of the case under way is in shared memory, so the driver can name a case that never
 * returns and stop this worker (driver.ts).
 */

const input = workerData as WorkerInput;
const current = new Int32Array(input.current);
const { cases } = (await import(input.module)) as FuzzModule;
setLogLevel('error');
const scratch = join(MARKER_FILE, '..', `scratch-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const marked = globalThis as Record<string, unknown>;

let chunk = -1;
let generated: FuzzCase[] = [];
for (let k = input.first; k < input.end; k++) {
  if (Math.floor(k / CHUNK) !== chunk) {
    chunk = Math.floor(k / CHUNK);
    generated = fc.sample(cases, { seed: chunkSeed(input.seed, chunk), numRuns: CHUNK });
  }
  const c = generated[k % CHUNK];
  Atomics.store(current, 0, k);
  const started = performance.now();
  const outcome = runCase(c);
  const ms = performance.now() - started;
  parentPort!.postMessage({ index: k, label: c.label, outcome, ms } satisfies CaseMessage);
}
resetDevice();
rmSync(scratch, { recursive: true, force: true });

function runCase(c: FuzzCase): Outcome {
  const recording = recordingDevice();
  startScope();
  defaultclock.dt = ms(0.1);
  const ctx: CaseContext = { scratch, extraSources: [] };
  const started = performance.now();
  let outcome: Outcome = { kind: 'accepted' };
  try {
    c.run(ctx);
  } catch (e) {
    outcome = classify(e);
  }
  const elapsed = performance.now() - started;
  // Whatever was compiled before an error is printed and scanned too.
  let sources: { language: 'js' | 'cpp' | 'make'; text: string }[];
  try {
    sources = [
      ...jsSources(recording).map((text) => ({ language: 'js' as const, text })),
      ...cppSources(recording).map((text) => ({ language: 'cpp' as const, text })),
      ...ctx.extraSources,
    ];
  } catch (e) {
    return { kind: 'failure', failure: 'codegen', message: `printing the C++ kernels: ${describeError(e)}` };
  }
  for (const { language, text } of sources) {
    const found = language === 'make' ? injectedMakefile(text) : injectedCode(text, language);
    if (found !== undefined) {
      return { kind: 'failure', failure: 'injection', message: `user text as ${language} code: …${found}…` };
    }
  }
  if (marked[MARKER] !== undefined || existsSync(MARKER_FILE)) {
    delete marked[MARKER];
    rmSync(MARKER_FILE, { force: true });
    return { kind: 'failure', failure: 'injection', message: 'a payload ran (global set or file created)' };
  }
  if (elapsed > input.caseLimitMs) {
    return { kind: 'failure', failure: 'hang', message: `took ${(elapsed / 1000).toFixed(1)} s` };
  }
  return outcome;
}
