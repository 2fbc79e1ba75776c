import type { ArrayVariable, Variable } from '../core/variables.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';

/** What `G.v = …` accepts. */
export type SettableValue =
  | string
  | number
  | boolean
  | Quantity
  | QuantityArray
  | ArrayLike<number>
  | ArrayLike<boolean>;

/**
 * Writes literal values (not expressions) into a variable's storage, checking dimensions the
 * way Brian does: a bare number only for dimensionless variables, a quantity of the right
 * dimension otherwise, and arrays of the right length.
 */
export function assignValues(
  owner: string,
  name: string,
  variable: Variable,
  data: TypedArray,
  indices: Int32Array | undefined,
  value: SettableValue,
): void {
  const v = variable as ArrayVariable;
  const { values, scalar } = toRawValues(owner, name, v, value);
  if (v.type === 'integer') checkIntegers(values, owner, name);
  if (v.shared) {
    if (!scalar && values.length !== 1) {
      throw new BrianError(
        'bad_argument',
        `${owner}.${name} is shared: set it with one value, not ${values.length}.`,
      );
    }
    data[0] = convert(values[0], v);
    return;
  }
  if (indices === undefined) {
    if (scalar) {
      data.fill(convert(values[0], v));
      return;
    }
    if (values.length !== data.length) {
      throw new BrianError(
        'bad_argument',
        `Cannot set ${owner}.${name} (${data.length} values) from ${values.length} values.`,
      );
    }
    for (let k = 0; k < values.length; k++) data[k] = convert(values[k], v);
    return;
  }
  if (!scalar && values.length !== indices.length) {
    throw new BrianError(
      'bad_argument',
      `Cannot set ${indices.length} elements of ${owner}.${name} from ${values.length} values.`,
    );
  }
  for (let k = 0; k < indices.length; k++) data[indices[k]] = convert(scalar ? values[0] : values[k], v);
}

/**
 * Every value fits an integer variable, checked before anything is written: an Int32Array would
 * store NaN and ±Inf as 0 and wrap large values, a silent wrong value (Brian refuses NaN and
 * ±Inf too: ValueError, OverflowError).
 */
function checkIntegers(values: ArrayLike<number>, owner: string, name: string): void {
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (x > -2147483649 && x < 2147483648) continue;
    throw new BrianError(
      'bad_argument',
      `Cannot set ${owner}.${name} to ${x}: it is an integer variable (32 bits, -2147483648 to 2147483647).`,
    );
  }
}

function convert(x: number, v: ArrayVariable): number {
  if (v.type === 'integer') return Math.trunc(x);
  if (v.type === 'boolean') return x ? 1 : 0;
  return x;
}

function toRawValues(
  owner: string,
  name: string,
  v: ArrayVariable,
  value: SettableValue,
): { values: ArrayLike<number>; scalar: boolean } {
  const expected = v.dim;
  // A bare number for a variable with units is a missing unit; a quantity of other units a mismatch.
  const mismatch = (got: string, withUnits = false) =>
    new BrianError(
      expected.isDimensionless || withUnits ? 'dimension_mismatch' : 'missing_unit',
      `${owner}.${name} should be set with a value in units of ${expected.isDimensionless ? '1 (dimensionless)' : String(expected)}, but got ${got}.`,
      { hint: expected.isDimensionless ? undefined : `e.g. ${owner}.${name} = mV(-70)` },
    );
  if (value instanceof Quantity) {
    if (value.dim !== expected) throw mismatch(String(value), true);
    return { values: [value.value], scalar: true };
  }
  if (value instanceof QuantityArray) {
    if (value.dim !== expected) throw mismatch(`an array with dimension ${value.dim}`, true);
    return { values: value.values, scalar: false };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (!expected.isDimensionless && !(value === 0 && false))
      throw mismatch(`the number ${describeValue(value)}`);
    return { values: [Number(value)], scalar: true };
  }
  if (typeof value === 'object' && value !== null && 'length' in value) {
    if (!expected.isDimensionless) throw mismatch('an array of plain numbers');
    return { values: Array.from(value as ArrayLike<number>, Number), scalar: false };
  }
  throw new BrianError('bad_argument', `Cannot set ${owner}.${name} from ${describeValue(value)}.`);
}
