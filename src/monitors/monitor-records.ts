import type { ScalarType } from '../compiler/functions.ts';
import type { Device } from '../devices/device.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { Group } from '../groups/group.ts';
import type { Runner } from '../network/brian-object.ts';
import type { BaseClock } from '../network/clock.ts';
import type { Dimension } from '../units/dimension.ts';

/** One recorded array of a monitor: its name (`t`, `i`, a recorded variable) and storage. */
export interface RecordedArray {
  readonly name: string;
  readonly arrayId: string;
  readonly dim: Dimension;
  readonly type: ScalarType;
}

/**
 * A monitor's records seen as a group with one element per record (Brian's monitors are
 * groups): `M.state('t').get('i == 1')` selects the spike times of neuron 1 with a condition
 * over the recorded values, evaluated by a kernel like any group's condition. Not part of any
 * network; its size is the length of the first array.
 */
export class MonitorRecords extends Group {
  private readonly sizeArray: string;

  constructor(name: string, clock: BaseClock, device: Device, arrays: readonly RecordedArray[]) {
    super(`${name}_records`, clock, device, undefined);
    this.sizeArray = arrays[0].arrayId;
    for (const a of arrays) {
      this.variables.set(a.name, {
        kind: 'array',
        name: a.name,
        arrayId: a.arrayId,
        dim: a.dim,
        type: a.type,
        shared: false,
        constant: false,
        readOnly: true,
        dynamic: true,
      });
    }
    this.exposeVariables();
  }

  get N(): number {
    return (this.device.array(this.sizeArray) as DynamicArray).length;
  }

  override get dynamicSize(): string {
    return this.sizeArray;
  }

  runners(): readonly Runner[] {
    return [];
  }

  stateArrays(): readonly string[] {
    return [];
  }
}
