import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from '../validation/describe-value.ts';

/**
 * Which contiguous range of a group of `N` elements Brian's `G[start:stop:step]`, `G[k]` and
 * `G[[k, l, …]]` select (`Group.__getitem__`): Python slice semantics (negative values count
 * from the end, an omitted stop is the end), only step 1, never an empty range; lists must be
 * contiguous and ascending. Returns `[start, stop)` relative to the group.
 */
export function sliceRange(N: number, start = 0, stop = N, step = 1): [number, number] {
  for (const [what, value] of [
    ['start', start],
    ['stop', stop],
    ['step', step],
  ] as const) {
    if (!Number.isInteger(value)) {
      throw new BrianError(
        'bad_argument',
        `Subgroup ${what} must be an integer, got ${describeValue(value)}.`,
      );
    }
  }
  if (step !== 1) {
    throw new BrianError(
      'index_out_of_range',
      `Subgroups can only be built from contiguous indices (step 1), got step ${step}.`,
    );
  }
  const clamp = (k: number) => Math.min(Math.max(k < 0 ? k + N : k, 0), N);
  const [a, b] = [clamp(start), clamp(stop)];
  if (a >= b) {
    throw new BrianError(
      'index_out_of_range',
      `Illegal start/stop values for a subgroup of ${N} elements: ${start}:${stop} is empty.`,
    );
  }
  return [a, b];
}

/** The range of `G.at(k)` (one element, negative from the end) or `G.at([k, l, …])` (contiguous, ascending). */
export function indexRange(N: number, index: number | readonly number[]): [number, number] {
  const list = typeof index === 'number' ? [index] : index;
  if ((typeof index !== 'number' && !Array.isArray(index)) || list.length === 0) {
    throw new BrianError(
      'bad_argument',
      `A subgroup is selected by an index or a list of indices, got ${describeValue(index)}.`,
    );
  }
  if (!list.every((k) => typeof k === 'number' && Number.isInteger(k))) {
    throw new BrianError('bad_argument', `Subgroup indices must be integers, got [${list.join(', ')}].`);
  }
  if (typeof index === 'number') {
    const k = index < 0 ? index + N : index;
    if (k < 0 || k >= N) {
      throw new BrianError(
        'index_out_of_range',
        `Index ${index} is out of range for a group of ${N} elements.`,
      );
    }
    return [k, k + 1];
  }
  for (let n = 1; n < list.length; n++) {
    if (list[n] !== list[n - 1] + 1) {
      throw new BrianError(
        'index_out_of_range',
        `Subgroups can only be built from contiguous ascending indices, got [${list.join(', ')}].`,
      );
    }
  }
  if (list[0] < 0 || list[list.length - 1] >= N) {
    throw new BrianError(
      'index_out_of_range',
      `Indices [${list.join(', ')}] are out of range for a group of ${N} elements.`,
    );
  }
  return [list[0], list[list.length - 1] + 1];
}
