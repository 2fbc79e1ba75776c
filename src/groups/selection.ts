import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { Group } from './group.ts';

/**
 * A fixed set of elements of a group, usable wherever an index is (`G.v.get(sel)`,
 * `G.v.set(value, sel)`, `StateMonitor(G, 'v', { record: sel })`, `M.at(sel)`): Brian's
 * `S[i, j]` (a SynapticSubgroup) is one.
 */
export interface Selection {
  /** The group whose elements are selected (checked where the selection is used). */
  readonly owner: { readonly name: string };
  /** Element indices relative to the owner. Throws if the owner changed since the selection was made. */
  readonly indices: Int32Array;
  readonly length: number;
  /** Groups given as indices (Brian's `S[SG1, SG2]`): a string set through it warns about names they define differently. */
  readonly indexGroups?: readonly Group[];
}

export function isSelection(x: unknown): x is Selection {
  return (
    typeof x === 'object' &&
    x !== null &&
    'owner' in x &&
    'indices' in x &&
    (x as { indices: unknown }).indices instanceof Int32Array
  );
}

/** One index of a group: an element number, a list of them, or a selection. */
export type ElementIndex = number | ArrayLike<number> | Selection;

/**
 * The element numbers of one index, checked: integers only (Brian's IndexError for 1.5, for an
 * object that is no index), negative ones counted from the end, all below `size`.
 */
export function elementNumbers(index: ElementIndex, size: number, owner: string, what = 'index'): Int32Array {
  if (isSelection(index)) {
    if (index.owner.name !== owner) {
      throw new BrianError('bad_argument', `A selection of ${index.owner.name} cannot index ${owner}.`);
    }
    return index.indices;
  }
  const list = typeof index === 'number' ? [index] : isArrayLike(index) ? Array.from(index) : undefined;
  if (list === undefined) {
    throw new BrianError(
      'bad_argument',
      `${describeValue(index)} cannot be used as an ${what} of ${owner}.`,
      {
        hint: 'use a number, a list of numbers, a string condition or a selection',
      },
    );
  }
  const out = new Int32Array(list.length);
  list.forEach((k, n) => {
    if (typeof k !== 'number' || !Number.isInteger(k)) {
      throw new BrianError('bad_argument', `The ${what} ${describeValue(k)} of ${owner} is not an integer.`);
    }
    const idx = k < 0 ? size + k : k;
    if (idx < 0 || idx >= size) {
      throw new BrianError('index_out_of_range', `Index ${k} is out of range for ${owner} of size ${size}.`);
    }
    out[n] = idx;
  });
  return out;
}

function isArrayLike(x: unknown): x is ArrayLike<number> {
  return (
    Array.isArray(x) ||
    ArrayBuffer.isView(x) ||
    (typeof x === 'object' && x !== null && typeof (x as { length?: unknown }).length === 'number')
  );
}
