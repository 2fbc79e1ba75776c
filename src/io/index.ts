/**
 * `brian-ts/io`: results out, for analysis elsewhere. Every function returns bytes or text, on any
 * platform (a browser page can offer them as downloads); `brian-ts/io/files` writes them to disk
 * under Node and has the file sinks of streamed monitors.
 *
 * - {@link toNpz}: numpy's `.npz` (`numpy.load`), Brian's array names, units in `_units`.
 * - {@link toHdf5}: HDF5 (`h5py`), one group per object, a `unit` attribute per dataset (needs the
 *   optional package `h5wasm`).
 * - {@link toCsv}: CSV text of one monitor or group, units in the header.
 *
 * Values are always SI (seconds, volts…); the unit written beside them names the SI unit.
 *
 * @example
 * import { toCsv, toHdf5, toNpz } from 'brian-ts/io';
 * const npz = toNpz(net);              // every monitor and group of the network
 * const h5 = await toHdf5(spikes);     // one monitor
 * const csv = toCsv(state);            // "t (s),v[0] (V),…"
 *
 * @module
 */
export { csvNumber, toCsv } from './csv.ts';
export { HDF5_PACKAGE, type Hdf5Loader, toHdf5 } from './hdf5.ts';
export { encodeNpy, type NpyData } from './npy.ts';
export { toNpz } from './npz.ts';
export { type ExportArray, type Exportable, type ResultTable, resultTables } from './tables.ts';
export { crc32, type ZipEntry, zipStored } from './zip.ts';
