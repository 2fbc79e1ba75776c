import { warn } from '../core/log.ts';
import type { CheckpointHook } from '../devices/device.ts';
import { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { NEEDS_NODE_HINT, platform, type SnapshotFiles } from '../platform/platform.ts';
import type { Quantity } from '../units/quantity.ts';
import type { BrianObject } from './brian-object.ts';
import type { BaseClock, Clock } from './clock.ts';
import { ContentHash, hashCode, hashState } from './fingerprint.ts';
import type { Network } from './network.ts';
import { checkSnapshotObjects, clocksOf, restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.ts';

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

/** Name prefix of checkpoint entries in a snapshot file (user `store()` names are free otherwise). */
const PREFIX = 'checkpoint';

/**
 * The checkpoints of one run: opened before the objects prepare (the run's identity includes
 * its starting state), then asked for a snapshot to resume from once the code is generated.
 */
export class RunCheckpoint {
  private key = '';

  private constructor(
    private readonly device: RuntimeDevice,
    private readonly files: SnapshotFiles,
    private readonly options: CheckpointOptions,
    /** `checkpoint <network> <start> <end>`: the entries of runs of this network over this interval. */
    private readonly slot: string,
    private readonly stateHash: ContentHash,
    private readonly end: number,
  ) {}

  /** Before the objects of the run prepare: the device and file checks, and the hash of the starting state. */
  static open(
    net: Network,
    objects: readonly BrianObject[],
    start: number,
    end: number,
    options: CheckpointOptions,
  ): RunCheckpoint {
    const device = net.device;
    if (!(device instanceof RuntimeDevice)) {
      throw new BrianError(
        'not_available_on_device',
        `run(…, { checkpoint }) is not available on device ${device.kind}: the state lives inside the compiled program, which cannot write snapshots.`,
        {
          hint: "run on the runtime device (setDevice('runtime')) to checkpoint, or drop the checkpoint option",
        },
      );
    }
    const files = platform().snapshotFiles;
    if (!files) {
      throw new BrianError('not_available_on_platform', 'run(…, { checkpoint }) writes a file.', {
        hint: NEEDS_NODE_HINT,
      });
    }
    const hash = new ContentHash().text(net.name).text(String(start)).text(String(end));
    hash.text(net.schedule.join(','));
    hashState(hash, device, objects);
    device.logSources();
    return new RunCheckpoint(device, files, options, `${PREFIX} ${net.name} ${start} ${end}`, hash, end);
  }

  /**
   * Once the objects prepared (their code is generated): the run's snapshot restored, when the
   * file has one and `resume` is not false; the clocks are set to go on from its time to the
   * end. Returns the interval left to simulate (undefined: the run starts from its beginning).
   */
  resume(
    objects: readonly BrianObject[],
    clocks: readonly BaseClock[],
  ): { readonly start: number; readonly end: number } | undefined {
    hashCode(this.stateHash, this.device.takeSourceLog(), objects);
    this.key = `${this.slot} ${this.stateHash.digest()}`;
    if (this.options.resume === false) return undefined;
    const names = this.files.names(this.options.path);
    if (!names.includes(this.key)) {
      if (names.some((name) => name.startsWith(`${this.slot} `))) {
        warn(
          'checkpoint_not_resumed',
          `${this.options.path} holds a checkpoint of a run of the same network and times, but with another model or starting state ` +
            '(the script changed, or it does not call seed() and its random values differ at each start): the run starts from its beginning.',
        );
      }
      return undefined;
    }
    const snapshot = this.files.read(this.options.path, this.key)!;
    checkSnapshotObjects(objects, snapshot, `in the checkpoint ${this.options.path}`);
    restoreSnapshot(this.device, objects, snapshot, true);
    // The remaining interval; a complete run's snapshot leaves nothing to simulate.
    const end = snapshot.complete ? snapshot.time : this.end;
    for (const c of clocks) c.setInterval(snapshot.time, end);
    restoreClocks(objects, snapshot);
    return { start: snapshot.time, end };
  }

  /** What the step loop calls: a snapshot every `every` steps of `fastest` (none without a stepping clock). */
  hook(objects: readonly BrianObject[], fastest: Clock | undefined): CheckpointHook | undefined {
    if (!fastest) return undefined;
    const every = this.options.every;
    const steps = typeof every === 'number' ? every : Math.max(1, Math.round(every.value / fastest.dt_));
    return { clock: fastest, every: steps, save: (time) => this.write(objects, time, false) };
  }

  /** Writes the run's snapshot (at `time`; `complete`: the run has ended). */
  write(objects: readonly BrianObject[], time: number, complete: boolean): void {
    const snapshot: Snapshot = { ...takeSnapshot(this.device, objects, time), complete };
    this.files.write(this.options.path, this.key, snapshot);
  }
}

/**
 * Each object's clocks exactly at their saved steps (after `setInterval` computed the end):
 * slower clocks of a run resumed between two steps of the fastest one included.
 */
function restoreClocks(objects: readonly BrianObject[], snapshot: Snapshot): void {
  for (const o of objects) {
    const saved = snapshot.objects.get(o.name);
    if (!saved) continue;
    clocksOf(o).forEach((c, k) => {
      if (saved.clocks[k]) c.timestep = saved.clocks[k].timestep;
    });
  }
}
