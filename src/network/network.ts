import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { getDevice } from '../devices/active.ts';
import type { Device, NetworkRun, NetworkRunResult } from '../devices/device.ts';
import { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import type { CppStandaloneDevice } from '../devices/standalone/cpp-standalone-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { SettableValue } from '../groups/assign-values.ts';
import type { GetStatesOptions, StateValue } from '../groups/group-states.ts';
import { NEEDS_NODE_HINT, platform, type SnapshotFiles } from '../platform/platform.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import type { BrianObject, Runner } from './brian-object.ts';
import type { ReportOption } from './report.ts';
import { DEFAULT_SCHEDULE, slotRank } from './schedule.ts';
import { restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.ts';

/** What a run hands the device, and what it needs again when the device is done. */
interface PreparedRun {
  readonly device: Device;
  readonly objects: readonly BrianObject[];
  readonly run: NetworkRun;
}

/** The options of `run(duration, options)` and `Network.run`: Brian's `report`, `report_period` and `namespace`. */
export interface RunOptions {
  /** `'text'`/`'stdout'`, `'stderr'`, or a callback `(elapsed, completed, start, duration)`. */
  readonly report?: ReportOption;
  /** How often to report, in wall-clock time (default 10 s). */
  readonly reportPeriod?: Quantity;
  /** Names used by the model's code that no group namespace defines (Brian's `run(namespace=…)`). */
  readonly namespace?: Namespace;
}

/** Options of `runAsync`: those of `run`, plus a signal that stops the run. */
export interface AsyncRunOptions extends RunOptions {
  /** Stops the run after the current time step; the promise then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

let nextNetworkId = 1;

interface WithStates {
  getStates(names: undefined, options: GetStatesOptions): Record<string, StateValue>;
  setStates(values: Readonly<Record<string, SettableValue>>, options: { units?: boolean }): void;
}

function hasStates(o: BrianObject): o is BrianObject & WithStates {
  return 'getStates' in o && typeof (o as { getStates?: unknown }).getStates === 'function';
}

/**
 * A set of objects simulated together (Brian's Network). `run()` prepares every object (code is
 * generated with the namespaces as they are now), then advances all clocks step by step,
 * calling each runner in schedule order: slot, then `order`, then name.
 */
export class Network {
  /** @internal A number unique to this network (magic `run()` checks objects were last run by it). */
  readonly id = nextNetworkId++;
  /** The objects added to the network (Brian's `net.objects`), without their dependencies (see `allObjects`). */
  readonly objects: BrianObject[] = [];
  /** The scheduling slots in the order they run each step (Brian's `net.schedule`: start, groups, thresholds, synapses, resets, end). */
  readonly schedule: readonly string[] = DEFAULT_SCHEDULE;
  private time = 0;
  private readonly snapshots = new Map<string, Snapshot>();
  private stopped = false;
  private running = false;
  /** Seconds spent in the last run's step loop (Brian's `_last_run_time`). */
  lastRunTime = 0;

  constructor(...objects: (BrianObject | readonly BrianObject[])[]) {
    this.add(...objects);
  }

  /** The device that runs the network: the active one (`setDevice`). */
  get device(): Device {
    return getDevice();
  }

  /** Adds objects or lists of objects (Brian's `net.add`); adding one twice adds it once. */
  add(...objects: (BrianObject | readonly BrianObject[])[]): void {
    for (const o of objects.flat()) {
      if (!this.objects.includes(o)) this.objects.push(o);
    }
  }

  /** Removes objects from the network (Brian's `net.remove`); absent ones are ignored. */
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

  /** Brian's text: `<Network at time t=0. s, containing objects: …>` with each object's own text. */
  toString(): string {
    return `<Network at time t=${this.t}, containing objects: ${this.allObjects().map(String).join(', ')}>`;
  }

  /** `console.log(net)` prints {@link toString}'s text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** Current simulation time of the network. */
  get t(): Quantity {
    return new Quantity(this.time, second.dim);
  }

  /** Current simulation time of the network, in seconds (Brian's `net.t_`). */
  get t_(): number {
    return this.time;
  }

  /** Objects plus what they depend on (a subgroup's parent…) and contain, each once. */
  allObjects(): BrianObject[] {
    const seen = new Set<BrianObject>();
    const visit = (o: BrianObject) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const d of o.dependencies()) visit(d);
      for (const c of o.containedObjects()) visit(c);
    };
    for (const o of this.objects) visit(o);
    return [...seen];
  }

  /**
   * The state of every object that has one (Brian's `Network.get_states`): object name → its
   * `getStates()` (groups: variable name → values).
   */
  getStates(options: GetStatesOptions = {}): Record<string, Record<string, StateValue>> {
    const states: Record<string, Record<string, StateValue>> = {};
    for (const o of this.allObjects()) {
      if (hasStates(o)) states[o.name] = o.getStates(undefined, options);
    }
    return states;
  }

  /** Sets the states given as `getStates()` returns them (Brian's `Network.set_states`). */
  setStates(
    values: Readonly<Record<string, Readonly<Record<string, SettableValue>>>>,
    options: { units?: boolean } = {},
  ): void {
    for (const [name, state] of Object.entries(values)) {
      const o = this.get(name);
      if (!hasStates(o)) throw new BrianError('bad_argument', `${name} has no state variables to set.`);
      o.setStates(state, options);
    }
  }

  /** Asks a running simulation to stop after the current step (Brian's `stop()`). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Simulates `duration` of biological time (Brian's `net.run`): prepares every object (code is
   * generated with the namespaces as they are now), then steps all clocks in schedule order.
   * Blocks until done; `runAsync` is the same run giving the event loop back.
   */
  run(duration: Quantity, options: RunOptions = {}): void {
    const prepared = this.prepareRun(duration, options);
    let result: NetworkRunResult;
    try {
      result = prepared.device.runNetwork(prepared.run);
    } finally {
      this.running = false;
    }
    this.completeRun(prepared, result);
  }

  /**
   * `run()` that gives the event loop back regularly (every ~20 ms of wall-clock time), so a
   * page or a Web Worker stays responsive: progress `report`s arrive during the run, and the
   * `signal` stops it after the current time step. An aborted run keeps the state of its last
   * completed step (time, variables, monitors; a later run continues from there) and rejects
   * with `signal.reason`. The same step loop as `run()`; results are identical.
   */
  async runAsync(duration: Quantity, options: AsyncRunOptions = {}): Promise<void> {
    const signal = options.signal;
    signal?.throwIfAborted();
    const prepared = this.prepareRun(duration, options, () => signal?.aborted === true);
    let result: NetworkRunResult;
    try {
      result = await prepared.device.runNetworkAsync(prepared.run);
    } finally {
      this.running = false;
    }
    this.completeRun(prepared, result);
    signal?.throwIfAborted();
  }

  /** Checks the duration, prepares every object and sets the clocks: what a run hands the device. */
  private prepareRun(
    duration: Quantity,
    options: RunOptions,
    aborted: () => boolean = () => false,
  ): PreparedRun {
    if (!(duration instanceof Quantity) || duration.dim !== second.dim) {
      throw new BrianError(
        typeof duration === 'number' ? 'missing_unit' : 'bad_argument',
        `run() needs a duration in time units, got ${String(duration)}.`,
        { hint: 'e.g. run(ms(100))' },
      );
    }
    if (duration.value < 0)
      throw new BrianError('bad_argument', `run() needs a non-negative duration, got ${duration}.`);
    this.notRunning('run()');
    const objects = this.allObjects();
    for (const o of objects) o.networkId = this.id;
    const device = this.device;
    const ctx = { device, runNamespace: options.namespace };
    for (const o of objects) if (o.active) o.beforeRun(ctx);

    const start = this.time;
    const end = start + duration.value;
    const runners = this.sortedRunners(objects);
    const clocks = [...new Set(runners.map((r) => r.clock).concat(objects.map((o) => o.clock)))];
    for (const c of clocks) c.setInterval(start, end);
    this.stopped = false;
    this.running = true;
    const run: NetworkRun = {
      name: `network_${this.id}`,
      network: this,
      runners,
      clocks,
      start,
      duration: duration.value,
      report: options.report,
      reportPeriod: options.reportPeriod,
      stopped: () => this.stopped || aborted(),
    };
    return { device, objects, run };
  }

  private completeRun({ objects }: PreparedRun, result: NetworkRunResult): void {
    this.lastRunTime = result.elapsed;
    this.time = result.time;
    for (const o of objects) if (o.active) o.afterRun();
  }

  /** An asynchronous run is in progress: nothing else may run, store or restore meanwhile. */
  private notRunning(what: string): void {
    if (!this.running) return;
    throw new BrianError(
      'network_error',
      `${what} while this network is running (runAsync() has not finished).`,
      {
        hint: 'await the runAsync() promise first',
      },
    );
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

  // --- store / restore ----------------------------------------------------------------------

  /** Saves the state of every object (and the clocks and the random state) under `name`, and to `filename` if given. */
  store(name = 'default', filename?: string): void {
    this.notRunning('store()');
    const device = this.device;
    if (isStandalone(device)) {
      // The arrays are saved inside the program; the network keeps the time and the clocks.
      this.noFileOnStandalone('store()', filename);
      device.storeState(`${this.id}:${name}`, this.allObjects());
      this.snapshots.set(name, { ...this.clockState(), arrays: new Map(), random: [] });
      return;
    }
    const snapshot = takeSnapshot(this.runtimeDevice('store()'), this.allObjects(), this.time);
    this.snapshots.set(name, snapshot);
    if (filename) snapshotFiles('store()').write(filename, name, snapshot);
  }

  /** Puts every object back into the state saved by `store(name)` (from `filename` if given). */
  restore(name = 'default', filename?: string, options: { restoreRandomState?: boolean } = {}): void {
    this.notRunning('restore()');
    if (isStandalone(this.device)) this.noFileOnStandalone('restore()', filename);
    const snapshot = filename ? snapshotFiles('restore()').read(filename, name) : this.snapshots.get(name);
    if (!snapshot) {
      throw new BrianError('store_not_found', `No state stored under the name "${name}".`, {
        hint: `stored names: ${[...this.snapshots.keys()].join(', ') || 'none'}`,
      });
    }
    const device = this.device;
    if (isStandalone(device)) {
      device.restoreState(`${this.id}:${name}`, options.restoreRandomState ?? false);
      for (const o of this.allObjects()) {
        const step = snapshot.clocks.get(`${o.clock.name}@${o.name}`);
        if (step !== undefined) o.clock.timestep = step;
      }
      this.time = snapshot.time;
      return;
    }
    this.time = restoreSnapshot(
      this.runtimeDevice('restore()'),
      this.allObjects(),
      snapshot,
      options.restoreRandomState ?? false,
    );
  }

  /** The network time and each object's clock step (what a standalone snapshot keeps on this side). */
  private clockState(): { time: number; clocks: Map<string, number> } {
    const clocks = new Map<string, number>();
    for (const o of this.allObjects()) clocks.set(`${o.clock.name}@${o.name}`, o.clock.timestep);
    return { time: this.time, clocks };
  }

  private noFileOnStandalone(what: string, filename: string | undefined): void {
    if (filename === undefined) return;
    throw new BrianError(
      'not_available_on_device',
      `${what} with a file is not available on device cpp_standalone: the state only exists inside the compiled program.`,
      { hint: 'store and restore by name within the script' },
    );
  }

  /** store()/restore() copy arrays of this process: runtime device only. */
  private runtimeDevice(what: string): RuntimeDevice {
    const device = this.device;
    if (!(device instanceof RuntimeDevice)) {
      throw new BrianError(
        'not_available_on_device',
        `${what} is not available on device ${device.kind}: the state only exists inside the compiled program.`,
        { hint: 'run the script on the runtime device, or use separate networks instead of store/restore' },
      );
    }
    return device;
  }
}

/** The standalone device without importing it (it needs Node; see src/platform/platform.ts). */
function isStandalone(device: Device): device is CppStandaloneDevice {
  return device.kind === 'cpp_standalone';
}

function snapshotFiles(what: string): SnapshotFiles {
  const files = platform().snapshotFiles;
  if (!files) {
    throw new BrianError('not_available_on_platform', `${what} with a file name needs a file system.`, {
      hint: NEEDS_NODE_HINT,
    });
  }
  return files;
}
