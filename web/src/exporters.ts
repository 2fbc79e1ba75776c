import { toHdf5, toNpz } from '../../src/io/index.ts';
import type { BrianObject } from '../../src/network/brian-object.ts';
import { type BuiltModel, traceValues } from './presets/preset.ts';

/** What an exporter writes from: the model's panels and every object of the simulation. */
export interface Results {
  readonly model: BuiltModel;
  readonly objects: readonly BrianObject[];
}

/** One downloadable file: its name, MIME type and bytes. */
export interface ExportedFile {
  readonly filename: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/**
 * The "Download" menu: each exporter turns the results of the last run into one file, in the
 * worker where the monitors live: CSV of each panel, and every monitor and group of the model
 * as NumPy .npz or HDF5 (brian-ts/io; HDF5 loads h5wasm, a separate chunk, when first used).
 */
export interface Exporter {
  readonly id: string;
  readonly label: string;
  /** Whether the model has what this exporter writes. */
  available(model: BuiltModel): boolean;
  write(results: Results): ExportedFile | Promise<ExportedFile>;
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
    write({ model: m }) {
      const M = m.spikes!.monitor;
      return { filename: 'spikes.csv', mime: CSV, bytes: encode(rows(['i', 't (s)'], [M.i, M.t_])) };
    },
  },
  {
    id: 'traces-csv',
    label: 'Traces (CSV)',
    available: (m) => m.traces !== undefined,
    write({ model: m }) {
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
    write({ model: m }) {
      const R = m.rate!.monitor;
      return {
        filename: 'rate.csv',
        mime: CSV,
        bytes: encode(rows(['t (s)', 'rate (Hz)'], [R.t_, R.rate_])),
      };
    },
  },
  {
    id: 'npz',
    label: 'Everything (NumPy .npz)',
    available: () => true,
    write: ({ objects }) => ({ filename: 'results.npz', mime: 'application/zip', bytes: toNpz(objects) }),
  },
  {
    id: 'hdf5',
    label: 'Everything (HDF5)',
    available: () => true,
    write: async ({ objects }) => ({
      filename: 'results.h5',
      mime: 'application/x-hdf5',
      bytes: await toHdf5(objects, { loader: () => import('h5wasm') }),
    }),
  },
];
