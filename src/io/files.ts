/**
 * `brian-ts/io/files`: results written to disk (Node only), and the file sink of streamed monitors.
 *
 * @example
 * import { csvFileSink, saveResults } from 'brian-ts/io/files';
 * const spikes = new SpikeMonitor(G, { stream: { every: 1000, to: csvFileSink('out/spikes.csv') } });
 * run(second(10));
 * await saveResults('out/run.h5', net);   // .npz, .h5/.hdf5 or .csv, by the extension
 *
 * @module
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { StreamChunk, StreamSink } from '../monitors/stream.ts';
import type { BrianObject } from '../network/brian-object.ts';
import { csvField, csvNumber, toCsv } from './csv.ts';
import { toHdf5 } from './hdf5.ts';
import { toNpz } from './npz.ts';
import type { Exportable } from './tables.ts';

/**
 * Writes what `what` recorded or holds to `path`, in the format its extension names: `.npz`
 * (numpy), `.h5` / `.hdf5` (HDF5), `.csv` (one monitor or group). Creates missing folders.
 * @returns the path written
 */
export async function saveResults(path: string, what: Exportable): Promise<string> {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  let data: Uint8Array | string;
  if (extension === 'npz') data = toNpz(what);
  else if (extension === 'h5' || extension === 'hdf5') data = await toHdf5(what);
  else if (extension === 'csv') data = toCsv(what as BrianObject);
  else {
    throw new BrianError(
      'bad_argument',
      `saveResults(): '${path}' does not end in .npz, .h5, .hdf5 or .csv.`,
    );
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return path;
}

/**
 * A stream sink appending a streamed monitor's rows to a CSV file: the header and the first rows
 * replace the file at the first hand-over, later rows are appended. Each hand-over is written
 * before the run goes on, so the file survives a run that dies.
 * @example
 * new StateMonitor(G, 'v', { record: [0, 1], stream: { every: ms(100), to: csvFileSink('out/v.csv') } });
 */
export function csvFileSink(path: string): StreamSink {
  return {
    write(chunk: StreamChunk) {
      const lines: string[] = chunk.first ? [chunk.columns.map(csvField).join(',')] : [];
      for (let r = 0; r < chunk.rows; r++) lines.push(chunk.values.map((c) => csvNumber(c[r])).join(','));
      const text = lines.length ? `${lines.join('\n')}\n` : '';
      if (chunk.first) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      } else if (text) {
        appendFileSync(path, text);
      }
    },
  };
}
