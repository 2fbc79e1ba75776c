/**
 * Results as CSV text for spreadsheets: one row per spike (SpikeMonitor: `t (s),i`), per sample
 * (StateMonitor: `t (s),v[0] (V),v[3] (V)…`, one column per recorded element), per time bin
 * (PopulationRateMonitor: `t (s),rate (Hz)`) or per element (groups: `i,v (V),…`). Values are SI in
 * the unit the header names, written to round-trip exactly; booleans as 1/0, NaN and infinities as
 * `nan`, `inf`, `-inf` (what numpy's `loadtxt` reads). Platform-neutral: returns text.
 */
import { BrianError } from '../diagnostics/diagnostic.ts';
import { columnHeader as header } from '../monitors/stream-sources.ts';
import type { BrianObject } from '../network/brian-object.ts';
import { type ExportArray, isSingleObject, resultTables } from './tables.ts';

/** A column of a CSV table: its header and one value per row. */
interface Column {
  readonly header: string;
  readonly values: ArrayLike<number>;
}

/**
 * The CSV text of one monitor or group (a network has several tables: export each object, or use
 * `toNpz` / `toHdf5` for all at once).
 * @example
 * const text = toCsv(spikes);   // "t (s),i\n0.0012,3\n…"
 */
export function toCsv(what: BrianObject): string {
  // A Network has a name too (Brian's `Network(name=…)`): refused by isSingleObject, not by the name.
  if (what === null || typeof what !== 'object' || !('name' in what) || !isSingleObject(what)) {
    throw new BrianError('bad_argument', 'toCsv() writes one monitor or group per file.', {
      hint: 'call toCsv() for each object, or write the whole network with toNpz() or toHdf5()',
    });
  }
  const [table] = resultTables(what);
  const columns =
    table.kind === 'StateMonitor' ? stateColumns(table.arrays) : plainColumns(table.arrays, table.kind);
  return csvText(columns);
}

/** Spike, rate and group tables: every 1-D array with as many values as the first one is a column. */
function plainColumns(arrays: readonly ExportArray[], kind: string): Column[] {
  const perRow = kind === 'SpikeMonitor' ? arrays.filter((a) => a.name !== 'count') : arrays;
  const rows = perRow.find((a) => a.shape.length === 1)?.shape[0] ?? 0;
  return perRow
    .filter((a) => a.shape.length === 1 && a.shape[0] === rows)
    .map((a) => ({ header: header(a.name, a.unit), values: a.data }));
}

/** StateMonitor: `t`, then one column per recorded element and variable. */
function stateColumns(arrays: readonly ExportArray[]): Column[] {
  const t = arrays.find((a) => a.name === 't')!;
  const record = arrays.find((a) => a.name === 'record')!;
  const columns: Column[] = [{ header: header('t', t.unit), values: t.data }];
  for (const a of arrays) {
    if (a.shape.length !== 2) continue;
    const [n, steps] = a.shape;
    for (let k = 0; k < n; k++) {
      columns.push({
        header: header(`${a.name}[${record.data[k]}]`, a.unit),
        values: a.data.subarray(k * steps, (k + 1) * steps),
      });
    }
  }
  return columns;
}

/** CSV text of columns of equal length (headers are quoted where they contain a comma or a quote). */
export function csvText(columns: readonly Column[]): string {
  const rows = columns.length ? columns[0].values.length : 0;
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (let r = 0; r < rows; r++) lines.push(columns.map((c) => csvNumber(c.values[r])).join(','));
  return `${lines.join('\n')}\n`;
}

/** A number as CSV text: shortest exact form, `nan`, `inf`, `-inf`. */
export function csvNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return String(x);
}

/** A text field of a CSV line, quoted where it contains a comma, a quote or a newline. */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
