/**
 * What export writes: each object (monitor, group, whole network) as a table of named arrays in SI
 * with their unit, under Brian's names (`t`, `i`, `count`, `v`, `rate`, `w`…). The formats (npz,
 * HDF5, CSV) only encode these tables, so every format holds the same arrays.
 */
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Group } from '../groups/group.ts';
import { Subgroup } from '../groups/subgroup.ts';
import { PopulationRateMonitor } from '../monitors/population-rate-monitor.ts';
import { SpikeMonitor } from '../monitors/spike-monitor.ts';
import { StateMonitor } from '../monitors/state-monitor.ts';
import type { BrianObject } from '../network/brian-object.ts';
import { Network } from '../network/network.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import { siUnitName } from '../units/registry.ts';

/** One exported array: values in SI (row-major for 2-D), with its shape and unit. */
export interface ExportArray {
  /** Brian's name: `t`, `i`, `v`… */
  readonly name: string;
  /** The values (a copy), row-major for 2-D arrays. */
  readonly data: Float64Array | Int32Array | Uint8Array;
  /** `[]` for one value, `[n]`, or `[rows, columns]` (a StateMonitor's `v` is `[recorded, times]`). */
  readonly shape: readonly number[];
  /** The physical dimension of the values. */
  readonly dim: Dimension;
  /** The SI unit of the values as text: `s`, `V`, `1`… */
  readonly unit: string;
  /** True for boolean variables (stored as 0/1 bytes). */
  readonly boolean: boolean;
}

/** One exported object: its name, its kind (class name) and its arrays. */
export interface ResultTable {
  /** The object's name (`spikemonitor`, `neurongroup`). */
  readonly name: string;
  /** `SpikeMonitor`, `StateMonitor`, `PopulationRateMonitor`, `NeuronGroup`, `Synapses`… */
  readonly kind: string;
  /** The recorded group, for monitors. */
  readonly source?: string;
  /** Its arrays, in the order they are written. */
  readonly arrays: readonly ExportArray[];
}

/** What can be exported: a monitor or group, a list of them, or a whole network. */
export type Exportable = BrianObject | Network | readonly BrianObject[];

/** The tables of `what`; a network (or a list) gives one table per monitor and group it holds. */
export function resultTables(what: Exportable): ResultTable[] {
  if (what instanceof Network) return collectTables(what.allObjects(), 'network');
  if (Array.isArray(what)) return collectTables(what as readonly BrianObject[], 'list');
  const table = objectTable(what as BrianObject);
  if (!table) {
    throw new BrianError(
      'bad_argument',
      `${describe(what)} cannot be exported: export monitors, groups or a whole Network.`,
    );
  }
  return [table];
}

/** Whether `what` is a single object (exported without a prefix) rather than a network or list. */
export function isSingleObject(what: Exportable): boolean {
  return !(what instanceof Network) && !Array.isArray(what);
}

function collectTables(objects: readonly BrianObject[], what: string): ResultTable[] {
  // A subgroup's values are part of its parent's table.
  const tables = objects.filter((o) => !(o instanceof Subgroup)).flatMap((o) => objectTable(o) ?? []);
  if (tables.length === 0) {
    throw new BrianError('empty_data', `This ${what} holds no monitor or group to export.`);
  }
  return tables;
}

function objectTable(o: BrianObject): ResultTable | undefined {
  if (o instanceof SpikeMonitor) return spikeTable(o);
  if (o instanceof StateMonitor) return stateTable(o);
  if (o instanceof PopulationRateMonitor) {
    return {
      name: o.name,
      kind: 'PopulationRateMonitor',
      source: o.source.name,
      arrays: [
        array('t', o.t_, [o.t_.length], second.dim),
        array('rate', o.rate_, [o.rate_.length], o.rate.dim),
      ],
    };
  }
  if (o instanceof Group) return groupTable(o);
  return undefined;
}

function spikeTable(m: SpikeMonitor): ResultTable {
  const arrays: ExportArray[] = [];
  if (m.record) {
    const n = m.i.length;
    arrays.push(array('t', m.t_, [n], second.dim), array('i', m.i, [n], DIMENSIONLESS));
    for (const v of m.variables) arrays.push(array(v, m.values_(v), [n], dimOf(m.source, v)));
  }
  arrays.push(array('count', m.count, [m.count.length], DIMENSIONLESS));
  return { name: m.name, kind: 'SpikeMonitor', source: m.source.name, arrays };
}

function stateTable(m: StateMonitor): ResultTable {
  const t = m.t_;
  const record = m.recordIndices;
  const arrays: ExportArray[] = [
    array('t', t, [t.length], second.dim),
    array('record', record, [record.length], DIMENSIONLESS),
  ];
  for (const v of m.variables) {
    const traces = m.traces_(v);
    const data = new Float64Array(traces.length * t.length);
    for (const [k, trace] of traces.entries()) data.set(trace, k * t.length);
    const boolean = m.source.variable(v).type === 'boolean';
    arrays.push({ ...array(v, data, [traces.length, t.length], dimOf(m.source, v)), boolean });
  }
  return { name: m.name, kind: 'StateMonitor', source: m.source.name, arrays };
}

function groupTable(g: Group): ResultTable {
  const arrays: ExportArray[] = [];
  for (const name of g.userVariableNames().filter((n) => g.isUserVariable(n))) {
    const v = g.variable(name);
    const isIndex = name === 'i' && v.kind === 'auxiliary';
    if (v.kind !== 'array' && v.kind !== 'subexpression' && !isIndex) continue;
    const values = g.rawValues(name);
    if (isIndex) {
      arrays.push(array('i', Int32Array.from(values), [values.length], DIMENSIONLESS));
      continue;
    }
    const shared = v.shared;
    arrays.push(array(name, shared ? values.subarray(0, 1) : values, shared ? [] : [values.length], v.dim));
  }
  return { name: g.name, kind: g.constructor.name, arrays };
}

function array(
  name: string,
  values: TypedArray | ArrayLike<number>,
  shape: number[],
  dim: Dimension,
): ExportArray {
  const data =
    values instanceof Int32Array || values instanceof Uint8Array || values instanceof Float64Array
      ? values.slice()
      : Float64Array.from(values as ArrayLike<number>);
  return { name, data, shape, dim, unit: siUnitName(dim), boolean: values instanceof Uint8Array };
}

function dimOf(group: Group, name: string): Dimension {
  const v = group.variable(name);
  return 'dim' in v ? v.dim : DIMENSIONLESS;
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  const name = (x as object).constructor?.name;
  return name ? `A ${name}` : typeof x;
}
