import { type BuiltModel, traceValues } from './presets/preset.ts';

/**
 * The "Download" menu: each exporter turns the monitors of the last run into one file. CSV is
 * written here; the result formats of the export issue (NumPy .npz, HDF5) join this list as
 * entries calling its writers on the same monitors, in the worker where they live.
 */
export interface Exporter {
  readonly id: string;
  readonly label: string;
  /** Whether the model has what this exporter writes. */
  available(model: BuiltModel): boolean;
  write(model: BuiltModel): { filename: string; mime: string; bytes: Uint8Array };
}

const CSV = 'text/csv';
const encode = (text: string) => new TextEncoder().encode(text);

/** Shortest round-trip text of each number: CSV files read back to the same doubles. */
function rows(header: string[], columns: ArrayLike<number>[]): string {
  const n = columns.length > 0 ? columns[0].length : 0;
  const lines = [header.join(',')];
  for (let k = 0; k < n; k++) lines.push(columns.map((c) => String(c[k])).join(','));
  return `${lines.join('\n')}\n`;
}

export const EXPORTERS: readonly Exporter[] = [
  {
    id: 'spikes-csv',
    label: 'Spikes (CSV)',
    available: (m) => m.spikes !== undefined,
    write(m) {
      const M = m.spikes!.monitor;
      return { filename: 'spikes.csv', mime: CSV, bytes: encode(rows(['i', 't (s)'], [M.i, M.t_])) };
    },
  },
  {
    id: 'traces-csv',
    label: 'Traces (CSV)',
    available: (m) => m.traces !== undefined,
    write(m) {
      const { monitor, series } = m.traces!;
      const header = ['t (s)', ...series.map((s) => `${s.variable} ${s.name} (SI)`)];
      const columns = [monitor.t_, ...traceValues(m.traces!)];
      return { filename: 'traces.csv', mime: CSV, bytes: encode(rows(header, columns)) };
    },
  },
  {
    id: 'rate-csv',
    label: 'Population rate (CSV)',
    available: (m) => m.rate !== undefined,
    write(m) {
      const R = m.rate!.monitor;
      return {
        filename: 'rate.csv',
        mime: CSV,
        bytes: encode(rows(['t (s)', 'rate (Hz)'], [R.t_, R.rate_])),
      };
    },
  },
];
