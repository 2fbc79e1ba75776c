import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Device, StepAction } from '../devices/device.ts';
import { userCallSite } from '../diagnostics/diagnostic.ts';
import type { Clock } from './clock.ts';
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
  readonly clock: Clock;
  /** The object this runner belongs to; its `active` flag switches the runner. */
  readonly owner: BrianObject;
  prepare(ctx: RunContext): void;
  step: (t: number, dt: number, timestep: number) => void;
  /**
   * What `step` does, as data, set by `prepare` (kernel calls, spike queue moves): devices that
   * compile the whole run loop (C++ standalone) use this instead of `step`. Runners without it
   * (a JavaScript callback) cannot run there.
   */
  actions?: readonly StepAction[];
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
    readonly name: string,
    readonly clock: Clock,
  ) {}

  /** The runners this object contributes to the schedule. */
  abstract runners(): readonly Runner[];

  /** Ids of every device array holding state of this object (for store/restore). */
  abstract stateArrays(): readonly string[];

  /** Called at the start of every run (compile kernels with the run's namespace). */
  beforeRun(ctx: RunContext): void {
    for (const r of this.runners()) r.prepare(ctx);
  }

  afterRun(): void {}

  /** State kept outside device arrays (spike queues in flight), for store(); JSON-compatible. */
  saveState(): unknown {
    return undefined;
  }

  loadState(_state: unknown): void {}

  /** Objects that must run together with this one (a group's subgroup's parent, a synapse's pathways…). */
  dependencies(): readonly BrianObject[] {
    return [];
  }
}
