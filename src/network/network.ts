import { getDevice } from '../devices/active.ts';
import type { Device, NetworkRun, NetworkRunResult } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkRunArgs, checkStoreArgs } from '../validation/run-options.ts';
import type { BrianObject, RunContext, Runner } from './brian-object.ts';
import type { RunCheckpoint } from './checkpoint-options.ts';
import { Clock } from './clock.ts';
import { uniqueName } from './names.ts';
import { checkDependencies, checkDuration, checkNames, checkOwnership, clocksOf } from './network-checks.ts';
import {
  flattenContents,
  type NetworkContent,
  type NetworkOptions,
  networkArguments,
} from './network-contents.ts';
import { getStates, type NetworkStates, type NetworkStatesOptions, setStates } from './network-states.ts';
import { fileSystemPart, restoreNetwork, storeNetwork } from './network-store.ts';
import { DEFAULT_CHECK_EVERY, finiteChecks, NumericalHealth } from './numerical-health.ts';
import type { AsyncRunOptions, RunOptions } from './run-options.ts';
import { checkSchedule, getDefaultSchedule, setDefaultSchedule, slotRank } from './schedule.ts';
import type { Snapshot } from './snapshot.ts';
import { checkStepCount } from './step-limit.ts';

export type { AsyncRunOptions, RunOptions } from './run-options.ts';

/** A run ready for the device: its objects, what the device runs, its end time and checkpoints. */
interface PreparedRun {
  readonly objects: readonly BrianObject[];
  readonly run: NetworkRun;
  readonly end: number;
  readonly checkpoint?: RunCheckpoint;
}

let nextNetworkId = 1;
/** Set by the global `stop()`: every running network stops after the current step (Brian's `_globally_stopped`). */
let globallyStopped = false;

/** Brian's global `stop()`: the running simulation, whatever its network, stops after the current step. */
export function stopAllNetworks(): void {
  globallyStopped = true;
}

/**
 * A set of objects simulated together (Brian's Network). `run()` prepares every object (code is
 * generated with the namespaces as they are now), then advances all clocks step by step,
 * calling each runner in schedule order: slot, then `order`, then name.
 */
export class Network implements Iterable<BrianObject> {
  /** The network's name (`network`, `network_1`, … or as given). */
  readonly name: string;
  /** The objects added to the network (not the objects they contain). */
  readonly objects: BrianObject[] = [];
  /** Snapshots of `store()` by name. */
  readonly snapshots = new Map<string, Snapshot>();
  /** Seconds spent in the last run's step loop (Brian's `_last_run_time`). */
  lastRunTime = 0;
  protected time = 0;
  private networkId = nextNetworkId++;
  private scheduleValue?: readonly string[];
  private stopped = false;
  private running = false;
  private profiling?: readonly (readonly [string, number])[];

  /** `new Network(G, M, [S1, S2], { name: 'net' })`: objects or containers of objects, then options. */
  constructor(...args: (NetworkContent | NetworkOptions)[]) {
    const { contents, options } = networkArguments(args);
    this.name = uniqueName(options.name ?? 'network*');
    if (contents.length > 0) this.add(...(contents as NetworkContent[]));
  }

  /** Objects that ran in this network carry its id (`BrianObject.networkId`). */
  get id(): number {
    return this.networkId;
  }

  /** A new id: the magic network's next simulation is a network of its own. */
  protected assignId(): void {
    this.networkId = nextNetworkId++;
  }

  /** The schedule of networks not given their own (Brian's `core.network.default_schedule` preference). */
  static get defaultSchedule(): readonly string[] {
    return getDefaultSchedule();
  }

  /** Sets the default schedule (`null`: Brian's). */
  static set defaultSchedule(schedule: readonly string[] | null | undefined) {
    setDefaultSchedule(schedule);
  }

  /** The slots of a time step, in order; set it to reorder them, `null` for the default. */
  get schedule(): readonly string[] {
    return this.scheduleValue ?? getDefaultSchedule();
  }

  /** Sets the network's own schedule (a list of slot names; `null`: the default). */
  set schedule(value: readonly string[] | null | undefined) {
    this.scheduleValue = value == null ? undefined : checkSchedule(value);
  }

  /** The device that runs the network: the active one (`setDevice`). */
  get device(): Device {
    return getDevice();
  }

  /**
   * Adds objects, arrays or records of them (Brian's `net.add`); adding one twice adds it once; an object
   * that already ran in another simulation is refused (`network_error`).
   */
  add(...contents: NetworkContent[]): void {
    for (const o of flattenContents(contents, 'Network.add()')) {
      if (o.networkId !== undefined) {
        throw new BrianError(
          'network_error',
          `${o.name} has already been simulated, it cannot be added to a network.`,
          { hint: 'to stop an object from running for a while, set its active flag to false instead' },
        );
      }
      if (!this.objects.includes(o)) this.objects.push(o);
    }
  }

  /** Removes objects from the network (Brian's `net.remove`); one that is not in it is `unknown_object`. */
  remove(...contents: NetworkContent[]): void {
    for (const o of flattenContents(contents, 'Network.remove()')) {
      const k = this.objects.indexOf(o);
      if (k < 0) throw new BrianError('unknown_object', `${o.name} is not part of the network ${this.name}.`);
      this.objects.splice(k, 1);
    }
  }

  /** The object called `name` (contained objects included; Brian's `net[name]`). */
  get(name: string): BrianObject {
    checkName(name);
    const found = this.allObjects().find((o) => o.name === name);
    if (!found)
      throw new BrianError('unknown_object', `The network ${this.name} has no object called "${name}".`);
    return found;
  }

  /** Whether an object called `name` takes part (Brian's `name in net`). */
  has(name: string): boolean {
    return this.allObjects().some((o) => o.name === name);
  }

  /** Removes the object called `name` (Brian's `del net[name]`). */
  delete(name: string): void {
    checkName(name);
    const found = this.objects.find((o) => o.name === name);
    if (!found)
      throw new BrianError('unknown_object', `The network ${this.name} has no object called "${name}".`);
    this.remove(found);
  }

  /** Every object, contained objects included (Brian's `iter(net)`; `[...net].length` is Brian's `len(net)`). */
  [Symbol.iterator](): Iterator<BrianObject> {
    return this.allObjects()[Symbol.iterator]();
  }

  /** Current simulation time of the network. */
  get t(): Quantity {
    return new Quantity(this.time, second.dim);
  }

  /** Current simulation time of the network, in seconds (Brian's `net.t_`). */
  get t_(): number {
    return this.time;
  }

  /** Moves the network's time (Brian's `net.t_ = …`); the next run starts there. */
  set t_(value: number) {
    this.time = value;
  }

  /**
   * Objects and the objects they contain, each once. Not what they depend on: a monitor run
   * without its group is a network_error (Brian's dependency check), not a silent addition.
   */
  allObjects(): BrianObject[] {
    const seen = new Set<BrianObject>();
    const visit = (o: BrianObject) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const c of o.containedObjects()) visit(c);
    };
    for (const o of this.objects) visit(o);
    return [...seen];
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
    if (!prepared) return;
    let result: NetworkRunResult;
    try {
      result = this.device.runNetwork(prepared.run);
    } finally {
      this.running = false;
    }
    this.completeRun(prepared, result, options);
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
    const prepared = this.prepareRun(duration, options, () => signal?.aborted === true, 'runAsync');
    if (!prepared) return;
    let result: NetworkRunResult;
    try {
      result = await this.device.runNetworkAsync(prepared.run);
    } finally {
      this.running = false;
    }
    // An aborted run was interrupted, not ended: its checkpoint resumes (stop() ends a run).
    this.completeRun(prepared, result, options, signal?.aborted === true);
    signal?.throwIfAborted();
  }

  /**
   * Brian's `Network.run` up to the loop: the clocks set to the interval (checking a changed dt),
   * then the checks and each object's preparation; what the device runs. Undefined when there
   * is nothing to run (an empty network keeps its time, as Brian's).
   */
  private prepareRun(
    duration: Quantity,
    options: RunOptions,
    aborted: () => boolean = () => false,
    fn: 'run' | 'runAsync' = 'run',
  ): PreparedRun | undefined {
    options = checkRunArgs(duration, options, fn);
    checkDuration(duration);
    this.notRunning('run()');
    const objects = this.currentObjects();
    let start = this.time;
    let end = start + duration.value;
    const clocks = clocksOf(objects);
    for (const c of clocks) c.setInterval(start, end);
    checkStepCount(clocks, duration);
    if (objects.length === 0) return undefined;
    checkNames(objects);
    this.stopped = false;
    globallyStopped = false;
    this.checkDependencies(objects);
    checkOwnership(objects, this.id);
    const checkpoint =
      options.checkpoint &&
      fileSystemPart('checkpoints', 'run(…, { checkpoint })')(this, objects, start, end, options.checkpoint);
    const ctx: RunContext = { device: this.device, runNamespace: options.namespace };
    const active = objects.filter((o) => o.active);
    // Checks between objects (two Synapses summing into one variable) before any prepares.
    for (const [k, o] of active.entries()) o.checkAgainst(active.slice(0, k));
    for (const o of active) o.beforeRun(ctx);
    const resumed = checkpoint?.resume(objects, clocks, ctx);
    if (resumed) ({ start, end } = resumed);
    this.time = start;
    for (const o of objects) o.networkId = this.id;
    const runners = this.sortedRunners(objects.filter((o) => o.active));
    for (const [k, r] of runners.entries()) r.absorbLater?.(runners.slice(k + 1), ctx);
    const checks = options.checkFinite === false ? [] : finiteChecks(objects);
    const stepped = runners.map((r) => r.clock).filter((c): c is Clock => c instanceof Clock);
    // Checks and checkpoints count steps of the fastest clock of the run (EventClocks have no steps).
    const fastest = stepped.length > 0 ? stepped.reduce((a, b) => (b.dt_ < a.dt_ ? b : a)) : undefined;
    if (checks.length > 0 && fastest) {
      // Last in every step.
      const every = (options.checkFinite ? options.checkFinite.every : undefined) ?? DEFAULT_CHECK_EVERY;
      runners.push(...new NumericalHealth(fastest, this.device, checks, every, [...runners]).runners());
    }
    this.running = true;
    const runClocks = [...new Set([...clocks, ...runners.map((r) => r.clock)])];
    const run: NetworkRun = {
      name: `network_${this.id}`,
      network: this,
      runners,
      clocks: runClocks,
      finish: runners.flatMap((r) => r.finish ?? []),
      start,
      duration: end - start,
      report: options.report,
      reportPeriod: options.reportPeriod,
      profile: options.profile,
      stopped: () => this.stopped || globallyStopped || aborted(),
      checkpoint: checkpoint?.hook(objects, fastest, runClocks),
    };
    return { objects, run, end, checkpoint };
  }

  private completeRun(
    prepared: PreparedRun,
    result: NetworkRunResult,
    options: RunOptions,
    interrupted = false,
  ): void {
    this.lastRunTime = result.elapsed;
    // The end exactly (a resumed run's start + duration may miss it by a rounding).
    this.time = prepared.run.stopped() ? result.time : prepared.end;
    this.profiling = options.profile ? modelProfile(result.profile ?? new Map()) : undefined;
    for (const o of prepared.objects) if (o.active) o.afterRun();
    prepared.checkpoint?.write(prepared.objects, this.time, !interrupted);
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

  /** The objects a run, store() or restore() works on now (the magic network collects them first). */
  currentObjects(): BrianObject[] {
    return this.allObjects();
  }

  /** Every object an active object depends on (a subgroup: its root group) must take part. */
  protected checkDependencies(objects: readonly BrianObject[]): void {
    checkDependencies(objects);
  }

  /** Runners in schedule order: slot (this network's schedule), then `order`, then name. */
  sortedRunners(objects: readonly BrianObject[]): Runner[] {
    return objects
      .flatMap((o) => o.runners())
      .map((r) => ({ r, rank: slotRank(r.when, this.schedule) }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          a.r.order - b.r.order ||
          (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0),
      )
      .map((x) => x.r);
  }

  /**
   * Time spent in each operation of the last run made with `profile: true`, longest first
   * (Brian's `profiling_info`); an error if that run was not profiled.
   */
  get profilingInfo(): [string, Quantity][] {
    if (!this.profiling) {
      throw new BrianError(
        'bad_argument',
        `No profiling information for ${this.name}: its last run was not profiled.`,
        {
          hint: 'run with { profile: true }',
        },
      );
    }
    return [...this.profiling]
      .sort((a, b) => b[1] - a[1])
      .map(([name, s]) => [name, new Quantity(s, second.dim)]);
  }

  /** A standalone program's profile of a run made with `profile: true`, known once it ran. */
  receiveProfile(profile: ReadonlyMap<string, number>): void {
    this.profiling = modelProfile(profile);
  }

  /** Saves the state of every object, the clocks, the time and the random state under `name` (and to `filename`). */
  store(name = 'default', filename?: string): void {
    checkStoreArgs(name, filename, 'store');
    this.notRunning('store()');
    storeNetwork(this, name, filename);
  }

  /** Puts every object back into the state saved by `store(name)` (from `filename` if given). */
  restore(name = 'default', filename?: string, options: { restoreRandomState?: boolean } = {}): void {
    options = checkStoreArgs(name, filename, 'restore', options);
    this.notRunning('restore()');
    restoreNetwork(this, name, filename, options.restoreRandomState ?? false);
  }

  /** The state variables of every object, by object name (Brian's `Network.get_states`). */
  getStates(options: NetworkStatesOptions = {}): NetworkStates {
    return getStates(this.allObjects(), options);
  }

  /** Sets state variables of objects by name (Brian's `Network.set_states`). */
  setStates(values: NetworkStates, options: { units?: boolean } = {}): void {
    setStates(this.allObjects(), values, options);
  }

  /** Brian's text: `<Network at time t=0. s, containing objects: …>` with each object's own text. */
  toString(): string {
    return `<Network at time t=${this.t}, containing objects: ${this.allObjects().map(String).join(', ')}>`;
  }

  /** `console.log(net)` prints {@link toString}'s text. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function checkName(name: unknown): string {
  if (typeof name !== 'string') {
    throw new BrianError(
      'bad_argument',
      `Objects of a network are found by name (a string), not ${describeValue(name)}.`,
    );
  }
  return name;
}

/** Brian's profiling lists the model's code objects: not internal runners (`_numerical_health`). */
function modelProfile(profile: ReadonlyMap<string, number>): [string, number][] {
  return [...profile].filter(([name]) => !name.startsWith('_'));
}
