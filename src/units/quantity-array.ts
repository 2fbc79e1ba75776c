/**
 * A 1-D array of values sharing one physical dimension, over a Float64Array in SI base units:
 * Brian's array `Quantity`. Elementwise arithmetic works with a scalar Quantity, a number or a
 * same-length QuantityArray, with Brian's dimension rules, in plain loops (no per-element
 * allocation). Displays the numpy way with a best unit: `[1. 2. 3.] mV`.
 */
import { BrianError } from '../diagnostics/index.ts';
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import { failForDimensionMismatch, isDimensionlessZero } from './dimension-checks.ts';
import { formatBest, formatInUnit, shortString } from './display.ts';
import { type ArithmeticOp, type ComparisonOp, compareValues, compute, type Values } from './elementwise.ts';
import type { PrintOptions } from './number-format.ts';
import { pairwiseSum } from './pairwise-sum.ts';
import { checkUnitMatch, exponentValue, Quantity, type Scalar } from './quantity.ts';
import { siUnitName } from './registry.ts';

/** What elementwise arithmetic accepts. */
export type ArrayOperand = QuantityArray | Quantity | number;

/** A 1-D array of values with one physical dimension (Brian's `Quantity` array): SI values in a Float64Array and their dimension. Element-wise arithmetic checks dimensions as Brian does; what a group's variable view, a monitor's recordings and `mV([1, 2])` give. */
export class QuantityArray implements Iterable<Quantity> {
  /** The values in SI base units. Shared, not copied: writing to it changes the array. */
  readonly values: Float64Array;
  /** The physical dimension shared by every element. */
  readonly dim: Dimension;

  /** Wraps `values` (no copy) as an array of dimension `dim`. */
  constructor(values: Float64Array, dim: Dimension = DIMENSIONLESS) {
    this.values = values;
    this.dim = dim;
    // `q[3]` is element 3 as a Quantity (`q.at(3)`), `q[3] = x` sets it, and an index outside the
    // array is a coded error rather than JavaScript's silent `undefined`.
    // biome-ignore lint/correctness/noConstructorReturn: numeric indexing needs a proxy
    return new Proxy(this, ELEMENT_ACCESS);
  }

  /** Element `k` as a Quantity (`q[k]`, numpy's indexing of a quantity array). */
  [index: number]: Quantity;

  /** A copy of `values` times `unit` (dimensionless when omitted): `QuantityArray.from([1, 2], mV)`. */
  static from(values: ArrayLike<number> | Iterable<number>, unit?: Quantity): QuantityArray {
    const list = Float64Array.from(values as Iterable<number>);
    if (unit) {
      const scale = unit.value;
      for (let k = 0; k < list.length; k++) list[k] *= scale;
    }
    return new QuantityArray(list, unit?.dim ?? DIMENSIONLESS);
  }

  /** `n` zeros of dimension `dim`. */
  static zeros(n: number, dim: Dimension = DIMENSIONLESS): QuantityArray {
    return new QuantityArray(new Float64Array(n), dim);
  }

  /** Number of elements. */
  get length(): number {
    return this.values.length;
  }

  /** numpy's `shape`: `[length]`. */
  get shape(): [number] {
    return [this.values.length];
  }

  /** True when the elements are plain numbers (every dimension exponent 0). */
  get isDimensionless(): boolean {
    return this.dim === DIMENSIONLESS;
  }

  /** Element `k` (negative counts from the end) as a Quantity. */
  at(k: number): Quantity {
    return new Quantity(this.values[this.index(k)], this.dim);
  }

  /** Sets element `k`; the value must have this array's dimension. */
  set(k: number, value: Scalar): void {
    failForDimensionMismatch(this, value, 'Inconsistent units in assignment');
    this.values[this.index(k)] = typeof value === 'number' ? value : value.value;
  }

  /** Sets every element to `value` (same dimension required). Returns this array. */
  fill(value: Scalar): this {
    failForDimensionMismatch(this, value, 'Inconsistent units in assignment');
    this.values.fill(typeof value === 'number' ? value : value.value);
    return this;
  }

  /** The values as numbers of `unit`s: `v.in(mV)`. Dimensions must match. */
  in(unit: Scalar): Float64Array {
    checkUnitMatch(this, unit);
    const scale = typeof unit === 'number' ? unit : unit.value;
    const out = new Float64Array(this.values.length);
    for (let k = 0; k < out.length; k++) out[k] = this.values[k] / scale;
    return out;
  }

  // ---- arithmetic -------------------------------------------------------------------------

  /** Element-wise `this + other` (an array of the same length, or one value for all); dimensions must be equal (`dimension_mismatch`), a dimensionless 0 excepted. */
  add(other: ArrayOperand): QuantityArray {
    return arrayOp(this, other, '+');
  }

  /** Element-wise `this - other`; dimensions must be equal (`dimension_mismatch`), a dimensionless 0 excepted. */
  sub(other: ArrayOperand): QuantityArray {
    return arrayOp(this, other, '-');
  }

  /** Element-wise `this * other`; the dimensions multiply. */
  mul(other: ArrayOperand): QuantityArray {
    return arrayOp(this, other, '*');
  }

  /** Element-wise `this / other`; the dimensions divide. */
  div(other: ArrayOperand): QuantityArray {
    return arrayOp(this, other, '/');
  }

  /** Elementwise power; the exponent must be a number or a dimensionless quantity. */
  pow(exponent: Scalar): QuantityArray {
    const n = exponentValue(this, exponent);
    const out = new Float64Array(this.values.length);
    for (let k = 0; k < out.length; k++) out[k] = this.values[k] ** n;
    return new QuantityArray(out, this.dim.pow(n));
  }

  /** Element-wise square root (halves the dimension exponents). */
  sqrt(): QuantityArray {
    return this.pow(0.5);
  }

  /** Element-wise `-this`. */
  neg(): QuantityArray {
    return this.map((x) => -x);
  }

  /** Element-wise absolute value. */
  abs(): QuantityArray {
    return this.map(Math.abs);
  }

  // ---- comparisons (masks with 1 where true) ------------------------------------------------

  /** Element-wise `this < other` as 0/1 bytes (usable as a `filter` mask); dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  lt(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '<');
  }

  /** Element-wise `this <= other` as 0/1 bytes; dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  le(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '<=');
  }

  /** Element-wise `this > other` as 0/1 bytes; dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  gt(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '>');
  }

  /** Element-wise `this >= other` as 0/1 bytes; dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  ge(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '>=');
  }

  /** Element-wise `this == other` as 0/1 bytes; dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  eq(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '==');
  }

  /** Element-wise `this != other` as 0/1 bytes; dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  ne(other: ArrayOperand): Uint8Array {
    return arrayCompare(this, other, '!=');
  }

  // ---- reductions (numpy's algorithms, so results match Brian's to the bit) -----------------

  /** Sum of the elements (pairwise, as numpy), with the array's dimension; 0 for an empty array. */
  sum(): Quantity {
    return new Quantity(pairwiseSum(this.values), this.dim);
  }

  /** Arithmetic mean of the elements, with the array's dimension (NaN for an empty array, as numpy). */
  mean(): Quantity {
    return new Quantity(pairwiseSum(this.values) / this.values.length, this.dim);
  }

  /** Standard deviation with `ddof` delta degrees of freedom (numpy's default 0). */
  std(ddof = 0): Quantity {
    const n = this.values.length;
    const mean = pairwiseSum(this.values) / n;
    const squares = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const d = this.values[k] - mean;
      squares[k] = d * d;
    }
    return new Quantity(Math.sqrt(pairwiseSum(squares) / Math.max(n - ddof, 0)), this.dim);
  }

  /** Smallest element (NaN if any element is NaN, as numpy). */
  min(): Quantity {
    return new Quantity(this.values[this.argmin()], this.dim);
  }

  /** Largest element (NaN if any element is NaN, as numpy). */
  max(): Quantity {
    return new Quantity(this.values[this.argmax()], this.dim);
  }

  /** Index of the smallest element (the first NaN if there is one, as numpy). */
  argmin(): number {
    return this.argExtreme((a, b) => a < b, 'argmin');
  }

  /** Index of the largest element (the first NaN if there is one, as numpy). */
  argmax(): number {
    return this.argExtreme((a, b) => a > b, 'argmax');
  }

  // ---- selection --------------------------------------------------------------------------

  /** A copy of elements `start` (inclusive) to `end` (exclusive); negative indices count from the end. */
  slice(start?: number, end?: number): QuantityArray {
    return new QuantityArray(this.values.slice(start, end), this.dim);
  }

  /** A view of elements `start` to `end` sharing this array's memory (numpy slicing semantics). */
  subarray(start?: number, end?: number): QuantityArray {
    return new QuantityArray(this.values.subarray(start, end), this.dim);
  }

  /** The elements at `indices` (a copy). */
  take(indices: ArrayLike<number>): QuantityArray {
    const out = new Float64Array(indices.length);
    for (let k = 0; k < out.length; k++) out[k] = this.values[this.index(indices[k])];
    return new QuantityArray(out, this.dim);
  }

  /** The elements where `mask` is non-zero (a copy), e.g. `v.filter(v.gt(mV(-50)))`. */
  filter(mask: ArrayLike<number | boolean>): QuantityArray {
    if (mask.length !== this.values.length) {
      throw new BrianError(
        'bad_argument',
        `Mask of length ${mask.length} for an array of length ${this.values.length}`,
      );
    }
    const out: number[] = [];
    for (let k = 0; k < mask.length; k++) if (mask[k]) out.push(this.values[k]);
    return new QuantityArray(Float64Array.from(out), this.dim);
  }

  /** Iterates over the elements as scalar Quantities (`for (const v of G.v)`, `[...arr]`). */
  *[Symbol.iterator](): Iterator<Quantity> {
    for (let k = 0; k < this.values.length; k++) yield new Quantity(this.values[k], this.dim);
  }

  /** The elements as scalar Quantities (Brian's `tolist()`). */
  toArray(): Quantity[] {
    return Array.from(this);
  }

  // ---- display ----------------------------------------------------------------------------

  /** Brian's `str`: `[1. 2. 3.] mV`, long arrays abbreviated as numpy does. */
  toString(): string {
    return this.inBestUnit();
  }

  /** Brian's `in_best_unit`: the values in the unit Brian would choose for them, `[1. 2. 3.] mV`. */
  inBestUnit(precision?: number, options?: Partial<PrintOptions>): string {
    return formatBest(this.shaped(), { precision, options });
  }

  /** Brian's `in_unit`: `[1. 2. 3.] mV` for `inUnitString(mV)`. */
  inUnitString(unit: Quantity, precision?: number): string {
    checkUnitMatch(this, unit);
    return formatInUnit(this.shaped(), unit, { precision });
  }

  /** Brian's `repr`: `array([1., 2., 3.]) * mvolt`. */
  repr(precision?: number): string {
    return formatBest(this.shaped(), { precision, python: true });
  }

  /** `console.log` in Node shows Brian's display (`[1. 2. 3.] mV`), not the object's fields. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** `JSON.stringify(mV([1, 2]))`: `{"values":[0.001,0.002],"unit":"V"}`, SI values and their SI unit. */
  toJSON(): {
    /** The values in SI base units. */
    values: number[];
    /** The SI unit of the values (`s`, `V`; `1` when dimensionless). */
    unit: string;
  } {
    return { values: Array.from(this.values), unit: siUnitName(this.dim) };
  }

  /** @internal */
  shaped(): { values: ArrayLike<number>; shape: readonly number[]; dim: Dimension } {
    return { values: this.values, shape: [this.values.length], dim: this.dim };
  }

  private map(f: (x: number) => number): QuantityArray {
    const out = new Float64Array(this.values.length);
    for (let k = 0; k < out.length; k++) out[k] = f(this.values[k]);
    return new QuantityArray(out, this.dim);
  }

  private index(k: number): number {
    const n = this.values.length;
    const i = k < 0 ? n + k : k;
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new BrianError('index_out_of_range', `Index ${k} is out of range for an array of length ${n}`);
    }
    return i;
  }

  private argExtreme(better: (a: number, b: number) => boolean, what: string): number {
    const v = this.values;
    if (v.length === 0) throw new BrianError('bad_argument', `${what} of an empty array`);
    let best = 0;
    for (let k = 0; k < v.length; k++) {
      if (Number.isNaN(v[k])) return k;
      if (better(v[k], v[best])) best = k;
    }
    return best;
  }
}

// ---- elementwise kernels ------------------------------------------------------------------

function valuesOf(x: ArrayOperand): Values {
  if (typeof x === 'number') return x;
  if (x instanceof QuantityArray) return x.values;
  if (x instanceof Quantity) return x.value;
  throw new BrianError(
    'bad_argument',
    `Expected a QuantityArray, a Quantity or a number, got ${shortString(x)}`,
  );
}

function dimOf(x: ArrayOperand): Dimension {
  return typeof x === 'number' ? DIMENSIONLESS : x.dim;
}

/** Result dimension of `a op b` after Brian's checks. */
function resultDim(a: ArrayOperand, b: ArrayOperand, op: ArithmeticOp): Dimension {
  if (op === '*') return dimOf(a).mul(dimOf(b));
  if (op === '/') return dimOf(a).div(dimOf(b));
  failForDimensionMismatch(a, b, `Cannot calculate {value1} ${op} {value2}, units do not match`, {
    value1: a,
    value2: b,
  });
  // A dimensionless zero takes the other operand's dimension.
  return dimOf(a) === DIMENSIONLESS && isDimensionlessZero(a) ? dimOf(b) : dimOf(a);
}

function arrayOp(a: QuantityArray, b: ArrayOperand, op: ArithmeticOp): QuantityArray {
  const values = compute(a.values, valuesOf(b), op);
  return new QuantityArray(values, resultDim(a, b, op));
}

/** @internal `scalar op array` for Quantity's methods. */
export function scalarArrayOp(a: Quantity, b: QuantityArray, op: ArithmeticOp): QuantityArray {
  const values = compute(a.value, b.values, op);
  return new QuantityArray(values, resultDim(a, b, op));
}

function checkComparable(a: ArrayOperand, b: ArrayOperand, op: ComparisonOp): void {
  const bareInfinity =
    !(b instanceof QuantityArray) &&
    dimOf(b) === DIMENSIONLESS &&
    Math.abs(valuesOf(b) as number) === Infinity;
  if (bareInfinity) return;
  failForDimensionMismatch(a, b, `Cannot perform comparison {value1} ${op} {value2}, units do not match`, {
    value1: a,
    value2: b,
  });
}

function arrayCompare(a: QuantityArray, b: ArrayOperand, op: ComparisonOp): Uint8Array {
  checkComparable(a, b, op);
  return compareValues(a.values, valuesOf(b), op);
}

/** @internal `scalar op array` comparisons for Quantity's methods. */
export function scalarArrayCompare(a: Quantity, b: QuantityArray, op: ComparisonOp): Uint8Array {
  checkComparable(a, b, op);
  return compareValues(a.value, b.values, op);
}

/** Numeric keys of a QuantityArray index its elements (see the constructor). */
const ELEMENT_ACCESS: ProxyHandler<QuantityArray> = {
  get(target, key, receiver) {
    if (typeof key === 'string' && isIndexKey(key)) return target.at(Number(key));
    return Reflect.get(target, key, receiver);
  },
  set(target, key, value, receiver) {
    if (typeof key === 'string' && isIndexKey(key)) {
      target.set(Number(key), value);
      return true;
    }
    return Reflect.set(target, key, value, receiver);
  },
};

function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return ((c >= 48 && c <= 57) || c === 45) && /^-?\d+$/.test(key);
}
