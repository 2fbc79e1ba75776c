import { BrianError } from '../../diagnostics/diagnostic.ts';
import { metre } from '../../units/index.ts';
import { Quantity } from '../../units/quantity.ts';
import { QuantityArray } from '../../units/quantity-array.ts';
import { describeValue } from '../../validation/describe-value.ts';

/**
 * Conversion of the lengths a morphology is built from (diameters, lengths, coordinates) into
 * raw SI values, with Brian's checks: a bare number or a quantity of another dimension is an
 * error that says how to write it; a value of the wrong shape is `bad_argument` (Brian's
 * TypeError).
 */
export type LengthValue = Quantity | QuantityArray;

function checkMetres(value: unknown, what: string): asserts value is LengthValue {
  if (value instanceof Quantity || value instanceof QuantityArray) {
    if (value.dim !== metre.dim && !value.dim.equals(metre.dim)) {
      throw new BrianError('dimension_mismatch', `${what} must be a length, got ${describeValue(value)}.`, {
        hint: 'e.g. um(10)',
      });
    }
    return;
  }
  const bare = typeof value === 'number' || Array.isArray(value) || ArrayBuffer.isView(value);
  throw new BrianError(
    bare ? 'missing_unit' : 'bad_argument',
    `${what} must be a length with units, got ${describeValue(value)}.`,
    { hint: 'e.g. um(10) or um([0, 10])' },
  );
}

/** A single length (a scalar, or an array of one value as Brian accepts), in metres. */
export function scalarLength(value: unknown, what: string): number {
  checkMetres(value, what);
  if (value instanceof Quantity) return value.value;
  if (value.length !== 1) {
    throw new BrianError('bad_argument', `${what} has to be a single value, got ${value.length} values.`);
  }
  return value.values[0];
}

/** Exactly `count` lengths (a one-dimensional array), in metres (a copy). */
export function lengthArray(value: unknown, what: string, count: number): Float64Array {
  checkMetres(value, what);
  if (!(value instanceof QuantityArray) || value.length !== count) {
    const got = value instanceof QuantityArray ? `${value.length} values` : 'a single value';
    throw new BrianError(
      'bad_argument',
      `${what} has to be a one-dimensional array of length ${count}, got ${got}.`,
    );
  }
  return Float64Array.from(value.values);
}

/** The number of compartments: a positive integer (Brian's `Morphology.__init__` checks). */
export function compartmentCount(n: unknown): number {
  if (typeof n === 'string') {
    throw new BrianError(
      'bad_argument',
      'Need the number of compartments, not a string. To load a morphology from a file, use Morphology.fromFile.',
    );
  }
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new BrianError(
      'bad_argument',
      `The number of compartments n has to be an integer value, got ${describeValue(n)}.`,
    );
  }
  if (n <= 0) {
    throw new BrianError('bad_argument', `The number of compartments n has to be at least 1, got ${n}.`);
  }
  return n;
}

/** numpy's `linspace(start, stop, num)`: `k*step + start`, the last value exactly `stop`. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let k = 0; k < num; k++) out[k] = step === 0 ? (k / div) * delta + start : k * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** Raw metres as a quantity array (a copy). */
export function metres(values: ArrayLike<number>): QuantityArray {
  return new QuantityArray(Float64Array.from(values), metre.dim);
}

/** `new X(diameter, options)` or `new X({ diameter, … })`: the options, with the diameter in them. */
export function withDiameter<T extends { readonly diameter?: LengthValue }>(
  first: LengthValue | T,
  options: T,
): T {
  const isOptions =
    typeof first === 'object' &&
    first !== null &&
    !(first instanceof Quantity) &&
    !(first instanceof QuantityArray) &&
    !Array.isArray(first) &&
    !ArrayBuffer.isView(first);
  return isOptions ? (first as T) : { ...options, diameter: first as LengthValue };
}
