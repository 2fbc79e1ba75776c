/**
 * Units: quantities with a name that can also be called. `ms` is 0.001 second, usable as a
 * value (`ms.mul(3)`, `q.in(ms)`) and as a function: `ms(5)` is 5 ms, `mV([1, 2])` a
 * QuantityArray, `mV([[1, 2], [3, 4]])` a QuantityMatrix.
 *
 * A unit is a function object whose prototype is `Unit.prototype` (a subclass of Quantity), so
 * `ms instanceof Quantity` holds; it is created with `Unit.create`, never with `new`.
 * As in Brian, multiplying, dividing or raising units gives a new (compound) unit with a derived
 * name, `mV.div(ms)` is `mV/ms`, and every unit made that way is registered for display.
 */
import { BrianError } from '../diagnostics/index.ts';
import type { Dimension } from './dimension.ts';
import { PYTHON_POW10, PYTHON_POW10_MIN } from './python-pow10.generated.ts';
import { exponentValue, Quantity, type Scalar } from './quantity.ts';
import { QuantityArray } from './quantity-array.ts';
import { QuantityMatrix } from './quantity-matrix.ts';
import { registerNewUnit } from './registry.ts';

/** SI prefixes as powers of ten, as Brian spells them (`u` for micro, `da` for deca). */
export const SI_PREFIXES: Readonly<Record<string, number>> = Object.freeze({
  y: -24,
  z: -21,
  a: -18,
  f: -15,
  p: -12,
  n: -9,
  u: -6,
  m: -3,
  c: -2,
  d: -1,
  '': 0,
  da: 1,
  h: 2,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
  Z: 21,
  Y: 24,
});

/** Python's `10.0 ** scale`, which Brian uses as a unit's value (not always JS's `10 ** scale`). */
export function pow10(scale: number): number {
  const k = scale - PYTHON_POW10_MIN;
  if (Number.isInteger(scale) && k >= 0 && k < PYTHON_POW10.length) return PYTHON_POW10[k];
  return 10 ** scale;
}

/** What `Unit.create` needs to make a unit: its dimension, names and scale (Brian's `Unit(1, dim, name, dispname, latexname, scale)`). */
export interface UnitDefinition {
  /** The physical dimension the unit measures. */
  readonly dim: Dimension;
  /** Full name, Brian's `repr`: `mvolt`, `metre2`, `mvolt / msecond`. */
  readonly name: string;
  /** Display name, Brian's `str`: `mV`, `m^2`, `mV/ms`. */
  readonly dispname: string;
  /** LaTeX (math mode); default `\mathrm{dispname}`. */
  readonly latexname?: string;
  /** The unit's value is 10^scale (in SI base units); default 0. */
  readonly scale?: number;
  /** Made from other units by arithmetic (decides parentheses in derived names). */
  readonly iscompound?: boolean;
  /** Register for display (Brian does for every new unit); default true. */
  readonly register?: boolean;
}

/** What calling a unit accepts. */
export type UnitCallArgument = number | ArrayLike<number> | Iterable<number> | ArrayLike<ArrayLike<number>>;

export interface Unit {
  /** `ms(5)`: 5 ms. */
  (value: number): Quantity;
  /** `mV([1, 2])`, `mV(float64array)`: a QuantityArray (`mV([])` too). */
  (values: ArrayLike<number> | Iterable<number>): QuantityArray;
  /** `mV([[1, 2], [3, 4]])`: a 2 × 2 QuantityMatrix. */
  (rows: readonly (readonly number[])[]): QuantityMatrix;
}

/** A named unit (Brian's `Unit`): a Quantity of value 10^scale in SI base units that is also a function, `ms(5)` being 5 ms. Products, quotients and powers of units are units with derived names (`mV.div(ms)` displays as `mV/ms`). */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signatures of unit objects
export class Unit extends Quantity {
  /** Full name, Brian's `repr`: `mvolt`, `metre ** 2`. */
  declare readonly name: string;
  /** Display name, Brian's `str`: `mV`, `m^2`. */
  declare readonly dispname: string;
  /** LaTeX (math mode): `\mathrm{mV}`. */
  declare readonly latexname: string;
  /** The unit's value is 10^scale in SI base units (-3 for `mV`). */
  declare readonly scale: number;
  /** Made from other units by arithmetic (names get parentheses when combined further). */
  declare readonly iscompound: boolean;

  /** Units are functions and cannot be made with `new`: use `Unit.create`. */
  private constructor() {
    super(0);
    throw new TypeError('Use Unit.create() to make a unit');
  }

  /**
   * A new named unit, Brian's `Unit.create`: `Unit.create({ dim: volt.dim, name: 'volt', dispname: 'V' })`.
   * Registered for display unless `register: false`.
   */
  static create(def: UnitDefinition): Unit {
    const scale = def.scale ?? 0;
    const fields = {
      value: pow10(scale),
      dim: def.dim,
      name: def.name,
      dispname: def.dispname,
      latexname: def.latexname ?? `\\mathrm{${def.dispname}}`,
      scale,
      iscompound: def.iscompound ?? false,
    };
    const fn = (x: UnitCallArgument) => callUnit(unit, x);
    // A function's own `length` and `name` would shadow the unit's fields.
    delete (fn as { length?: number }).length;
    Object.setPrototypeOf(fn, Unit.prototype);
    const props: PropertyDescriptorMap = {};
    for (const [key, value] of Object.entries(fields)) props[key] = { value, enumerable: true };
    Object.defineProperties(fn, props);
    const unit = fn as unknown as Unit;
    if (def.register ?? true) registerNewUnit(unit);
    return unit;
  }

  /** A prefixed version of a unit, Brian's `Unit.create_scaled_unit(volt, 'm')` (mvolt). */
  static createScaled(base: Unit, prefix: string, options: { register?: boolean } = {}): Unit {
    const power = SI_PREFIXES[prefix];
    if (power === undefined) throw new BrianError('bad_argument', `"${prefix}" is not an SI prefix`);
    return Unit.create({
      dim: base.dim,
      name: prefix + base.name,
      dispname: prefix + base.dispname,
      latexname: `\\mathrm{${prefix === 'u' ? '\\mu' : prefix}}${base.latexname}`,
      scale: power + base.scale,
      register: options.register,
    });
  }

  override get isUnit(): boolean {
    return true;
  }

  /** A unit times a unit is a unit: `mV.mul(ms)`, displayed `mV ms`. */
  override mul(other: Unit): Unit;
  /** Element-wise product with an array; the dimensions multiply. */
  override mul(other: QuantityArray): QuantityArray;
  /** A unit times a quantity or number is a quantity (`mV.mul(3)` is 3 mV). */
  override mul(other: Scalar): Quantity;
  override mul(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (!isUnit(other)) return super.mul(other as Scalar);
    return Unit.create({
      dim: this.dim.mul(other.dim),
      name: `${this.name} * ${other.name}`,
      dispname: `${this.dispname} ${other.dispname}`,
      latexname: `${this.latexname}\\,${other.latexname}`,
      scale: this.scale + other.scale,
      iscompound: true,
    });
  }

  /** A unit divided by a unit is a unit: `mV.div(ms)`, displayed `mV/ms`. */
  override div(other: Unit): Unit;
  /** Element-wise quotient with an array; the dimensions divide. */
  override div(other: QuantityArray): QuantityArray;
  /** A unit divided by a quantity or number is a quantity. */
  override div(other: Scalar): Quantity;
  override div(other: Scalar | QuantityArray): Quantity | QuantityArray {
    if (!isUnit(other)) return super.div(other as Scalar);
    const wrap = (u: Unit, s: string) => (u.iscompound ? `(${s})` : s);
    return Unit.create({
      dim: this.dim.div(other.dim),
      name: `${wrap(this, this.name)} / ${wrap(other, other.name)}`,
      dispname: `${wrap(this, this.dispname)}/${wrap(other, other.dispname)}`,
      latexname: `\\frac{${this.latexname}}{${other.latexname}}`,
      scale: this.scale - other.scale,
      iscompound: true,
    });
  }

  /** A unit to a (dimensionless) power is a unit: `metre.pow(2)` displays as `m^2`. */
  override pow(exponent: Scalar): Unit {
    const n = exponentValue(this, exponent);
    const c = this.iscompound;
    return Unit.create({
      dim: this.dim.pow(n),
      name: `${c ? `(${this.name})` : this.name} ** ${n}`,
      dispname: `${c ? `(${this.dispname})` : this.dispname}^${n}`,
      latexname: `${c ? `\\left(${this.latexname}\\right)` : this.latexname}^{${n}}`,
      scale: this.scale * n,
      iscompound: true,
    });
  }

  /** Two units are equal when they have the same dimension and scale; otherwise as quantities. */
  override eq(other: QuantityArray): Uint8Array;
  override eq(other: Scalar): boolean;
  override eq(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (isUnit(other)) return other.dim === this.dim && other.scale === this.scale;
    return super.eq(other as Scalar);
  }

  /** Element-wise `this != other[k]` as 0/1 bytes; dimensions must be equal. */
  override ne(other: QuantityArray): Uint8Array;
  /** Two units differ when their dimension or scale differs; otherwise compared as quantities. */
  override ne(other: Scalar): boolean;
  override ne(other: Scalar | QuantityArray): boolean | Uint8Array {
    if (isUnit(other)) return !(other.dim === this.dim && other.scale === this.scale);
    return super.ne(other as Scalar);
  }

  /** The display name, `mV`. */
  override toString(): string {
    return this.dispname;
  }

  /** The full name, `mvolt`. */
  override repr(): string {
    return this.name;
  }

  /** The LaTeX of the unit (math mode), Brian's `_repr_latex_` without the dollars. */
  toLatex(): string {
    return this.latexname;
  }
}

/** Whether a value is a unit (`mV`, `mV.div(ms)`), not just a quantity. */
export function isUnit(x: unknown): x is Unit {
  return x instanceof Unit;
}

function callUnit(unit: Unit, x: UnitCallArgument): Quantity | QuantityArray | QuantityMatrix {
  if (typeof x === 'number') return new Quantity(x * unit.value, unit.dim);
  if (x instanceof Quantity || x instanceof QuantityArray || x instanceof QuantityMatrix) {
    throw new BrianError('bad_argument', `Cannot call the unit ${unit.dispname} with a quantity`, {
      hint: `multiply instead: ${unit.name}.mul(x) or x.mul(${unit.name})`,
    });
  }
  if (Array.isArray(x)) {
    if (x.length > 0 && typeof x[0] === 'object' && x[0] !== null && 'length' in x[0]) {
      return QuantityMatrix.from(x as ArrayLike<ArrayLike<number>>, unit);
    }
    if (!x.every((v) => typeof v === 'number')) {
      throw new BrianError(
        'bad_argument',
        `Cannot call the unit ${unit.dispname} with values that are not numbers`,
      );
    }
    return QuantityArray.from(x as number[], unit);
  }
  if (ArrayBuffer.isView(x) || (x !== null && typeof x === 'object' && Symbol.iterator in x)) {
    return QuantityArray.from(x as Iterable<number>, unit);
  }
  throw new BrianError('bad_argument', `Cannot call the unit ${unit.dispname} with ${typeof x}`, {
    hint: `pass a number or an array of numbers: ${unit.dispname}(5), ${unit.dispname}([1, 2])`,
  });
}
