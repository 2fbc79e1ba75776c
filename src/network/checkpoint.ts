import { warn } from '../core/log.ts';
import type { CheckpointHook } from '../devices/device.ts';
import { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { BrianObject, RunContext } from './brian-object.ts';
import type { CheckpointOptions, OpenCheckpoint, RunCheckpoint } from './checkpoint-options.ts';
import type { BaseClock, Clock } from './clock.ts';
import { ContentHash, hashCode, hashState } from './fingerprint.ts';
import { checkSnapshotObjects, clocksOf, restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.ts';
import { readSnapshotFile, snapshotFileNames, writeSnapshotFile } from './snapshot-file.ts';

/** Name prefix of checkpoint entries in a snapshot file (user `store()` names are free otherwise). */
const PREFIX = 'checkpoint';

/**
 * The checkpoints of one run in a snapshot file (`run(…, { checkpoint })`, see
 * {@link CheckpointOptions}); Node only (installed as `platform().checkpoints` by
 * src/platform/node.ts). Each run has its own entry in the file, named
 * `checkpoint <network> <start> <end> <hash>`, where the hash is that of the run's starting
 * state and generated code (network/fingerprint.ts): a run finds its own snapshot by name.
 */
class FileCheckpoint implements RunCheckpoint {
  private key = '';

  constructor(
    private readonly device: RuntimeDevice,
    private readonly options: CheckpointOptions,
    /** `checkpoint <network> <start> <end>`: the entries of runs of this network over this interval. */
    private readonly slot: string,
    private readonly stateHash: ContentHash,
    private readonly end: number,
  ) {}

  /**
   * Once the objects prepared (their code is generated): the run's snapshot restored, when the
   * file has one and `resume` is not false; the clocks are set to go on from its time to the
   * end and the objects prepared again. Returns the interval left to simulate (undefined: the
   * run starts from its beginning).
   */
  resume(
    objects: readonly BrianObject[],
    clocks: readonly BaseClock[],
    ctx: RunContext,
  ): { readonly start: number; readonly end: number } | undefined {
    hashCode(this.stateHash, this.device, objects);
    this.key = `${this.slot} ${this.stateHash.digest()}`;
    if (this.options.resume === false) return undefined;
    const names = snapshotFileNames(this.options.path);
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
    const snapshot = readSnapshotFile(this.options.path, this.key)!;
    checkSnapshotObjects(objects, snapshot, `in the checkpoint ${this.options.path}`);
    restoreSnapshot(this.device, objects, snapshot, true);
    // The remaining interval; a complete run's snapshot leaves nothing to simulate.
    const end = snapshot.complete ? snapshot.time : this.end;
    for (const c of clocks) c.setInterval(snapshot.time, end);
    restoreClocks(objects, snapshot);
    // Prepared again from the restored state (spike queues, generators), as after restore().
    for (const o of objects) if (o.active) o.beforeRun(ctx);
    return { start: snapshot.time, end };
  }

  /**
   * What the step loop calls: a snapshot every `every` steps of `fastest` (counted from t = 0,
   * not at the run's last step, which the end of the run writes), none without a stepping
   * clock. Its time is that of the earliest clock (a slower clock may be ahead).
   */
  hook(
    objects: readonly BrianObject[],
    fastest: Clock | undefined,
    clocks: readonly BaseClock[],
  ): CheckpointHook | undefined {
    if (!fastest) return undefined;
    const every = this.options.every;
    const steps = typeof every === 'number' ? every : Math.max(1, Math.round(every.value / fastest.dt_));
    return {
      clock: fastest,
      stepped: () => {
        const step = fastest.timestep;
        if (step % steps !== 0 || step >= fastest.endTimestep) return;
        this.write(objects, Math.min(...clocks.map((c) => c.t_)), false);
      },
    };
  }

  /** Writes the run's snapshot (at `time`; `complete`: the run has ended). */
  write(objects: readonly BrianObject[], time: number, complete: boolean): void {
    const snapshot: Snapshot = { ...takeSnapshot(this.device, objects, time), complete };
    writeSnapshotFile(this.options.path, this.key, snapshot);
  }
}

/**
 * Opens the checkpoints of a run before its objects prepare: the hash of its starting state
 * (the code is added once it is generated). Runtime device only: a compiled program keeps its
 * state to itself (`not_available_on_device`).
 */
export const openFileCheckpoint: OpenCheckpoint = (net, objects, start, end, options) => {
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
  const hash = new ContentHash().text(net.name).text(String(start)).text(String(end));
  hash.text(net.schedule.join(','));
  hashState(hash, device, objects);
  return new FileCheckpoint(device, options, `${PREFIX} ${net.name} ${start} ${end}`, hash, end);
};

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
