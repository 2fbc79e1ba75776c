import type { Runner } from '../../network/brian-object.ts';
import { type BaseClock, Clock } from '../../network/clock.ts';
import { createReporter } from '../../network/report.ts';
import { platform } from '../../platform/platform.ts';
import type { NetworkRun, NetworkRunResult, StepAction } from '../device.ts';
import type { DeviceArray } from './arrays.ts';

/**
 * The runtime device's step loop: every runner of the run, in schedule order, each step of its
 * clock. One regular clock: a tight loop over integer steps. Several clocks (or an EventClock): at
 * each iteration the clocks at the smallest time (Brian's `same_time`) advance together. With
 * `profile`, each runner's step is timed (Brian's `profiling_info`); after the loop, the run's
 * finishing actions (a thresholder clears its spike count).
 *
 * One loop, two drivers: `runLoop` advances it to the end at once; `runLoopAsync` advances it in
 * slices of about SLICE_MS of wall-clock time and gives the event loop back between slices (so a
 * page stays responsive, a Web Worker receives messages, an AbortSignal can fire). A slice always
 * ends after a complete time step, so a stopped run leaves the state of its last completed step.
 */
export function runLoop(run: NetworkRun, arrays: ReadonlyMap<string, DeviceArray>): NetworkRunResult {
  const loop = new StepLoop(run, arrays);
  loop.advance();
  return loop.finish();
}

/** Wall-clock length of a slice of an asynchronous run between two yields to the event loop. */
const SLICE_MS = 20;

export async function runLoopAsync(
  run: NetworkRun,
  arrays: ReadonlyMap<string, DeviceArray>,
): Promise<NetworkRunResult> {
  const loop = new StepLoop(run, arrays);
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (loop.advance(() => performance.now() >= deadline)) break;
    loop.reportNow();
    await yieldToEventLoop();
  }
  return loop.finish();
}

type Reporter = ReturnType<typeof createReporter>;
type Step = Runner['step'];

/** Asked every PAUSE_CHECK_STEPS steps whether the current slice is over. */
type Pause = () => boolean;
const PAUSE_CHECK_MASK = 15;

class StepLoop {
  private readonly reporter: Reporter;
  private readonly started = performance.now();
  private readonly profile?: Map<string, number>;
  private readonly steps: Step[];

  constructor(
    private readonly run: NetworkRun,
    private readonly arrays: ReadonlyMap<string, DeviceArray>,
  ) {
    this.reporter = createReporter(run.report, run.reportPeriod, run.start, run.duration);
    const profile = run.profile ? new Map<string, number>(run.runners.map((r) => [r.name, 0])) : undefined;
    this.profile = profile;
    this.steps = run.runners.map((r) => (profile ? timed(r, profile) : r.step));
  }

  /** Runs steps until the end of the run, a stop, or `pause()`; true when the run is over. */
  advance(pause?: Pause): boolean {
    const run = this.run;
    const only = run.clocks.length === 1 ? run.clocks[0] : undefined;
    return platform().runStepLoop(() =>
      only instanceof Clock
        ? advanceSingleClock(run, this.steps, only, this.reporter, pause)
        : advanceManyClocks(run, this.steps, this.reporter, pause),
    );
  }

  /** A progress report now (if the report period has passed), between two slices. */
  reportNow(): void {
    this.reporter?.maybeReport(Math.min(...this.run.clocks.map((c) => c.t_)));
  }

  finish(): NetworkRunResult {
    const run = this.run;
    const elapsed = (performance.now() - this.started) / 1000;
    for (const action of run.finish) finishAction(action, this.arrays);
    const end = run.start + run.duration;
    const time = run.stopped() ? Math.min(...run.clocks.map((c) => c.t_)) : end;
    this.reporter?.finish(time - run.start);
    return { elapsed, time, profile: this.profile };
  }
}

function timed(runner: Runner, profile: Map<string, number>): Step {
  const step = runner.step;
  return (t, dt, ts) => {
    const before = performance.now();
    step(t, dt, ts);
    profile.set(runner.name, profile.get(runner.name)! + (performance.now() - before) / 1000);
  };
}

function finishAction(action: StepAction, arrays: ReadonlyMap<string, DeviceArray>): void {
  if (action.kind !== 'clear_events') throw new Error(`internal: ${action.kind} after a run`);
  const array = arrays.get(action.arrayId);
  if (array) array.data[action.index] = 0;
}

function advanceSingleClock(
  run: NetworkRun,
  steps: readonly Step[],
  clock: Clock,
  reporter: Reporter,
  pause?: Pause,
): boolean {
  const n = steps.length;
  const dt = clock.dt_;
  const end = clock.endTimestep;
  const checkpoint = run.checkpoint;
  for (let ts = clock.timestep; ts < end; ts++) {
    const t = ts * dt;
    for (let k = 0; k < n; k++) steps[k](t, dt, ts);
    clock.timestep = ts + 1;
    checkpoint?.stepped();
    if (reporter && (ts & 1023) === 0) reporter.maybeReport(t + dt);
    if (run.stopped()) return true;
    if (pause && (ts & PAUSE_CHECK_MASK) === PAUSE_CHECK_MASK && ts + 1 < end && pause()) return false;
  }
  return true;
}

function advanceManyClocks(
  run: NetworkRun,
  steps: readonly Step[],
  reporter: Reporter,
  pause?: Pause,
): boolean {
  const clocks = run.clocks;
  const runnerClocks = run.runners.map((r) => r.clock);
  const checkpoint = run.checkpoint;
  const current = new Set<BaseClock>();
  for (let iteration = 1; ; iteration++) {
    // Brian's `_nextclocks`: the clock with the smallest time, and every clock at the same time.
    let minClock: BaseClock | undefined;
    for (const c of clocks) if (minClock === undefined || c.t_ < minClock.t_) minClock = c;
    if (!minClock || !(minClock.timestep < minClock.endTimestep)) return true;
    current.clear();
    for (const c of clocks) if (c.timestep < c.endTimestep && c.sameTime(minClock)) current.add(c);
    for (let k = 0; k < steps.length; k++) {
      const c = runnerClocks[k];
      if (current.has(c)) steps[k](c.t_, c.dt_, c.timestep);
    }
    const t = minClock.t_;
    for (const c of current) c.timestep++;
    if (checkpoint && current.has(checkpoint.clock)) checkpoint.stepped();
    reporter?.maybeReport(minClock.t_ === Number.POSITIVE_INFINITY ? t : minClock.t_);
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
