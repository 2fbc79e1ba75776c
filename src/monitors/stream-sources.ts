/**
 * The columns a streamed monitor hands over: an EventMonitor (SpikeMonitor) one row per event
 * (`t (s)`, `i`, and the variables recorded at events), a StateMonitor one row per sample (`t (s)`, then `v[k] (V)`
 * for each recorded element k of each variable). Slices read the device arrays in place, so a
 * hand-over costs only the new rows.
 */
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { siUnitName } from '../units/registry.ts';
import type { EventMonitor } from './event-monitor.ts';
import type { StateMonitor } from './state-monitor.ts';
import type { StreamSource } from './stream.ts';

/** A column header with its SI unit, `v (V)`; no unit for dimensionless values. */
export function columnHeader(name: string, unit: string): string {
  return unit === '1' ? name : `${name} (${unit})`;
}

function unitOf(m: EventMonitor | StateMonitor, v: string): string {
  const variable = m.source.variable(v);
  return 'dim' in variable ? siUnitName(variable.dim) : '1';
}

export function eventStreamSource(m: EventMonitor): StreamSource {
  const ids = m.arrayIds();
  const view = (id: string) => (m.source.device.array(id) as DynamicArray).view();
  return {
    columns: () => ['t (s)', 'i', ...m.variables.map((v) => columnHeader(v, unitOf(m, v)))],
    rowCount: () => view(ids.i).length,
    slice: (from, to) =>
      [ids.t, ids.i, ...m.variables.map((v) => ids.vars.get(v)!)].map((id) => view(id).subarray(from, to)),
  };
}

export function stateStreamSource(m: StateMonitor): StreamSource {
  const ids = m.arrayIds();
  const view = (id: string) => (m.source.device.array(id) as DynamicArray).view();
  return {
    columns: () => {
      const record = Array.from(m.recordIndices);
      return [
        't (s)',
        ...m.variables.flatMap((v) => record.map((k) => columnHeader(`${v}[${k}]`, unitOf(m, v)))),
      ];
    },
    rowCount: () => view(ids.t).length,
    slice: (from, to) => {
      const n = m.recordIndices.length;
      const columns: ArrayLike<number>[] = [view(ids.t).subarray(from, to)];
      for (const v of m.variables) {
        const data = view(ids.vars.get(v)!);
        for (let k = 0; k < n; k++) {
          const column = new Float64Array(to - from);
          for (let s = from; s < to; s++) column[s - from] = data[s * n + k];
          columns.push(column);
        }
      }
      return columns;
    },
  };
}
