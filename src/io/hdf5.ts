/**
 * Results as HDF5 (read by h5py, MATLAB, HDFView…), written by h5wasm (the HDF5 C library compiled
 * to WebAssembly, an optional package loaded only here): one HDF5 group per object (`/spikemonitor`,
 * `/neurongroup`), one dataset per array under Brian's name, and attributes: `unit` (SI unit of the
 * values, which are SI) on each dataset, `type` (class name) and `source` (monitored group) on each
 * group. Booleans are stored as 0/1 bytes with `boolean = 1` on the dataset. Platform-neutral:
 * the file is built in h5wasm's in-memory file system and returned as bytes.
 */
import { BrianError } from '../diagnostics/diagnostic.ts';
import { type Exportable, resultTables } from './tables.ts';

/** The npm package HDF5 export needs. */
export const HDF5_PACKAGE = 'h5wasm';

interface H5Group {
  create_group(name: string): H5Group;
  create_dataset(args: { name: string; data: unknown; shape?: number[]; dtype?: string }): H5Dataset;
  create_attribute(name: string, data: unknown): void;
}
interface H5Dataset {
  create_attribute(name: string, data: unknown): void;
}
interface H5File extends H5Group {
  close(): void;
}
interface H5wasm {
  ready: Promise<{ FS: { readFile(path: string): Uint8Array; unlink(path: string): void } }>;
  File: new (path: string, mode: string) => H5File;
}

/** How to load h5wasm; default dynamic `import()`. Tests inject failures here. */
export type Hdf5Loader = (specifier: string) => Promise<unknown>;

let counter = 0;

/**
 * The bytes of an HDF5 file with everything `what` recorded or holds, one group per object.
 * @example
 * const bytes = await toHdf5(net);   // h5py.File(...)['spikemonitor/t'][:], .attrs['unit'] == 's'
 */
export async function toHdf5(what: Exportable, options: { loader?: Hdf5Loader } = {}): Promise<Uint8Array> {
  const tables = resultTables(what);
  const h5 = await loadH5wasm(options.loader);
  const { FS } = await h5.ready;
  const path = `/brian-ts-export-${++counter}.h5`;
  const file = new h5.File(path, 'w');
  try {
    file.create_attribute('software', 'brian-ts');
    for (const table of tables) {
      const group = file.create_group(table.name);
      group.create_attribute('type', table.kind);
      if (table.source) group.create_attribute('source', table.source);
      for (const a of table.arrays) {
        // '<d' is float64 in h5wasm ('<f8' would give float32); int32 and uint8 follow the typed array.
        const dtype = a.data instanceof Float64Array ? '<d' : undefined;
        const dataset = group.create_dataset({ name: a.name, data: a.data, shape: [...a.shape], dtype });
        dataset.create_attribute('unit', a.unit);
        if (a.boolean) dataset.create_attribute('boolean', 1);
      }
    }
  } finally {
    file.close();
  }
  const bytes = FS.readFile(path);
  FS.unlink(path);
  return bytes;
}

async function loadH5wasm(loader: Hdf5Loader | undefined): Promise<H5wasm> {
  try {
    const module = (await (loader ? loader(HDF5_PACKAGE) : import(HDF5_PACKAGE))) as {
      default?: H5wasm;
    } & H5wasm;
    return module.default ?? module;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new BrianError(
      'missing_dependency',
      `HDF5 export needs the npm package '${HDF5_PACKAGE}', but it could not be loaded (${reason}).`,
      { hint: `npm install ${HDF5_PACKAGE}` },
    );
  }
}
