/**
 * numpy's `.npy` format, version 1.0: the magic `\x93NUMPY`, a Python-literal header with dtype and
 * shape padded to a multiple of 64 bytes, then the raw little-endian values. Platform-neutral:
 * returns bytes.
 */
import { BrianError } from '../diagnostics/diagnostic.ts';

/** Array data `.npy` can hold here: float64, int32, booleans (0/1 bytes), or a unicode string. */
export type NpyData = Float64Array | Int32Array | Uint8Array | string;

/** The bytes of a `.npy` file holding `data` with `shape` (`[]` for a single value or a string). */
export function encodeNpy(
  data: NpyData,
  shape: readonly number[],
  options: { boolean?: boolean } = {},
): Uint8Array {
  const body = bodyOf(data, options.boolean ?? false);
  const size = shape.reduce((a, b) => a * b, 1);
  if (typeof data !== 'string' && size !== data.length) {
    throw new BrianError(
      'bad_argument',
      `encodeNpy(): shape [${shape.join(', ')}] does not hold ${data.length} values.`,
    );
  }
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${body.descr}', 'fortran_order': False, 'shape': ${dims}, }`;
  // magic (6) + version (2) + header length (2) + header + '\n' is a multiple of 64.
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64);
  header += '\n';
  const out = new Uint8Array(10 + header.length + body.bytes.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let k = 0; k < header.length; k++) out[10 + k] = header.charCodeAt(k);
  out.set(body.bytes, 10 + header.length);
  return out;
}

function bodyOf(data: NpyData, boolean: boolean): { descr: string; bytes: Uint8Array } {
  if (typeof data === 'string') {
    // numpy's unicode dtype: UTF-32LE code points, '<U' + length.
    const points = Array.from(data, (c) => c.codePointAt(0)!);
    const bytes = new Uint8Array(points.length * 4);
    const view = new DataView(bytes.buffer);
    for (const [k, p] of points.entries()) view.setUint32(4 * k, p, true);
    return { descr: `<U${Math.max(points.length, 1)}`, bytes: points.length ? bytes : new Uint8Array(4) };
  }
  if (data instanceof Uint8Array) return { descr: boolean ? '|b1' : '|u1', bytes: data.slice() };
  const bytes = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  // Explicit little-endian writes, so the file is the same on any machine.
  if (data instanceof Float64Array)
    for (let k = 0; k < data.length; k++) view.setFloat64(8 * k, data[k], true);
  else for (let k = 0; k < data.length; k++) view.setInt32(4 * k, data[k], true);
  return { descr: data instanceof Float64Array ? '<f8' : '<i4', bytes };
}
