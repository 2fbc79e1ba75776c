import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestContext } from 'node:test';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { type CaseMessage, CHUNK, chunkSeed, type FuzzModule, type WorkerInput } from './case.ts';
import { Tally } from './oracle.ts';
import { MARKER_FILE } from './payloads.ts';
import { CASE_LIMIT_MS, DEADLINE_MS, FUZZ_CASE, type FuzzFile, KILL_MS, runsOf, seedOf } from './settings.ts';

/**
 * Runs the cases of one generator module in a worker thread (so a case that never returns can
 * be stopped: a synchronous loop cannot be interrupted from its own thread), restarts the worker
 * after a hang or a crash, and prints the counts. Resolves to the tally; the test asserts it.
 */
export async function fuzz(t: TestContext, file: FuzzFile, module: URL): Promise<Tally> {
  const seed = seedOf(file);
  const runs = runsOf(file);
  const [first, end] = FUZZ_CASE === undefined ? [0, runs] : [FUZZ_CASE, FUZZ_CASE + 1];
  const tally = new Tally();
  const started = performance.now();
  let next = first;
  let deadlineHit = false;
  while (next < end) {
    const stopped = await runWorker(module, seed, next, end, tally, started);
    if (stopped.deadline) {
      deadlineHit = true;
      break;
    }
    if (stopped.failedAt === undefined) break;
    next = stopped.failedAt + 1;
  }
  rmSync(dirname(MARKER_FILE), { recursive: true, force: true });
  // A case that hung or killed the worker did not report its input: generate it again here.
  for (const f of tally.failures) {
    if (f.label === UNKNOWN_LABEL) f.label = await labelOf(module, seed, f.index);
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = tally.summary(file, seed, seconds);
  if (deadlineHit) {
    lines.push(`fuzz ${file}: stopped at the deadline of ${DEADLINE_MS / 1000} s after ${tally.cases} cases`);
  }
  for (const line of lines) t.diagnostic(line);
  if (deadlineHit)
    throw new Error(`fuzz ${file}: only ${tally.cases} of ${end - first} cases before the deadline`);
  return tally;
}

const UNKNOWN_LABEL = '(input not reported)';

/** How long a worker may take to load the library and start its first case. */
const STARTUP_MS = 120_000;

async function labelOf(module: URL, seed: number, k: number): Promise<string> {
  const { cases } = (await import(module.href)) as FuzzModule;
  return fc.sample(cases, { seed: chunkSeed(seed, Math.floor(k / CHUNK)), numRuns: CHUNK })[k % CHUNK].label;
}

interface Stopped {
  /** The case the worker was stopped in (a hang) or died in (a crash). */
  readonly failedAt?: number;
  readonly deadline?: boolean;
}

function runWorker(
  module: URL,
  seed: number,
  first: number,
  end: number,
  tally: Tally,
  started: number,
): Promise<Stopped> {
  const current = new SharedArrayBuffer(4);
  const index = new Int32Array(current);
  // -1 until the worker starts its first case (loading the library takes seconds, more on a busy machine)
  Atomics.store(index, 0, -1);
  const input: WorkerInput = {
    module: module.href,
    seed,
    first,
    end,
    caseLimitMs: CASE_LIMIT_MS,
    current,
  };
  // tsx is registered inside the worker (a worker does not inherit the parent's loader hooks).
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: input, execArgv: [] });
  let done = first;
  let lastIndex = -1;
  const created = performance.now();
  let lastChange = created;
  return new Promise<Stopped>((resolve, reject) => {
    let settled = false;
    const finish = (stopped: Stopped | Error) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      if (stopped instanceof Error) reject(stopped);
      else resolve(stopped);
    };
    // A worker that fails before its first case is a problem of the harness, not a finding.
    const notStarted = (why: string) => new Error(`fuzz: the worker did not start: ${why}`);
    worker.on('message', (m: CaseMessage) => {
      tally.add(m.index, m.label, m.outcome, m.ms);
      done = m.index + 1;
    });
    worker.on('error', (e) => {
      const at = Atomics.load(index, 0);
      if (at < 0) return finish(notStarted(e instanceof Error ? (e.stack ?? e.message) : String(e)));
      tally.add(at, UNKNOWN_LABEL, {
        kind: 'failure',
        failure: 'crash',
        message: `the worker died: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
      });
      finish({ failedAt: at });
    });
    worker.on('exit', (code) => {
      // after the last message (delivered before 'exit'), or a case ended the thread
      setTimeout(() => {
        if (settled) return;
        if (done >= end) return finish({});
        const at = Atomics.load(index, 0);
        if (at < 0) return finish(notStarted(`it exited with code ${code}`));
        tally.add(at, UNKNOWN_LABEL, {
          kind: 'failure',
          failure: 'crash',
          message: `the worker exited with code ${code} during the case`,
        });
        finish({ failedAt: at });
      }, 50);
    });
    const watchdog = setInterval(() => {
      const now = performance.now();
      const at = Atomics.load(index, 0);
      if (at < 0) {
        if (now - created > STARTUP_MS) finish(notStarted(`nothing after ${STARTUP_MS / 1000} s`));
      } else if (at !== lastIndex) {
        lastIndex = at;
        lastChange = now;
      } else if (now - lastChange > KILL_MS && done <= at) {
        tally.add(at, UNKNOWN_LABEL, {
          kind: 'failure',
          failure: 'hang',
          message: `did not return within ${KILL_MS / 1000} s; the worker was stopped`,
        });
        finish({ failedAt: at });
      }
      if (now - started > DEADLINE_MS) finish({ deadline: true });
    }, 250);
  });
}
