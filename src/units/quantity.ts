/**
 * A scalar physical quantity: a value in SI base units and its dimension, Brian's `Quantity`
 * for one number. Immutable; arithmetic methods return new quantities and check dimensions as
 * Brian does (`+ - < ==` need equal dimensions, `* /` combine them, `**` needs a
 * dimensionless exponent). A dimensionless zero combines with anything, and comparisons with
 * ±Infinity are always allowed, as in Brian.
 */
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import { failForDimensionMismatch, getDimensions } from './dimension-checks.ts';
import { type DisplayOptions, type DisplayUnit, formatBest, formatInUnit, shortString } from './display.ts';
import { DimensionMismatchError, notDimensionless } from './errors.ts';
import type { PrintOptions } from './number-format.ts';
import { QuantityArray, scalarArrayCompare, scalarArrayOp } from './quantity-array.ts';
import { bestUnitFor, siUnitName } from './registry.ts';

/** What scalar arithmetic accepts: a Quantity (or Unit) or a plain, dimensionless, number. */
export type Scalar = Quantity | number;

/** A scalar physical quantity (Brian's `Quantity` for one number): a value in SI base units and its dimension. Immutable; arithmetic checks dimensions as Brian does. Made by calling a unit (`ms(5)`), by `q('5*ms')`, or by arithmetic. */
export class Quantity {
  /** The value in SI base units (0.005 for 5 ms). */
  readonly value: number;
  /** The physical dimension. */
  readonly dim: Dimension;

  constructor(value: number, dim: Dimension = DIMENSIONLESS) {
    this.value = value;
    this.dim = dim;
  }

  /** A dimensionless quantity. */
  static dimensionless(value: number): Quantity {
    return new Quantity(value, DIMENSIONLESS);
  }

  /** True for units (`mV`), false for other quantities. */
  get isUnit(): boolean {
    return false;
  }

  /** Brian's alias of `dim`. */
  get dimensions(): Dimension {
    return this.dim;
  }

  /** True when every dimension exponent is 0 (a plain number with no unit). */
  get isDimensionless(): boolean {
    return this.dim === DIMENSIONLESS;
  }

  /** Whether `other` (a quantity, unit, number…) has the same dimensions. */
  hasSameDimensions(other: unknown): boolean {
    const d = getDimensions(other);
    return d === this.dim || d.equals(this.dim);
  }

  // ---- arithmetic -------------------------------------------------------------------------

  /** `this + other` element-wise with an array: an array of the same dimension. Dimensions must be equal (`dimension_mismatch`), a dimensionless zero excepted. */
  add(other: QuantityArray): QuantityArray;
  /** `this + other`: dimensions must be equal (`dimension_mismatch`), except that a dimensionless 0 adds to anything. */
  add(other: Scalar): Quantity;
  add(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (other instanceof QuantityArray) return scalarArrayOp(this, other, '+');
    return new Quantity(this.value + scalarValue(other), this.additiveDim(other, '+'));
  }

  /** `this - other` element-wise with an array; dimensions must be equal. */
  sub(other: QuantityArray): QuantityArray;
  /** `this - other`: dimensions must be equal (`dimension_mismatch`), a dimensionless 0 excepted. */
  sub(other: Scalar): Quantity;
  sub(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (other instanceof QuantityArray) return scalarArrayOp(this, other, '-');
    return new Quantity(this.value - scalarValue(other), this.additiveDim(other, '-'));
  }

  /** `this * other` element-wise with an array; the dimensions multiply. */
  mul(other: QuantityArray): QuantityArray;
  /** `this * other`: the dimensions multiply (`mV.mul(nS)` is a current); a number scales. */
  mul(other: Scalar): Quantity;
  mul(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (other instanceof QuantityArray) return scalarArrayOp(this, other, '*');
    if (typeof other === 'number') return new Quantity(this.value * other, this.dim);
    return new Quantity(this.value * other.value, this.dim.mul(other.dim));
  }

  /** `this / other` element-wise with an array; the dimensions divide. */
  div(other: QuantityArray): QuantityArray;
  /** `this / other`: the dimensions divide (`mV.div(ms)` is a voltage per time); a number scales. */
  div(other: Scalar): Quantity;
  div(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (other instanceof QuantityArray) return scalarArrayOp(this, other, '/');
    if (typeof other === 'number') return new Quantity(this.value / other, this.dim);
    return new Quantity(this.value / other.value, this.dim.div(other.dim));
  }

  /** Raise to a power; the exponent must be a number or a dimensionless quantity. */
  pow(exponent: Scalar): Quantity {
    const n = exponentValue(this, exponent);
    return new Quantity(this.value ** n, this.dim.pow(n));
  }

  /** Square root (halves the dimension exponents). */
  sqrt(): Quantity {
    return this.pow(0.5);
  }

  /** `-this`, same dimension. */
  neg(): Quantity {
    return new Quantity(-this.value, this.dim);
  }

  /** `|this|`, same dimension (Brian's `abs`). */
  abs(): Quantity {
    return new Quantity(Math.abs(this.value), this.dim);
  }

  // ---- comparisons ------------------------------------------------------------------------

  /** `this < other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  lt(other: QuantityArray): Uint8Array;
  /** `this < other`: dimensions must be equal (`dimension_mismatch`), except against a dimensionless 0 or ±Infinity. */
  lt(other: Scalar): boolean;
  lt(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '<');
    return this.value < this.comparable(other, '<');
  }

  /** `this <= other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  le(other: QuantityArray): Uint8Array;
  /** `this <= other`: dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  le(other: Scalar): boolean;
  le(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '<=');
    return this.value <= this.comparable(other, '<=');
  }

  /** `this > other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  gt(other: QuantityArray): Uint8Array;
  /** `this > other`: dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  gt(other: Scalar): boolean;
  gt(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '>');
    return this.value > this.comparable(other, '>');
  }

  /** `this >= other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  ge(other: QuantityArray): Uint8Array;
  /** `this >= other`: dimensions must be equal, except against a dimensionless 0 or ±Infinity. */
  ge(other: Scalar): boolean;
  ge(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '>=');
    return this.value >= this.comparable(other, '>=');
  }

  /** `this == other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  eq(other: QuantityArray): Uint8Array;
  /** `this == other` (same SI value): dimensions must be equal (`dimension_mismatch`, as Brian), a dimensionless 0 or ±Infinity excepted. */
  eq(other: Scalar): boolean;
  eq(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '==');
    return this.value === this.comparable(other, '==');
  }

  /** `this != other[k]` for each element, as 0/1 bytes; dimensions must be equal. */
  ne(other: QuantityArray): Uint8Array;
  /** `this != other`: dimensions must be equal, a dimensionless 0 or ±Infinity excepted. */
  ne(other: Scalar): boolean;
  ne(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (other instanceof QuantityArray) return scalarArrayCompare(this, other, '!=');
    return this.value !== this.comparable(other, '!=');
  }

  // ---- conversion -------------------------------------------------------------------------

  /** The value as a number of `unit`s: `ms(20).in(second)` is 0.02. Dimensions must match. */
  in(unit: Scalar): number {
    checkUnitMatch(this, unit);
    return this.value / scalarValue(unit);
  }

  /** Brian's `in_unit`: the text of this quantity in `unit`, `second(0.02).inUnitString(ms)` is `20. ms`. */
  inUnitString(unit: Quantity, precision?: number): string {
    checkUnitMatch(this, unit);
    return formatInUnit(this.shaped(), unit, { precision });
  }

  /** Brian's `in_best_unit`: `20. ms`. Also what `toString()` and template strings show. */
  inBestUnit(precision?: number, options?: Partial<PrintOptions>): string {
    return formatBest(this.shaped(), { precision, options });
  }

  /** The unit Brian would display this quantity in (`get_best_unit`): a Unit, or 1 × the SI dimension. */
  bestUnit(): DisplayUnit {
    return bestUnitFor(this.dim, [this.value]) ?? new Quantity(1, this.dim);
  }

  /** Brian's display, `20. ms`. */
  toString(): string {
    return this.inBestUnit();
  }

  /** Brian's `repr`, valid Python: `20. * msecond`. */
  repr(precision?: number): string {
    const how: DisplayOptions = { precision, python: true };
    return formatBest(this.shaped(), how);
  }

  /** The number, for dimensionless quantities only; throws `dimension_not_dimensionless` otherwise. */
  valueOf(): number {
    if (this.dim !== DIMENSIONLESS) {
      throw notDimensionless(
        `${this}`,
        this.dim,
        'to be used as a plain number',
        'use .in(unit) to get a number in a unit, e.g. q.in(ms)',
      );
    }
    return this.value;
  }

  /** Template strings and String() show Brian's display; arithmetic operators work only when dimensionless. */
  [Symbol.toPrimitive](hint: string): string | number {
    if (hint === 'string') return this.toString();
    return this.valueOf();
  }

  /** `console.log` in Node shows Brian's display (`20. ms`), not the object's fields. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** `JSON.stringify(ms(20))`: `{"value":0.02,"unit":"s"}`, the value in SI and its SI unit. */
  toJSON(): {
    /** The value in SI base units. */
    value: number;
    /** The SI unit of the value (`s`, `V`, `m^2`; `1` when dimensionless). */
    unit: string;
  } {
    return { value: this.value, unit: siUnitName(this.dim) };
  }

  // ---- internals --------------------------------------------------------------------------

  /** @internal */
  shaped(): { values: ArrayLike<number>; shape: readonly number[]; dim: Dimension } {
    return { values: [this.value], shape: [], dim: this.dim };
  }

  /** Dimension of `this ± other`; a dimensionless zero on either side takes the other's dimension. */
  private additiveDim(other: Scalar, op: string): Dimension {
    if (typeof other !== 'number' && other.dim === this.dim) return this.dim; // the common case, fast
    const [, otherDim] = failForDimensionMismatch(
      this,
      other,
      `Cannot calculate {value1} ${op} {value2}, units do not match`,
      {
        value1: this,
        value2: other,
      },
    );
    return this.dim === DIMENSIONLESS && this.value === 0 ? otherDim : this.dim;
  }

  /** The other side's value for a comparison, after the dimension check (±Infinity always passes). */
  private comparable(other: Scalar, op: string): number {
    const v = scalarValue(other);
    if (typeof other !== 'number' && other.dim === this.dim) return v; // the common case, fast
    const isBareInfinity =
      (typeof other === 'number' || other.dim === DIMENSIONLESS) && Math.abs(v) === Infinity;
    if (!isBareInfinity) {
      failForDimensionMismatch(
        this,
        other,
        `Cannot perform comparison {value1} ${op} {value2}, units do not match`,
        {
          value1: this,
          value2: other,
        },
      );
    }
    return v;
  }
}

function scalarValue(x: Scalar): number {
  if (typeof x === 'number') return x;
  if (x instanceof Quantity) return x.value;
  throw new TypeError(`Expected a Quantity or a number, got ${shortString(x)}`);
}

/** The numeric exponent of `base ** exponent`; the exponent must be dimensionless. */
export function exponentValue(base: unknown, exponent: Scalar): number {
  if (typeof exponent === 'number') return exponent;
  if (exponent.dim !== DIMENSIONLESS) {
    throw new DimensionMismatchError(
      `Cannot calculate ${shortString(base)} ** ${shortString(exponent)}, the exponent has to be dimensionless`,
      [exponent.dim],
    );
  }
  return exponent.value;
}

/** `x.in(unit)`: dimensions must match (no zero exemption: converting needs a real unit). */
export function checkUnitMatch(x: { dim: Dimension }, unit: Scalar): void {
  const unitDim = typeof unit === 'number' ? DIMENSIONLESS : unit.dim;
  if (unitDim !== x.dim && !unitDim.equals(x.dim)) {
    const unitText = typeof unit === 'number' ? String(unit) : unit.isUnit ? String(unit) : shortString(unit);
    throw new DimensionMismatchError(`Cannot express ${shortString(x)} in ${unitText}, units do not match`, [
      x.dim,
      unitDim,
    ]);
  }
}
