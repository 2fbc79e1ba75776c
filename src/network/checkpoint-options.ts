import type { CheckpointHook } from '../devices/device.ts';
import type { Quantity } from '../units/quantity.ts';
import type { BrianObject, RunContext } from './brian-object.ts';
import type { BaseClock, Clock } from './clock.ts';
import type { Network } from './network.ts';

/**
 * Durable runs, `run(duration, { checkpoint: { every: second(1), path: 'cuba.ckpt' } })`: the
 * run writes a snapshot of the whole simulation (every object's state, what monitors recorded,
 * spikes in flight, clocks, the random state) to `path` every `every` and at its end. Started
 * again after a crash or a kill, the same script resumes: the run finds its snapshot in the
 * file, restores it and simulates only what remains up to its end time, with the results of a
 * run that was never interrupted (random numbers are keyed by seed and time step, so the
 * script must call `seed(…)` before it builds the model). Monitors then hold the whole run
 * (`M.t`, `M.i` include the spikes recorded before the kill). A run whose snapshot was written
 * at its end (or when `stop()` ended it) is not simulated again: its final state is restored.
 * Several runs may share one file (each has its own entry): after a kill during the third run
 * of a script, running it again restores the first two and resumes the third. An aborted
 * `runAsync` resumes too (a script may abort on SIGINT and be continued later).
 *
 * ```ts
 * seed(42);
 * const P = new NeuronGroup(4000, eqs, { threshold: 'v > Vt', reset: 'v = Vr', method: 'exact' });
 * const M = new SpikeMonitor(P);
 * run(second(20), { checkpoint: { every: second(1), path: 'cuba.ckpt' } });
 * // Killed at 13.4 s? Run the script again: it restores 13 s, simulates 7 s, M holds all 20 s.
 * ```
 *
 * A snapshot is only used by the run that wrote it: the same network, start and end time, the
 * same state when the run starts (values, synapses, recordings so far, random seed) and the same
 * generated code (equations, parameters). Any other run (an edited script, a script without
 * `seed()`, whose initial values differ at each start) starts from its beginning, with the
 * warning `checkpoint_not_resumed` when the file holds a snapshot of a run of the same network
 * and times. Delete the file to start afresh. The file is a snapshot file of `store()`'s format,
 * replaced atomically (a kill while writing leaves the previous snapshot).
 *
 * Not kept: the state of JavaScript callbacks (network operations, user functions). A streamed
 * monitor starts its stream anew after a resume: its first hand-over holds every row recorded
 * so far (a file sink rewrites its file whole). Needs Node (a file system) and the runtime
 * device; `cpp_standalone` refuses the option (`not_available_on_device`).
 */
export interface CheckpointOptions {
  /**
   * How often to write the snapshot: a time of simulation (`second(1)`), or a whole number of
   * time steps of the run's fastest clock; also at the end of the run.
   */
  readonly every: Quantity | number;
  /** The snapshot file (created with its entry; other entries are kept). */
  readonly path: string;
  /**
   * Resume from the run's snapshot in `path` when there is one (default `true`); `false`
   * always simulates the whole run (and replaces the run's snapshot as it goes).
   */
  readonly resume?: boolean;
}

/**
 * The checkpoints of one run, as the network uses them (the file machinery is Node-only,
 * network/checkpoint.ts, installed as `platform().checkpoints`): opened before the objects
 * prepare (a run's identity includes its starting state), asked for a snapshot to resume from
 * once the code is generated, then written during the run (`hook`) and at its end.
 */
export interface RunCheckpoint {
  /**
   * The run's snapshot restored, when the file has one and `resume` is not false: the clocks
   * set to go on from its time, the objects prepared again (with `ctx`) from the restored state.
   * Returns the interval left to simulate (undefined: the run starts from its beginning).
   */
  resume(
    objects: readonly BrianObject[],
    clocks: readonly BaseClock[],
    ctx: RunContext,
  ): { readonly start: number; readonly end: number } | undefined;
  /**
   * What the step loop calls: a snapshot every `every` steps of `fastest` (none without a
   * stepping clock), at the time of the earliest of `clocks`.
   */
  hook(
    objects: readonly BrianObject[],
    fastest: Clock | undefined,
    clocks: readonly BaseClock[],
  ): CheckpointHook | undefined;
  /** Writes the run's snapshot (at `time`; `complete`: the run has ended). */
  write(objects: readonly BrianObject[], time: number, complete: boolean): void;
}

/** Opens the checkpoints of a run (what `platform().checkpoints` does). */
export type OpenCheckpoint = (
  net: Network,
  objects: readonly BrianObject[],
  start: number,
  end: number,
  options: CheckpointOptions,
) => RunCheckpoint;
