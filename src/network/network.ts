import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { getDevice } from '../devices/active.ts';
import type { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import type { BrianObject, Runner } from './brian-object.ts';
import { Clock } from './clock.ts';
import { createReporter, type ReportOption } from './report.ts';
import { DEFAULT_SCHEDULE, slotRank } from './schedule.ts';
import {
  readSnapshotFile,
  restoreSnapshot,
  type Snapshot,
  takeSnapshot,
  writeSnapshotFile,
} from './snapshot.ts';

export interface RunOptions {
  /** `'text'`/`'stdout'`, `'stderr'`, or a callback `(elapsed, completed, start, duration)`. */
  readonly report?: ReportOption;
  /** How often to report, in wall-clock time (default 10 s). */
  readonly reportPeriod?: Quantity;
  /** Names used by the model's code that no group namespace defines (Brian's `run(namespace=…)`). */
  readonly namespace?: Namespace;
}

let nextNetworkId = 1;

/**
 * A set of objects simulated together (Brian's Network). `run()` prepares every object (code is
 * generated with the namespaces as they are now), then advances all clocks step by step,
 * calling each runner in schedule order: slot, then `order`, then name.
 */
export class Network {
  readonly id = nextNetworkId++;
  readonly objects: BrianObject[] = [];
  readonly schedule: readonly string[] = DEFAULT_SCHEDULE;
  private time = 0;
  private readonly snapshots = new Map<string, Snapshot>();
  private stopped = false;
  /** Seconds spent in the last run's step loop (Brian's `_last_run_time`). */
  lastRunTime = 0;

  constructor(...objects: (BrianObject | readonly BrianObject[])[]) {
    this.add(...objects);
  }

  get device(): RuntimeDevice {
    return getDevice();
  }

  add(...objects: (BrianObject | readonly BrianObject[])[]): void {
    for (const o of objects.flat()) {
      if (!this.objects.includes(o)) this.objects.push(o);
    }
  }

  remove(...objects: BrianObject[]): void {
    for (const o of objects) {
      const k = this.objects.indexOf(o);
      if (k >= 0) this.objects.splice(k, 1);
    }
  }

  /** The object called `name`. */
  get(name: string): BrianObject {
    const found = this.allObjects().find((o) => o.name === name);
    if (!found) throw new BrianError('bad_argument', `This network has no object called "${name}".`);
    return found;
  }

  /** Current simulation time of the network. */
  get t(): Quantity {
    return new Quantity(this.time, second.dim);
  }

  get t_(): number {
    return this.time;
  }

  /** Objects plus what they depend on (a subgroup's parent…), each once. */
  allObjects(): BrianObject[] {
    const seen = new Set<BrianObject>();
    const visit = (o: BrianObject) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const d of o.dependencies()) visit(d);
    };
    for (const o of this.objects) visit(o);
    return [...seen];
  }

  /** Asks a running simulation to stop after the current step (Brian's `stop()`). */
  stop(): void {
    this.stopped = true;
  }

  run(duration: Quantity, options: RunOptions = {}): void {
    if (!(duration instanceof Quantity) || duration.dim !== second.dim) {
      throw new BrianError(
        typeof duration === 'number' ? 'missing_unit' : 'bad_argument',
        `run() needs a duration in time units, got ${String(duration)}.`,
        { hint: 'e.g. run(ms(100))' },
      );
    }
    if (duration.value < 0)
      throw new BrianError('bad_argument', `run() needs a non-negative duration, got ${duration}.`);
    const objects = this.allObjects();
    for (const o of objects) {
      if (o.networkId !== undefined && o.networkId !== this.id && this.objects.includes(o)) {
        // An object moves to this network; Brian allows this between runs.
      }
      o.networkId = this.id;
    }
    const device = this.device;
    const ctx = { device, runNamespace: options.namespace };
    for (const o of objects) if (o.active) o.beforeRun(ctx);

    const start = this.time;
    const end = start + duration.value;
    const runners = this.sortedRunners(objects);
    const clocks = [...new Set(runners.map((r) => r.clock).concat(objects.map((o) => o.clock)))];
    for (const c of clocks) c.setInterval(start, end);
    const reporter = createReporter(options.report, options.reportPeriod, start, duration.value);
    this.stopped = false;
    const started = performance.now();
    if (clocks.length === 1) this.runSingleClock(clocks[0], runners, reporter);
    else this.runManyClocks(clocks, runners, reporter);
    this.lastRunTime = (performance.now() - started) / 1000;
    this.time = this.stopped ? Math.min(...clocks.map((c) => c.t_)) : end;
    reporter?.finish(this.time - start);
    for (const o of objects) if (o.active) o.afterRun();
  }

  private sortedRunners(objects: readonly BrianObject[]): Runner[] {
    const runners = objects.filter((o) => o.active).flatMap((o) => o.runners());
    return runners
      .map((r) => ({ r, rank: slotRank(r.when, this.schedule) }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          a.r.order - b.r.order ||
          (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0),
      )
      .map((x) => x.r);
  }

  private runSingleClock(
    clock: Clock,
    runners: readonly Runner[],
    reporter?: ReturnType<typeof createReporter>,
  ): void {
    const steps = runners.map((r) => r.step);
    const n = steps.length;
    const dt = clock.dt_;
    const end = clock.endTimestep;
    for (let ts = clock.timestep; ts < end; ts++) {
      const t = ts * dt;
      for (let k = 0; k < n; k++) steps[k](t, dt, ts);
      clock.timestep = ts + 1;
      if (reporter && (ts & 1023) === 0) reporter.maybeReport(t);
      if (this.stopped) break;
    }
  }

  private runManyClocks(
    clocks: Clock[],
    runners: readonly Runner[],
    reporter?: ReturnType<typeof createReporter>,
  ): void {
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
      const current = new Set(
        clocks.filter(
          (c) =>
            c.timestep < c.endTimestep &&
            (c.t_ === min || Math.abs(c.t_ - min) < Clock.EPSILON_DT * minClock!.dt_),
        ),
      );
      for (const r of runners) {
        if (current.has(r.clock)) r.step(r.clock.t_, r.clock.dt_, r.clock.timestep);
      }
      for (const c of current) c.timestep++;
      reporter?.maybeReport(min);
      if (this.stopped) break;
    }
  }

  // --- store / restore ----------------------------------------------------------------------

  /** Saves the state of every object (and the clocks and the random state) under `name`, and to `filename` if given. */
  store(name = 'default', filename?: string): void {
    const snapshot = takeSnapshot(this.device, this.allObjects(), this.time);
    this.snapshots.set(name, snapshot);
    if (filename) writeSnapshotFile(filename, name, snapshot);
  }

  /** Puts every object back into the state saved by `store(name)` (from `filename` if given). */
  restore(name = 'default', filename?: string, options: { restoreRandomState?: boolean } = {}): void {
    const snapshot = filename ? readSnapshotFile(filename, name) : this.snapshots.get(name);
    if (!snapshot) {
      throw new BrianError('store_not_found', `No state stored under the name "${name}".`, {
        hint: `stored names: ${[...this.snapshots.keys()].join(', ') || 'none'}`,
      });
    }
    this.time = restoreSnapshot(
      this.device,
      this.allObjects(),
      snapshot,
      options.restoreRandomState ?? false,
    );
  }
}
