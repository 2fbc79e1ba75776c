import { Clock } from '../../network/clock.ts';
import { createReporter } from '../../network/report.ts';
import { platform } from '../../platform/platform.ts';
import type { NetworkRun, NetworkRunResult } from '../device.ts';

/**
 * The runtime device's step loop: every runner of the run, in schedule order, each step of its
 * clock. One clock: a tight loop over integer steps. Several clocks: at each iteration the clocks
 * whose time is the smallest (within Brian's epsilon) advance together.
 *
 * One loop, two drivers: `runLoop` advances it to the end at once; `runLoopAsync` advances it in
 * slices of about SLICE_MS of wall-clock time and gives the event loop back between slices (so a
 * page stays responsive, a Web Worker receives messages, an AbortSignal can fire). A slice always
 * ends after a complete time step, so a stopped run leaves the state of its last completed step.
 */
export function runLoop(run: NetworkRun): NetworkRunResult {
  const loop = new StepLoop(run);
  loop.advance();
  return loop.finish();
}

/** Wall-clock length of a slice of an asynchronous run between two yields to the event loop. */
const SLICE_MS = 20;

export async function runLoopAsync(run: NetworkRun): Promise<NetworkRunResult> {
  const loop = new StepLoop(run);
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (loop.advance(() => performance.now() >= deadline)) break;
    loop.reportNow();
    await yieldToEventLoop();
  }
  return loop.finish();
}

type Reporter = ReturnType<typeof createReporter>;

/** Asked every PAUSE_CHECK_STEPS steps whether the current slice is over. */
type Pause = () => boolean;
const PAUSE_CHECK_MASK = 15;

class StepLoop {
  private readonly reporter: Reporter;
  private readonly started = performance.now();

  constructor(private readonly run: NetworkRun) {
    this.reporter = createReporter(run.report, run.reportPeriod, run.start, run.duration);
  }

  /** Runs steps until the end of the run, a stop, or `pause()`; true when the run is over. */
  advance(pause?: Pause): boolean {
    const run = this.run;
    return platform().runStepLoop(() =>
      run.clocks.length === 1
        ? advanceSingleClock(run, run.clocks[0], this.reporter, pause)
        : advanceManyClocks(run, this.reporter, pause),
    );
  }

  /** A progress report now (if the report period has passed), between two slices. */
  reportNow(): void {
    this.reporter?.maybeReport(Math.min(...this.run.clocks.map((c) => c.t_)));
  }

  finish(): NetworkRunResult {
    const run = this.run;
    const elapsed = (performance.now() - this.started) / 1000;
    const end = run.start + run.duration;
    const time = run.stopped() ? Math.min(...run.clocks.map((c) => c.t_)) : end;
    this.reporter?.finish(time - run.start);
    return { elapsed, time };
  }
}

function advanceSingleClock(run: NetworkRun, clock: Clock, reporter: Reporter, pause?: Pause): boolean {
  const steps = run.runners.map((r) => r.step);
  const n = steps.length;
  const dt = clock.dt_;
  const end = clock.endTimestep;
  for (let ts = clock.timestep; ts < end; ts++) {
    const t = ts * dt;
    for (let k = 0; k < n; k++) steps[k](t, dt, ts);
    clock.timestep = ts + 1;
    if (reporter && (ts & 1023) === 0) reporter.maybeReport(t + dt);
    if (run.stopped()) return true;
    if (pause && (ts & PAUSE_CHECK_MASK) === PAUSE_CHECK_MASK && ts + 1 < end && pause()) return false;
  }
  return true;
}

function advanceManyClocks(run: NetworkRun, reporter: Reporter, pause?: Pause): boolean {
  const clocks = run.clocks;
  for (let iteration = 1; ; iteration++) {
    let min = Number.POSITIVE_INFINITY;
    let minClock: Clock | undefined;
    for (const c of clocks) {
      if (c.timestep < c.endTimestep && c.t_ < min) {
        min = c.t_;
        minClock = c;
      }
    }
    if (!minClock) return true;
    const dtMin = minClock.dt_;
    const current = new Set(
      clocks.filter(
        (c) =>
          c.timestep < c.endTimestep && (c.t_ === min || Math.abs(c.t_ - min) < Clock.EPSILON_DT * dtMin),
      ),
    );
    for (const r of run.runners) {
      if (current.has(r.clock)) r.step(r.clock.t_, r.clock.dt_, r.clock.timestep);
    }
    for (const c of current) c.timestep++;
    reporter?.maybeReport(min + dtMin);
    if (run.stopped()) return true;
    if (pause && (iteration & PAUSE_CHECK_MASK) === 0 && pause()) return false;
  }
}

/**
 * Resolves after the host has run its pending tasks (timers, messages, I/O): `setImmediate` in
 * Node; a MessageChannel message in browsers and Web Workers (not `setTimeout(0)`, which
 * browsers clamp to 4 ms once nested).
 */
function yieldToEventLoop(): Promise<void> {
  const host = globalThis as { setImmediate?: (callback: () => void) => unknown };
  if (typeof host.setImmediate === 'function') {
    const setImmediate = host.setImmediate;
    return new Promise((resolve) => setImmediate(resolve));
  }
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
