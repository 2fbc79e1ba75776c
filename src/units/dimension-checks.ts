/**
 * Dimension lookup and checking for any value: Brian's `get_dimensions`,
 * `have_same_dimensions`, `is_dimensionless`, `fail_for_dimension_mismatch`.
 * Plain numbers and numeric arrays are dimensionless.
 */
import { BrianError } from '../diagnostics/index.ts';
import { DIMENSIONLESS, Dimension } from './dimension.ts';
import { shortString } from './display.ts';
import { DimensionMismatchError } from './errors.ts';

/** Anything with physical dimensions: Quantity, Unit, QuantityArray, QuantityMatrix. */
export interface HasDimensions {
  /** Its physical dimension. */
  readonly dim: Dimension;
}

function hasDim(x: unknown): x is HasDimensions {
  return (
    x !== null &&
    (typeof x === 'object' || typeof x === 'function') &&
    (x as HasDimensions).dim instanceof Dimension
  );
}

/**
 * The dimensions of a value: its `dim` for quantities and units, the dimension itself for a
 * `Dimension`, DIMENSIONLESS for numbers, booleans and numeric arrays.
 */
export function getDimensions(x: unknown): Dimension {
  if (x instanceof Dimension) return x;
  if (hasDim(x)) return x.dim;
  if (typeof x === 'number' || typeof x === 'boolean') return DIMENSIONLESS;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return DIMENSIONLESS;
  if (
    Array.isArray(x) &&
    x.every((v) => typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v))
  ) {
    return DIMENSIONLESS;
  }
  const what = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
  throw new BrianError('bad_argument', `Object of type ${what} does not have dimensions`);
}

/** Whether a value is dimensionless (numbers are). */
export function isDimensionless(x: unknown): boolean {
  return getDimensions(x) === DIMENSIONLESS;
}

/** Whether two values have the same dimensions. */
export function haveSameDimensions(a: unknown, b: unknown): boolean {
  const da = getDimensions(a);
  const db = getDimensions(b);
  return da === db || da.equals(db);
}

/** A dimensionless zero (or all-zero array) matches any dimension, as in Brian: `mV(3).add(0)` is fine. */
export function isDimensionlessZero(x: unknown): boolean {
  if (typeof x === 'number') return x === 0;
  if (hasDim(x)) {
    if (x.dim !== DIMENSIONLESS) return false;
    const values = (x as { values?: ArrayLike<number>; value?: number }).values;
    if (values && typeof values.length === 'number') return allZero(values);
    return (x as { value?: number }).value === 0;
  }
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView)))
    return allZero(x as ArrayLike<number>);
  return false;
}

function allZero(values: ArrayLike<number>): boolean {
  for (let k = 0; k < values.length; k++) if (values[k] !== 0) return false;
  return true;
}

/**
 * Brian's `fail_for_dimension_mismatch`: throws DimensionMismatchError unless `a` and `b`
 * (dimensionless when omitted) have the same dimensions. A dimensionless zero matches anything.
 * `message` may name values in braces, filled in from `quantities` with their short display:
 * `failForDimensionMismatch(v, mV, 'Cannot set {value}', { value: v })`.
 * Returns both dimensions.
 */
export function failForDimensionMismatch(
  a: unknown,
  b?: unknown,
  message?: string,
  quantities: Readonly<Record<string, unknown>> = {},
): [Dimension, Dimension] {
  const da = getDimensions(a);
  const db = b === undefined ? DIMENSIONLESS : getDimensions(b);
  if (da === db || da.equals(db)) return [da, db];
  if ((da === DIMENSIONLESS && isDimensionlessZero(a)) || (db === DIMENSIONLESS && isDimensionlessZero(b))) {
    return [da, db];
  }
  const text =
    message === undefined
      ? 'Dimension mismatch'
      : message.replace(/\{(\w+)\}/g, (all, name: string) =>
          name in quantities ? shortString(quantities[name]) : all,
        );
  // Comparing with a unit (or a bare dimension): the unit is named in the text already.
  const bIsUnit =
    b === undefined || b instanceof Dimension || (hasDim(b) && (b as { isUnit?: boolean }).isUnit === true);
  throw new DimensionMismatchError(text, bIsUnit ? [da] : [da, db]);
}
