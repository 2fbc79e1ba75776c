import { DynamicArray, type TypedArray } from '../devices/runtime/arrays.ts';
import type { RuntimeDevice } from '../devices/runtime/runtime-device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { BrianObject } from './brian-object.ts';

/**
 * The saved state of a network (Brian's store()): a copy of every state array of its objects
 * (dynamic ones with their length), each object's clock step, the network time and the random
 * generator state. Restoring copies values back into the existing arrays, so compiled kernels
 * stay valid.
 */
export interface Snapshot {
  readonly time: number;
  readonly arrays: ReadonlyMap<string, { readonly values: TypedArray; readonly length: number }>;
  readonly clocks: ReadonlyMap<string, number>;
  readonly random: readonly number[];
  /** State objects keep outside arrays (spike queues in flight), by object name. */
  readonly objectStates?: ReadonlyMap<string, unknown>;
}

export function takeSnapshot(device: RuntimeDevice, objects: readonly BrianObject[], time: number): Snapshot {
  const arrays = new Map<string, { values: TypedArray; length: number }>();
  const clocks = new Map<string, number>();
  for (const o of objects) {
    for (const id of o.stateArrays()) {
      const a = device.array(id);
      arrays.set(id, { values: a.view().slice(), length: a.length });
    }
    clocks.set(o.clock.name + '@' + o.name, o.clock.timestep);
  }
  const objectStates = new Map<string, unknown>();
  for (const o of objects) {
    const state = o.saveState();
    if (state !== undefined) objectStates.set(o.name, structuredClone(state));
  }
  return { time, arrays, clocks, random: device.draws.getState(), objectStates };
}

export function restoreSnapshot(
  device: RuntimeDevice,
  objects: readonly BrianObject[],
  snapshot: Snapshot,
  restoreRandomState: boolean,
): number {
  for (const [id, saved] of snapshot.arrays) {
    const a = device.array(id);
    if (a instanceof DynamicArray) a.resize(saved.length);
    else if (a.length !== saved.length) {
      throw new BrianError(
        'network_error',
        `Cannot restore ${id}: its size changed from ${saved.length} to ${a.length}.`,
      );
    }
    a.data.set(saved.values);
  }
  for (const o of objects) {
    const step = snapshot.clocks.get(o.clock.name + '@' + o.name);
    if (step !== undefined) o.clock.timestep = step;
  }
  for (const o of objects) {
    const state = snapshot.objectStates?.get(o.name);
    if (state !== undefined) o.loadState(structuredClone(state));
  }
  if (restoreRandomState) device.draws.setState(snapshot.random);
  return snapshot.time;
}
