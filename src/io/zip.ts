/**
 * A ZIP archive with stored (uncompressed) entries, the container of numpy's `.npz` files
 * (`numpy.savez` writes the same). Platform-neutral: returns bytes. Entries over 4 GiB would need
 * ZIP64 and are refused.
 */
import { concatBytes } from '../core/bytes.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';

/** One file of the archive. */
export interface ZipEntry {
  /** File name inside the archive (`t.npy`). */
  readonly name: string;
  /** The file's bytes. */
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP and PNG checksum) of `data`. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let k = 0; k < data.length; k++) c = CRC_TABLE[(c ^ data[k]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The bytes of a ZIP archive holding `entries` uncompressed (dated 1980-01-01, so output is reproducible). */
export function zipStored(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.data.length >= 0xffffffff) {
      throw new BrianError(
        'bad_argument',
        `zip: '${entry.name}' is over 4 GiB; export fewer values per file.`,
      );
    }
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true); // local file header
    l.setUint16(4, 20, true); // version needed: 2.0
    l.setUint16(6, 0x0800, true); // UTF-8 names
    l.setUint16(8, 0, true); // stored
    l.setUint16(10, 0, true); // time
    l.setUint16(12, 0x21, true); // date: 1980-01-01
    l.setUint32(14, crc, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const d = new DataView(dir.buffer);
    d.setUint32(0, 0x02014b50, true); // central directory header
    d.setUint16(4, 20, true);
    d.setUint16(6, 20, true);
    d.setUint16(8, 0x0800, true);
    d.setUint16(10, 0, true);
    d.setUint16(12, 0, true);
    d.setUint16(14, 0x21, true);
    d.setUint32(16, crc, true);
    d.setUint32(20, entry.data.length, true);
    d.setUint32(24, entry.data.length, true);
    d.setUint16(28, name.length, true);
    d.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, entry.data);
    central.push(dir);
    offset += local.length + entry.data.length;
  }
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  if (offset >= 0xffffffff) throw new BrianError('bad_argument', 'zip: the archive would be over 4 GiB.');
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true); // end of central directory
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concatBytes([...parts, ...central, end]);
}
