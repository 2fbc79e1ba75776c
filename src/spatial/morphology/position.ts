import { BrianError } from '../../diagnostics/diagnostic.ts';
import { metre } from '../../units/index.ts';
import { Quantity } from '../../units/quantity.ts';

/** A compartment of a section: its number (negative counts from the end), or a distance along the section. */
export type CompartmentPosition = number | Quantity;

/** numpy's `cumsum`: sequential sums. */
function cumsum(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  for (let k = 0; k < values.length; k++) {
    s += values[k];
    out[k] = s;
  }
  return out;
}

/** numpy's `searchsorted(sorted, value)` (side 'left'): the first position whose value is >= `value`. */
function searchsorted(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of the point nearest to `value` when closer than `tolerance`, else -1. */
function snap(points: Float64Array, value: number, tolerance: number): number {
  let best = -1;
  let bestDiff = Number.POSITIVE_INFINITY;
  points.forEach((p, k) => {
    const d = Math.abs(value - p);
    if (d < bestDiff) {
      bestDiff = d;
      best = k;
    }
  });
  return bestDiff < tolerance ? best : -1;
}

function isLength(x: unknown): x is Quantity {
  return x instanceof Quantity && (x.dim === metre.dim || x.dim.equals(metre.dim));
}

/**
 * The compartment `item` designates (Brian's `morphology[item]` for an integer or a length): a
 * distance picks the compartment containing it, a point between two compartments (within
 * 1e-12 of the section's length) the one after it. Unlike Brian 2.5.1, the far end of the
 * section gives the last compartment, not the compartment after the section (which Brian
 * returns, silently naming a compartment of another section).
 */
export function compartmentAt(lengths: Float64Array, item: unknown): number {
  const n = lengths.length;
  if (typeof item === 'number') {
    if (!Number.isInteger(item)) {
      throw new BrianError('bad_argument', `A compartment index must be an integer, got ${item}.`);
    }
    const k = item < 0 ? item + n : item;
    if (k < 0 || k >= n) {
      throw new BrianError('index_out_of_range', `Invalid index ${item} for ${n} compartments.`);
    }
    return k;
  }
  if (isLength(item)) {
    const ends = cumsum(lengths);
    const total = ends[n - 1];
    const x = item.value;
    if (x < 0 || x > (1 + 1e-12) * total) {
      throw new BrianError(
        'index_out_of_range',
        `Invalid position ${item}, it has to be in the interval [0 m, ${new Quantity(total, metre.dim)}].`,
      );
    }
    const points = new Float64Array(n + 1);
    points.set(ends, 1);
    const near = snap(points, x, 1e-12 * total);
    const k = near >= 0 ? near : searchsorted(points, x) - 1;
    return Math.min(Math.max(k, 0), n - 1);
  }
  throw new BrianError(
    'bad_argument',
    `A compartment is designated by an integer or a length, got ${describe(item)}.`,
  );
}

/**
 * The compartments `start…stop` designate (Brian's `morphology[start:stop]`): both integers
 * (Python slice semantics, negative values count from the end) or both lengths (compartments
 * overlapping the interval; a bound within 1e-12 of a compartment boundary is taken as that
 * boundary). Returns [first, end) relative to the section.
 */
export function compartmentRange(lengths: Float64Array, start?: unknown, stop?: unknown): [number, number] {
  const n = lengths.length;
  const bounds = [start, stop].filter((b) => b !== undefined);
  if (bounds.every(isLength)) {
    const ends = cumsum(lengths);
    const tolerance = 1e-12 * ends[n - 1];
    let i = 0;
    if (start !== undefined) {
      const near = snap(ends, (start as Quantity).value, tolerance);
      i = near >= 0 ? near + 1 : searchsorted(ends, (start as Quantity).value);
    }
    let j = n;
    if (stop !== undefined) {
      const near = snap(ends, (stop as Quantity).value, tolerance);
      j = near >= 0 ? near + 1 : searchsorted(ends, (stop as Quantity).value) + 1;
    }
    return [Math.min(i, n), Math.min(j, n)];
  }
  if (bounds.every((b) => typeof b === 'number' && Number.isInteger(b))) {
    const clamp = (v: number | undefined, fallback: number) => {
      if (v === undefined) return fallback;
      const k = v < 0 ? v + n : v;
      return Math.min(Math.max(k, 0), n);
    };
    return [clamp(start as number | undefined, 0), clamp(stop as number | undefined, n)];
  }
  throw new BrianError(
    'bad_argument',
    `A range of compartments needs two integers or two lengths, got ${describe(start)} and ${describe(stop)}.`,
  );
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x instanceof Quantity) return String(x);
  return typeof x === 'number' ? String(x) : typeof x;
}
