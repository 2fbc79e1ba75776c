import { Clock } from '../../network/clock.ts';
import { createReporter } from '../../network/report.ts';
import type { NetworkRun, NetworkRunResult } from '../device.ts';

/**
 * The runtime device's step loop: every runner of the run, in schedule order, each step of its
 * clock. One clock: a tight loop over integer steps. Several clocks: at each iteration the clocks
 * whose time is the smallest (within Brian's epsilon) advance together.
 */
export function runLoop(run: NetworkRun): NetworkRunResult {
  const reporter = createReporter(run.report, run.reportPeriod, run.start, run.duration);
  const started = performance.now();
  if (run.clocks.length === 1) runSingleClock(run, run.clocks[0], reporter);
  else runManyClocks(run, reporter);
  const elapsed = (performance.now() - started) / 1000;
  const end = run.start + run.duration;
  const time = run.stopped() ? Math.min(...run.clocks.map((c) => c.t_)) : end;
  reporter?.finish(time - run.start);
  return { elapsed, time };
}

type Reporter = ReturnType<typeof createReporter>;

function runSingleClock(run: NetworkRun, clock: Clock, reporter: Reporter): void {
  const steps = run.runners.map((r) => r.step);
  const n = steps.length;
  const dt = clock.dt_;
  const end = clock.endTimestep;
  for (let ts = clock.timestep; ts < end; ts++) {
    const t = ts * dt;
    for (let k = 0; k < n; k++) steps[k](t, dt, ts);
    clock.timestep = ts + 1;
    if (reporter && (ts & 1023) === 0) reporter.maybeReport(t);
    if (run.stopped()) break;
  }
}

function runManyClocks(run: NetworkRun, reporter: Reporter): void {
  const clocks = run.clocks;
  for (;;) {
    let min = Number.POSITIVE_INFINITY;
    let minClock: Clock | undefined;
    for (const c of clocks) {
      if (c.timestep < c.endTimestep && c.t_ < min) {
        min = c.t_;
        minClock = c;
      }
    }
    if (!minClock) break;
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
    reporter?.maybeReport(min);
    if (run.stopped()) break;
  }
}
