/**
 * Elementwise loops over Float64Arrays for QuantityArray: one operand may be a broadcast
 * scalar. Plain loops specialised per operator, no per-element allocation.
 */
import { BrianError } from '../diagnostics/index.ts';

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** One operand of a kernel: a broadcast scalar or a same-length array. */
export type Values = number | Float64Array;

function lengthOf(a: Values, b: Values): number {
  if (typeof a === 'number') return typeof b === 'number' ? 1 : b.length;
  if (typeof b !== 'number' && b.length !== a.length) {
    throw new BrianError(
      'bad_argument',
      `operands could not be broadcast together with shapes (${a.length},) (${b.length},)`,
    );
  }
  return a.length;
}

export function compute(a: Values, b: Values, op: ArithmeticOp): Float64Array {
  const n = lengthOf(a, b);
  const out = new Float64Array(n);
  if (typeof a === 'number') {
    const b2 = b as Float64Array;
    if (op === '+') for (let k = 0; k < n; k++) out[k] = a + b2[k];
    else if (op === '-') for (let k = 0; k < n; k++) out[k] = a - b2[k];
    else if (op === '*') for (let k = 0; k < n; k++) out[k] = a * b2[k];
    else for (let k = 0; k < n; k++) out[k] = a / b2[k];
  } else if (typeof b === 'number') {
    if (op === '+') for (let k = 0; k < n; k++) out[k] = a[k] + b;
    else if (op === '-') for (let k = 0; k < n; k++) out[k] = a[k] - b;
    else if (op === '*') for (let k = 0; k < n; k++) out[k] = a[k] * b;
    else for (let k = 0; k < n; k++) out[k] = a[k] / b;
  } else if (op === '+') for (let k = 0; k < n; k++) out[k] = a[k] + b[k];
  else if (op === '-') for (let k = 0; k < n; k++) out[k] = a[k] - b[k];
  else if (op === '*') for (let k = 0; k < n; k++) out[k] = a[k] * b[k];
  else for (let k = 0; k < n; k++) out[k] = a[k] / b[k];
  return out;
}

/** Per-operator comparison, so that each loop below is monomorphic. */
const COMPARE: Readonly<Record<ComparisonOp, (x: number, y: number) => boolean>> = {
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
  '==': (x, y) => x === y,
  '!=': (x, y) => x !== y,
};

/** A mask with 1 where `a op b` holds. */
export function compareValues(a: Values, b: Values, op: ComparisonOp): Uint8Array {
  const n = lengthOf(a, b);
  const out = new Uint8Array(n);
  const f = COMPARE[op];
  if (typeof a === 'number') {
    const bv = b as Float64Array;
    for (let k = 0; k < n; k++) out[k] = f(a, bv[k]) ? 1 : 0;
  } else if (typeof b === 'number') {
    for (let k = 0; k < n; k++) out[k] = f(a[k], b) ? 1 : 0;
  } else {
    for (let k = 0; k < n; k++) out[k] = f(a[k], b[k]) ? 1 : 0;
  }
  return out;
}
