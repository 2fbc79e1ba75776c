/**
 * Results as numpy's `.npz` (what `numpy.savez` writes): one `.npy` array per exported array, read
 * back with `numpy.load`. A single object's arrays keep Brian's bare names (`t`, `i`, `v`); a network
 * or a list prefixes them with the object's name (`spikemonitor/t`). Units are in the file: the
 * array `_units` holds a JSON object `{ "t": "s", "v": "V", … }` of each array's SI unit (values are
 * always SI), read with `json.loads(str(data['_units']))`. Platform-neutral: returns bytes.
 */
import { encodeNpy } from './npy.ts';
import { type Exportable, isSingleObject, resultTables } from './tables.ts';
import { type ZipEntry, zipStored } from './zip.ts';

/**
 * The bytes of an `.npz` file with everything `what` recorded or holds.
 * @example
 * const bytes = toNpz(spikes);          // numpy.load(...)['t'], ['i'], ['count']
 * const all = toNpz(net);               // numpy.load(...)['spikemonitor/t'], ['neurongroup/v']…
 */
export function toNpz(what: Exportable): Uint8Array {
  const single = isSingleObject(what);
  const entries: ZipEntry[] = [];
  const units: Record<string, string> = {};
  for (const table of resultTables(what)) {
    for (const a of table.arrays) {
      const key = single ? a.name : `${table.name}/${a.name}`;
      entries.push({ name: `${key}.npy`, data: encodeNpy(a.data, a.shape, { boolean: a.boolean }) });
      units[key] = a.unit;
    }
  }
  entries.push({ name: '_units.npy', data: encodeNpy(JSON.stringify(units), []) });
  return zipStored(entries);
}
