import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Device, StepAction } from '../devices/device.ts';
import { userCallSite } from '../diagnostics/diagnostic.ts';
import { MISSING, type NamedContents, withNamedContents } from './attribute-access.ts';
import type { BaseClock } from './clock.ts';
import type { Slot } from './schedule.ts';

/** What objects need when a run starts: the device and the run's namespace. */
export interface RunContext {
  readonly device: Device;
  readonly runNamespace?: Namespace;
}

/**
 * One scheduled operation of an object (Brian's CodeRunner / code object): a state updater, a
 * thresholder, a monitor's recording step. `prepare` (re)builds it at the start of each run with
 * the namespace of that run; `step` is what the network calls in its loop.
 */
export interface Runner {
  readonly name: string;
  readonly when: Slot;
  readonly order: number;
  readonly clock: BaseClock;
  /** The object this runner belongs to; its `active` flag switches the runner. */
  readonly owner: BrianObject;
  /**
   * The object it is part of where that is not `owner` (Brian's `group` of a CodeRunner, the "part
   * of" column of `schedulingSummary`): a PoissonInput's target; `null` for none (a network
   * operation).
   */
  readonly partOf?: BrianObject | null;
  prepare(ctx: RunContext): void;
  step: (t: number, dt: number, timestep: number) => void;
  /**
   * What `step` does, as data, set by `prepare` (kernel calls, spike queue moves): devices that
   * compile the whole run loop (C++ standalone) use this instead of `step`. Runners without it
   * (a JavaScript callback) cannot run there.
   */
  actions?: readonly StepAction[];
  /** What to do once after each run's loop (a thresholder clears its spike count, as Brian's `after_run`). */
  finish?: readonly StepAction[];
  /**
   * Offered the runners scheduled after this one, once all are prepared: this runner's step may
   * take over the work of one of them, whose step then does nothing, where the results stay the
   * same (a state update and its group's threshold in one loop, on devices that can:
   * StateUpdater).
   */
  absorbLater?(later: readonly Runner[], ctx: RunContext): void;
}

/** Anything that takes part in a simulation (Brian's BrianObject). */
export abstract class BrianObject {
  /** Skip this object in runs while false (monitors switched off, …). */
  active = true;
  /** Where the user's script created the object, for error messages. */
  readonly createdAt = userCallSite();
  /** Id of the network that last ran this object (magic run() uses it). */
  networkId?: number;

  constructor(
    /** Unique name in the simulation (Brian's `name`: `neurongroup`, `spikemonitor_1`…); read-only. */
    readonly name: string,
    /** The clock that times this object's steps (Brian's `clock`; `defaultclock` unless `dt` or `clock` was given); read-only. */
    readonly clock: BaseClock,
  ) {
    // Read-only at run time too: `G.name = …` is an error (or sets a variable called `name`).
    for (const key of ['name', 'clock']) Object.defineProperty(this, key, { writable: false });
    // `X.name` resolves API members, then the object's named contents, else errors (see there).
    // biome-ignore lint/correctness/noConstructorReturn: one proxy for every user object
    return withNamedContents(this, (o) => o.namedContents());
  }

  /** Set at the end of the concrete constructor: unknown attribute names are errors from then on. */
  protected attributesReady = false;

  /** Marks construction as finished: from now on `X.unknown` is an error, not `undefined`. */
  protected exposeAttributes(): void {
    this.attributesReady = true;
  }

  /**
   * What `X.name` gives when `name` is not an API member (a group's variables, a monitor's
   * recorded variables); by default nothing.
   */
  protected namedContents(): NamedContents {
    return {
      ready: this.attributesReady,
      what: 'attributes',
      owner: this.name,
      names: () => [],
      read: () => MISSING,
      write: () => false,
    };
  }

  /** The runners this object contributes to the schedule. */
  abstract runners(): readonly Runner[];

  /** Ids of every device array holding state of this object (for store/restore). */
  abstract stateArrays(): readonly string[];

  /**
   * Checks this object against the others of a run, before any of them prepares (Brian's
   * network-level checks, e.g. two Synapses summing into one variable). Only the objects
   * before this one in `objects` are given, so that each pair is checked once.
   */
  checkAgainst(_earlier: readonly BrianObject[]): void {}

  /** Called at the start of every run (compile kernels with the run's namespace). */
  beforeRun(ctx: RunContext): void {
    for (const r of this.runners()) r.prepare(ctx);
  }

  /** Called at the end of every run (monitors trim their buffers, …); nothing by default. */
  afterRun(): void {}

  /** State kept outside device arrays (spike queues in flight), for store(); JSON-compatible. */
  saveState(): unknown {
    return undefined;
  }

  /** Puts back what {@link saveState} returned (restore()); nothing by default. */
  loadState(_state: unknown): void {}

  /**
   * Objects this one reads or writes (a monitor's source, the groups of a Synapses): a network
   * must contain them too (for a subgroup, its root group), or `run()` refuses (Brian's
   * `_dependencies`; the magic network deactivates the object with a warning).
   */
  dependencies(): readonly BrianObject[] {
    return [];
  }

  /** What stands for this object in a network's dependency check (a subgroup: its root group). */
  dependencyRoot(): BrianObject {
    return this;
  }

  /** Prefix of the object's device arrays (unique on its device), if it has arrays. */
  readonly storage?: string;

  /**
   * Objects that belong to this one and run with it without being added to a network (Brian's
   * `contained_objects`): a network's `get`, iteration and `getStates()` see them.
   */
  containedObjects(): readonly BrianObject[] {
    return [];
  }

  /**
   * Whether a new object of this kind makes the magic `run()` start a new simulation (Brian's
   * `invalidates_magic_network`): monitors do not, so they can join a running simulation.
   */
  readonly invalidatesMagicNetwork: boolean = true;

  /**
   * Brian's text of the object, e.g. `NeuronGroup(clock=Clock(dt=100. * usecond, name='defaultclock'),
   * when=start, order=0, name='neurongroup')`; monitors print a one-line summary instead.
   */
  toString(): string {
    // Read only members the object has: user objects answer unknown names with an error.
    const self = this as unknown as { when?: string; order?: number };
    const when = 'when' in self ? self.when : 'start';
    const order = 'order' in self ? self.order : 0;
    return `${this.constructor.name}(clock=${this.clock}, when=${when}, order=${order}, name='${this.name}')`;
  }

  /** `console.log(G)` prints {@link toString}'s text, not the object's internals. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
