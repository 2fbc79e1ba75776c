import { Quantity } from '../../units/quantity.ts';
import { allocateTyped, type TypedArray } from '../runtime/arrays.ts';
import type { ArrayDecl, Operation } from './program.ts';

/**
 * The operation a standalone program records for `G.v = value` / `G.v[indices] = value`: `write`
 * fills a scratch array the size of the target as the runtime device would, and the program
 * gets the written elements (`set` with indices), one value for all (`fill`), or the whole array.
 */
export function setOperation(
  target: ArrayDecl,
  indices: Int32Array | undefined,
  value: unknown,
  write: (storage: TypedArray) => void,
): Operation {
  const scalar = typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity;
  let size: number;
  if (!target.dynamic) size = target.size;
  else if (indices) size = indices.reduce((m, k) => Math.max(m, k + 1), 0);
  else size = scalar ? 1 : (value as ArrayLike<number>).length;
  const storage = allocateTyped(target.type, size);
  write(storage);
  if (indices) return { kind: 'set', target, indices, values: gather(storage, indices) };
  const first = storage[0];
  const uniform = target.dynamic ? scalar : storage.every((x) => Object.is(x, first));
  return uniform ? { kind: 'fill', target, value: first } : { kind: 'set', target, values: storage };
}

function gather(storage: TypedArray, indices: Int32Array): TypedArray {
  const out = allocateTyped(
    storage instanceof Float64Array ? 'float' : storage instanceof Int32Array ? 'integer' : 'boolean',
    indices.length,
  );
  for (let k = 0; k < indices.length; k++) out[k] = storage[indices[k]];
  return out;
}
