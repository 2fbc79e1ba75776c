/**
 * Checks and small numeric helpers for the data handed to the panel functions.
 */
import { BrianError } from '../diagnostics/index.ts';
import type { Series } from './types.ts';

/** Throws `bad_argument` unless `values` is array-like (typed array or plain array). */
export function requireArray(values: unknown, what: string, fn: string): asserts values is ArrayLike<number> {
  const ok =
    values != null &&
    typeof values === 'object' &&
    typeof (values as ArrayLike<number>).length === 'number' &&
    Number.isInteger((values as ArrayLike<number>).length);
  if (!ok) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): '${what}' must be an array of numbers, got ${describe(values)}.`,
    );
  }
}

/** Throws `bad_argument` unless `values` has exactly `length` elements. */
export function requireLength(
  values: ArrayLike<number>,
  length: number,
  what: string,
  fn: string,
  against = 't',
): void {
  if (values.length !== length) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): '${what}' has ${values.length} values but '${against}' has ${length}; they must match one to one.`,
    );
  }
}

/**
 * Throws `bad_argument` unless `series` is a non-empty array of `{ label, values }`; with `length`,
 * every `values` must have that many elements.
 */
export function requireSeries(
  series: unknown,
  length: number | undefined,
  what: string,
  fn: string,
  against = 't',
): asserts series is readonly Series[] {
  if (!Array.isArray(series) || series.length === 0) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): '${what}' must be a non-empty array of { label, values }.`,
    );
  }
  series.forEach((s: Partial<Series> | undefined, k) => {
    if (typeof s?.label !== 'string') {
      throw new BrianError('bad_argument', `${fn}(): '${what}[${k}].label' must be a string.`);
    }
    requireArray(s.values, `${what}[${k}].values`, fn);
    if (length !== undefined) requireLength(s.values, length, `${what}[${k}].values`, fn, against);
  });
}

/** Throws `bad_argument` unless `height` is undefined or a positive number of px. */
export function checkHeight(height: number | undefined, fn: string): void {
  if (height !== undefined && !(height > 40 && Number.isFinite(height))) {
    throw new BrianError('bad_argument', `${fn}(): 'height' must be a number of px above 40, got ${height}.`);
  }
}

/** [min, max] over the finite values (NaN and ±Infinity are skipped), or undefined when there are none. */
export function extent(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The union of several extents, or `fallback` when all are empty. */
export function joinExtents(
  extents: readonly ([number, number] | undefined)[],
  fallback: [number, number],
): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of extents) {
    if (!e) continue;
    lo = Math.min(lo, e[0]);
    hi = Math.max(hi, e[1]);
  }
  if (!(lo <= hi)) return fallback;
  // A flat series (all values equal) still needs a non-empty domain.
  if (lo === hi) return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  return [lo, hi];
}

/** `1234567` → `1,234,567`, independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without a length' : typeof value;
}
