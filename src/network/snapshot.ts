import { DynamicArray, type TypedArray } from '../devices/runtime/arrays.ts';
import type { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { BrianObject } from './brian-object.ts';
import type { BaseClock, ClockState } from './clock.ts';

/**
 * The saved state of a network (Brian's `store()`), by object name as Brian keeps it (so a
 * state saved to a file can be restored into objects created anew with the same names): each
 * object's arrays (dynamic ones with their length, so synapses come back too), its clocks'
 * step and dt, what it keeps outside arrays (spikes in flight), plus the network time and the
 * random generator state. Restoring copies values back into the existing arrays, so compiled
 * kernels stay valid.
 */
export interface Snapshot {
  readonly time: number;
  readonly objects: ReadonlyMap<string, ObjectSnapshot>;
  readonly random: readonly number[];
  /**
   * A checkpoint written when its run had ended (at its end time, or stopped early): resuming
   * from it restores the state and simulates nothing more (network/checkpoint.ts).
   */
  readonly complete?: boolean;
}

export interface ObjectSnapshot {
  /** Arrays by their id without the object's storage prefix (`_v`, `_synaptic_pre`, …). */
  readonly arrays: ReadonlyMap<string, { readonly values: TypedArray; readonly length: number }>;
  /** The object's clock, then the clocks of its runners (run_regularly with its own dt…), in order. */
  readonly clocks: readonly ClockState[];
  /** State kept outside arrays (spikes in flight), JSON-compatible. */
  readonly state?: unknown;
}

/** The object's clocks, its own first: what a snapshot keeps the step and dt of. */
export function clocksOf(o: BrianObject): BaseClock[] {
  return [...new Set([o.clock, ...o.runners().map((r) => r.clock)])];
}

/** An array's key in a snapshot: its id without the object's storage prefix. */
export function relativeKey(o: BrianObject, id: string): string {
  const prefix = o.storage;
  return prefix !== undefined && id.startsWith(`${prefix}_`) ? id.slice(prefix.length) : id;
}

/** Whether an object has state that store() keeps (Brian's objects with a `_full_state`). */
export function hasState(o: BrianObject): boolean {
  return o.stateArrays().length > 0 || o.saveState() !== undefined;
}

/** Snapshot of objects; `device` undefined (cpp_standalone) keeps only clocks and time. */
export function takeSnapshot(
  device: RuntimeDevice | undefined,
  objects: readonly BrianObject[],
  time: number,
): Snapshot {
  const entries = new Map<string, ObjectSnapshot>();
  for (const o of objects) {
    if (!hasState(o)) continue;
    const arrays = new Map<string, { values: TypedArray; length: number }>();
    if (device) {
      for (const id of o.stateArrays()) {
        const a = device.array(id);
        arrays.set(relativeKey(o, id), { values: a.view().slice(), length: a.length });
      }
    }
    const state = device ? o.saveState() : undefined;
    entries.set(o.name, {
      arrays,
      clocks: clocksOf(o).map((c) => c.saveState()),
      state: state === undefined ? undefined : structuredClone(state),
    });
  }
  return { time, objects: entries, random: device ? device.draws.getState() : [] };
}

/**
 * Checks that the snapshot holds exactly the objects with state of the network (by name; Brian's
 * KeyErrors), before anything is changed.
 */
export function checkSnapshotObjects(
  objects: readonly BrianObject[],
  snapshot: Snapshot,
  where: string,
): void {
  const names = new Set<string>();
  for (const o of objects) {
    if (!hasState(o)) continue;
    names.add(o.name);
    if (!snapshot.objects.has(o.name)) {
      throw new BrianError(
        'store_mismatch',
        `The stored state ${where} has no state for '${o.name}'. Objects must have the names they had when stored.`,
      );
    }
  }
  const unused = [...snapshot.objects.keys()].filter((name) => !names.has(name));
  if (unused.length > 0) {
    throw new BrianError(
      'store_mismatch',
      `The stored state ${where} contains the state of objects that are not in the network: ${unused.join(', ')}. ` +
        'Objects must have the names they had when stored.',
    );
  }
}

/** Restores clocks and (with a device) arrays and object states; returns the network time. */
export function restoreSnapshot(
  device: RuntimeDevice | undefined,
  objects: readonly BrianObject[],
  snapshot: Snapshot,
  restoreRandomState: boolean,
): number {
  for (const o of objects) {
    const saved = snapshot.objects.get(o.name);
    if (!saved) continue;
    clocksOf(o).forEach((c, k) => {
      if (saved.clocks[k]) c.restoreState(saved.clocks[k]);
    });
    if (!device) continue;
    for (const id of o.stateArrays()) {
      const values = saved.arrays.get(relativeKey(o, id));
      if (!values) {
        throw new BrianError('store_mismatch', `The stored state of '${o.name}' has no values for ${id}.`);
      }
      const a = device.array(id);
      if (a instanceof DynamicArray) a.resize(values.length);
      else if (a.length !== values.length) {
        throw new BrianError(
          'store_mismatch',
          `Cannot restore ${id} of '${o.name}': its size changed from ${values.length} to ${a.length}.`,
        );
      }
      a.data.set(values.values.subarray(0, values.length));
    }
    o.loadState(saved.state === undefined ? undefined : structuredClone(saved.state));
  }
  if (restoreRandomState && device) device.draws.setState(snapshot.random);
  return snapshot.time;
}
