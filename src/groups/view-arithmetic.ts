import { BrianError } from '../diagnostics/diagnostic.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { failForDimensionMismatch } from '../units/dimension-checks.ts';
import { Quantity } from '../units/quantity.ts';
import { type ArrayOperand, QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';

/** What arithmetic on a variable view accepts: numbers, quantities, arrays and other views. */
export type ViewOperand = ArrayOperand | { readonly quantity: QuantityArray };

/**
 * Brian's VariableView arithmetic (`G.v + 1*mV`, `G.x * G.y`, `2**G.x`): the values as a
 * QuantityArray combined with the operand, units checked as for quantities. Python's in-place
 * forms (`G.v += x`) are `G.v = G.v.add(x)`; a string operand is refused as Brian does.
 */
export function operand(x: ViewOperand | string, owner: string, op: string): ArrayOperand {
  if (typeof x === 'string') {
    throw new BrianError('bad_argument', `Cannot calculate ${owner} ${op} a string.`, {
      hint: `to compute with model code, assign a string: ${owner} = '${owner.split('.').pop()} ${op} …'`,
    });
  }
  if (x instanceof Quantity || x instanceof QuantityArray || typeof x === 'number') return x;
  if (typeof x === 'object' && x !== null && 'quantity' in x) return x.quantity;
  throw new BrianError('bad_argument', `Cannot calculate ${owner} ${op} ${describeValue(x)}.`);
}

const raw = (x: ArrayOperand): number | Float64Array =>
  typeof x === 'number' ? x : x instanceof Quantity ? x.value : x.values;

function elementwise(a: QuantityArray, b: ArrayOperand, f: (x: number, y: number) => number): Float64Array {
  const bv = raw(b);
  if (typeof bv !== 'number' && bv.length !== a.length) {
    throw new BrianError(
      'bad_argument',
      `operands could not be broadcast together with shapes (${a.length},) (${bv.length},)`,
    );
  }
  return a.values.map((x, k) => f(x, typeof bv === 'number' ? bv : bv[k]));
}

const dimOf = (x: ArrayOperand) => (typeof x === 'number' ? DIMENSIONLESS : x.dim);

/** Python's `a // b` (floor of the quotient; the dimension of the quotient). */
export function floorDivide(a: QuantityArray, b: ArrayOperand): QuantityArray {
  return new QuantityArray(
    elementwise(a, b, (x, y) => Math.floor(x / y)),
    a.dim.div(dimOf(b)),
  );
}

/** Python's `a % b` (the sign of the divisor); both in the same units. */
export function modulo(a: QuantityArray, b: ArrayOperand): QuantityArray {
  failForDimensionMismatch(a, b, 'Cannot calculate {a} % {b}, units do not match', { a, b });
  return new QuantityArray(
    elementwise(a, b, (x, y) => x - y * Math.floor(x / y)),
    a.dim,
  );
}

/** `base ** a` (Brian's `__rpow__`): the exponent must be dimensionless. */
export function reversePower(a: QuantityArray, base: number, owner: string): QuantityArray {
  if (!a.dim.isDimensionless) {
    failForDimensionMismatch(a, undefined, `Cannot use '${owner}' as an exponent, it has dimensions {a}`, {
      a,
    });
  }
  return new QuantityArray(
    a.values.map((x) => base ** x),
    DIMENSIONLESS,
  );
}
