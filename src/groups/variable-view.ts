import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import { isProtocolName, memberNames } from '../network/attribute-access.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { siUnitName } from '../units/registry.ts';
import type { Unit } from '../units/unit.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { SettableValue } from './assign-values.ts';
import type { Group, Where } from './group.ts';
import type { ElementIndex } from './selection.ts';
import { floorDivide, modulo, operand, reversePower, type ViewOperand } from './view-arithmetic.ts';
import { viewRepr } from './view-display.ts';

/**
 * What `G.v` returns: a live view on a variable (Brian's VariableView). Index it like an array
 * (`G.v[3]`, `G.v['i > 10']`, `G.v['i > 10'] = 'rand()*mV'`), convert it (`G.v.in(mV)`,
 * `G.v.quantity`, `G.v.values`), or reduce it (`G.v.mean()`).
 */
export interface VariableView extends Iterable<Quantity> {
  /** The variable's name (`v`). */
  readonly name: string;
  /** The group the variable belongs to. */
  readonly group: Group;
  /** Number of values (the group's size, or 1 for a shared variable). */
  readonly length: number;
  /** Raw SI values (a live view for stored variables, computed for subexpressions). */
  readonly values: TypedArray;
  /** The values as a quantity array (a copy). */
  readonly quantity: QuantityArray;
  /** The values as numbers of `unit`s (`G.v.in(mV)`, Brian's `G.v / mV`); dimensions must match. */
  in(unit: Quantity): Float64Array;
  /** Element `index` as a Quantity (negative counts from the end); out of range is `index_out_of_range`. */
  at(index: number): Quantity;
  /**
   * Synapses: the values of the synapses from pre index `i` to post index `j`, numbered `k` by
   * the multisynaptic index (Brian's `S.w[i, j, k]`); `undefined` stands for all (Brian's `:`).
   */
  at(i: Where | undefined, j: Where | undefined, k?: ElementIndex): QuantityArray;
  /**
   * The values of some elements: numbers, a string condition (`'i > 5'`, names from `namespace`),
   * a subgroup, a selection (`S.at(0, 2)`'s elements).
   */
  get(where?: Where, namespace?: Namespace): QuantityArray;
  /** Brian's `G.v[where] = value`; `namespace` gives the external names of string values and conditions. */
  set(value: SettableValue, where?: Where, namespace?: Namespace): void;
  /** The variable's physical dimension (Brian's `G.v.unit`). */
  readonly dim: Dimension;
  /** `[N]`, or `[]` for a shared variable (numpy's `shape`). */
  readonly shape: number[];
  /** 1, or 0 for a shared variable (numpy's `ndim`). */
  readonly ndim: number;
  /** How the values are stored: 'float64', 'int32' or 'bool' (numpy's dtype names). */
  readonly dtype: 'float64' | 'int32' | 'bool';
  /** One value for the whole group (a shared variable, or linked from a one-element group). */
  readonly scalar: boolean;
  // Brian's VariableView arithmetic: the values combined with a number, quantity, array or view.
  /** `G.x + other`, element by element (units must match). */
  add(other: ViewOperand): QuantityArray;
  /** `G.x - other`, element by element (units must match). */
  sub(other: ViewOperand): QuantityArray;
  /** `G.x * other`, element by element. */
  mul(other: ViewOperand): QuantityArray;
  /** `G.x / other`, element by element. */
  div(other: ViewOperand): QuantityArray;
  /** `G.x // other` (Python's floor division), element by element (units must match). */
  floordiv(other: ViewOperand): QuantityArray;
  /** `G.x % other` (Python's modulo, the sign of `other`), element by element (units must match). */
  mod(other: ViewOperand): QuantityArray;
  /** `G.x ** exponent` (a dimensionless exponent). */
  pow(exponent: number | Quantity): QuantityArray;
  /** `base ** G.x` (Python's `2**G.x`): the variable must be dimensionless. */
  rpow(base: number): QuantityArray;
  /** `-G.x`. */
  neg(): QuantityArray;
  /** `G.x == other` per element (1 or 0; units must match). */
  eq(other: ViewOperand): Uint8Array;
  /** `G.x != other` per element (1 or 0; units must match). */
  ne(other: ViewOperand): Uint8Array;
  /** `G.x < other` per element (1 or 0; units must match). */
  lt(other: ViewOperand): Uint8Array;
  /** `G.x <= other` per element (1 or 0; units must match). */
  le(other: ViewOperand): Uint8Array;
  /** `G.x > other` per element (1 or 0; units must match). */
  gt(other: ViewOperand): Uint8Array;
  /** `G.x >= other` per element (1 or 0; units must match). */
  ge(other: ViewOperand): Uint8Array;
  /** Mean of the values, with the variable's unit. */
  mean(): Quantity;
  /** Sum of the values, with the variable's unit. */
  sum(): Quantity;
  /** Smallest value, with the variable's unit. */
  min(): Quantity;
  /** Largest value, with the variable's unit. */
  max(): Quantity;
  /** The raw SI values as a plain array (a copy). */
  toArray(): number[];
  /** Brian's text of a variable view: `<neurongroup.v: array([-70., -65.]) * mvolt>`. */
  toString(): string;
  /** `JSON.stringify(G.v)`: `{ "values": [SI values…], "unit": "V" }`. */
  toJSON(): {
    /** The values in SI base units (booleans for boolean variables). */
    values: number[] | boolean[];
    /** The SI unit of the values (`V`; `1` when dimensionless). */
    unit: string;
  };
  /** Indexing: numbers give one element, strings are conditions. */
  [index: number]: Quantity;
}

class View {
  constructor(
    readonly group: Group,
    readonly name: string,
  ) {}

  get length(): number {
    return this.scalar ? 1 : this.group.N;
  }

  get scalar(): boolean {
    const v = this.group.variable(this.name);
    return this.group.isScalarVariable(this.name, v);
  }

  get shape(): number[] {
    return this.scalar ? [] : [this.group.N];
  }

  get ndim(): number {
    return this.shape.length;
  }

  get dtype(): 'float64' | 'int32' | 'bool' {
    const v = this.group.variable(this.name);
    return v.type === 'integer' ? 'int32' : v.type === 'boolean' ? 'bool' : 'float64';
  }

  get values(): TypedArray {
    return this.group.rawValues(this.name);
  }

  get dim(): Dimension {
    const v = this.group.variable(this.name);
    return 'dim' in v ? v.dim : undefined!;
  }

  get quantity(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.values), this.dim);
  }

  in(unit: Quantity | Unit): Float64Array {
    return this.quantity.in(unit as Quantity);
  }

  at(index: number): Quantity;
  at(i: Where | undefined, j: Where | undefined, k?: ElementIndex): QuantityArray;
  at(...index: (Where | undefined)[]): Quantity | QuantityArray {
    if (index.length >= 2) return this.get(this.group.select(...index));
    if (typeof index[0] !== 'number') {
      throw new BrianError('bad_argument', `${this.group.name}.${this.name}.at() takes one element number.`, {
        hint: 'use get() for several elements or a condition',
      });
    }
    const values = this.group.rawValues(this.name, index[0]);
    return new Quantity(values[0], this.dim);
  }

  get(where?: Where, namespace?: Namespace): QuantityArray {
    if (where === null)
      throw new BrianError('bad_argument', `${this.group.name}.${this.name} cannot be indexed with null.`);
    return new QuantityArray(Float64Array.from(this.group.rawValues(this.name, where, namespace)), this.dim);
  }

  set(value: SettableValue, where?: Where, namespace?: Namespace): void {
    this.group.setState(this.name, value, where, namespace);
  }

  private op(x: ViewOperand | string, symbol: string): ReturnType<typeof operand> {
    return operand(x, `${this.group.name}.${this.name}`, symbol);
  }

  add(other: ViewOperand): QuantityArray {
    return this.quantity.add(this.op(other, '+'));
  }

  sub(other: ViewOperand): QuantityArray {
    return this.quantity.sub(this.op(other, '-'));
  }

  mul(other: ViewOperand): QuantityArray {
    return this.quantity.mul(this.op(other, '*'));
  }

  div(other: ViewOperand): QuantityArray {
    return this.quantity.div(this.op(other, '/'));
  }

  floordiv(other: ViewOperand): QuantityArray {
    return floorDivide(this.quantity, this.op(other, '//'));
  }

  mod(other: ViewOperand): QuantityArray {
    return modulo(this.quantity, this.op(other, '%'));
  }

  pow(exponent: number | Quantity): QuantityArray {
    return this.quantity.pow(exponent);
  }

  rpow(base: number): QuantityArray {
    return reversePower(this.quantity, base, `${this.group.name}.${this.name}`);
  }

  neg(): QuantityArray {
    return this.quantity.neg();
  }

  eq(other: ViewOperand): Uint8Array {
    return this.quantity.eq(this.op(other, '=='));
  }

  ne(other: ViewOperand): Uint8Array {
    return this.quantity.ne(this.op(other, '!='));
  }

  lt(other: ViewOperand): Uint8Array {
    return this.quantity.lt(this.op(other, '<'));
  }

  le(other: ViewOperand): Uint8Array {
    return this.quantity.le(this.op(other, '<='));
  }

  gt(other: ViewOperand): Uint8Array {
    return this.quantity.gt(this.op(other, '>'));
  }

  ge(other: ViewOperand): Uint8Array {
    return this.quantity.ge(this.op(other, '>='));
  }

  mean(): Quantity {
    return this.quantity.mean();
  }

  sum(): Quantity {
    return this.quantity.sum();
  }

  min(): Quantity {
    return this.quantity.min();
  }

  max(): Quantity {
    return this.quantity.max();
  }

  toArray(): number[] {
    return Array.from(this.values);
  }

  *[Symbol.iterator](): Iterator<Quantity> {
    const dim = this.dim;
    for (const x of this.values) yield new Quantity(x, dim);
  }

  toString(): string {
    const v = this.group.variable(this.name);
    return viewRepr(this.group.name, this.name, this.values, this.dim, v.kind === 'array' && v.shared);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  toJSON(): { values: number[] | boolean[]; unit: string } {
    const values = this.values;
    return {
      values: values instanceof Uint8Array ? Array.from(values, (x) => x !== 0) : Array.from(values),
      unit: siUnitName(this.dim ?? DIMENSIONLESS),
    };
  }
}

/** Index keys that are conditions or element numbers rather than view members. */
function isIndexKey(view: View, key: string | symbol): key is string {
  return typeof key === 'string' && !(key in view);
}

/** Whether `x` is a variable view (`G.v`), without touching its index keys. */
export function isVariableView(x: unknown): x is VariableView {
  return x instanceof View;
}

export function makeVariableView(group: Group, name: string): VariableView {
  const view = new View(group, name);
  return new Proxy(view, {
    get(target, key, receiver) {
      if (!isIndexKey(target, key)) return Reflect.get(target, key, receiver);
      if (/^-?\d+$/.test(key)) return target.at(Number(key));
      if (isProtocolName(key)) return undefined;
      // A bare name that is no variable is a misspelt member (`G.v.mena`), not a condition.
      if (/^[A-Za-z_]\w*$/.test(key) && !group.isUserVariable(key)) {
        throw new BrianError('unknown_variable', `${group.name}.${name} has no member "${key}".`, {
          hint: unknownNameHint(key, memberNames(target), 'members of a variable view'),
        });
      }
      return target.get(key);
    },
    set(target, key, value) {
      if (!isIndexKey(target, key)) {
        throw new BrianError('bad_argument', `Cannot set ${describeValue(key)} of ${group.name}.${name}.`);
      }
      target.set(value, /^-?\d+$/.test(key) ? Number(key) : key);
      return true;
    },
  }) as unknown as VariableView;
}
