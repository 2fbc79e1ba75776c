import { BrianError } from '../diagnostics/diagnostic.ts';

/**
 * Physical dimensions: the exponents of the 7 SI base units (metre, kilogram, second, amp,
 * kelvin, mole, candela), as in Brian's `Dimension`.
 *
 * Dimensions are interned: equal exponents always give the same object, so `a === b` is the
 * fast equality test (Brian relies on `is` the same way). Create them only through
 * `getOrCreateDimension`, or from others with `mul`, `div`, `pow`.
 */

/** Brian's display labels, in exponent order (`str(dim)`). */
export const DIMENSION_LABELS = ['m', 'kg', 's', 'A', 'K', 'mol', 'cd'] as const;
/** Brian's names of the base units, in exponent order (`repr(dim)`, valid Python). */
export const DIMENSION_UNIT_NAMES = [
  'metre',
  'kilogram',
  'second',
  'amp',
  'kelvin',
  'mole',
  'candle',
] as const;

/** The keywords Brian's `get_or_create_dimension(**kwds)` accepts, mapped to the exponent index. */
const KEYWORD_INDEX: Readonly<Record<string, number>> = {
  length: 0,
  mass: 1,
  time: 2,
  current: 3,
  temperature: 4,
  substance: 5,
  luminosity: 6,
  m: 0,
  metre: 0,
  meter: 0,
  kg: 1,
  kilogram: 1,
  s: 2,
  second: 2,
  A: 3,
  amp: 3,
  ampere: 3,
  K: 4,
  kelvin: 4,
  mol: 5,
  mole: 5,
  cd: 6,
  candle: 6,
  candela: 6,
};

/** The 7 exponents of a dimension, in Brian's order: metre, kilogram, second, amp, kelvin, mole, candela. */
export type DimensionExponents = readonly [number, number, number, number, number, number, number];

const interned = new Map<string, Dimension>();
let constructing = false;

/**
 * A physical dimension (Brian's `Dimension`): the exponents of the 7 SI base units. Interned: one
 * object per dimension, so dimensions compare with `===`; get one with `getOrCreateDimension`.
 */
export class Dimension {
  /** The 7 exponents: metre, kilogram, second, amp, kelvin, mole, candela. */
  readonly exponents: DimensionExponents;

  /** @internal Use `getOrCreateDimension`: dimensions are interned. */
  constructor(exponents: DimensionExponents) {
    if (!constructing) throw new TypeError('Use getOrCreateDimension(): Dimension objects are interned');
    this.exponents = Object.freeze([...exponents]) as unknown as DimensionExponents;
    Object.freeze(this);
  }

  /** True when every exponent is 0. */
  get isDimensionless(): boolean {
    return this === DIMENSIONLESS;
  }

  /** The exponent of one base dimension, by index or by name (`'m'`, `'second'`, `'time'`…). */
  get(which: number | string): number {
    const k = typeof which === 'number' ? which : KEYWORD_INDEX[which];
    if (k === undefined || !(k in this.exponents)) {
      throw new BrianError('bad_argument', `No base dimension ${JSON.stringify(String(which))}.`);
    }
    return this.exponents[k];
  }

  /** The dimension of a product: exponents add (`length.mul(length)` is area). */
  mul(other: Dimension): Dimension {
    if (other === DIMENSIONLESS) return this;
    if (this === DIMENSIONLESS) return other;
    const a = this.exponents;
    const b = other.exponents;
    return fromArray([
      a[0] + b[0],
      a[1] + b[1],
      a[2] + b[2],
      a[3] + b[3],
      a[4] + b[4],
      a[5] + b[5],
      a[6] + b[6],
    ]);
  }

  /** The dimension of a quotient: exponents subtract. */
  div(other: Dimension): Dimension {
    if (other === DIMENSIONLESS) return this;
    const a = this.exponents;
    const b = other.exponents;
    return fromArray([
      a[0] - b[0],
      a[1] - b[1],
      a[2] - b[2],
      a[3] - b[3],
      a[4] - b[4],
      a[5] - b[5],
      a[6] - b[6],
    ]);
  }

  /** Raises every exponent to `n`; fractional powers are allowed (`sqrt` gives halves). */
  pow(n: number): Dimension {
    if (!Number.isFinite(n)) {
      throw new BrianError(
        'dimension_mismatch',
        `A quantity with dimension ${this} cannot be raised to the power ${n}.`,
      );
    }
    if (n === 1 || this === DIMENSIONLESS) return this;
    return fromArray(this.exponents.map((x) => x * n));
  }

  /**
   * Same dimension. Interning makes this `===`; like Brian (which compares with `np.allclose`),
   * exponents that differ only by rounding error (e.g. after `pow(1/3)` and `pow(3)`) count as equal.
   */
  equals(other: Dimension): boolean {
    if (this === other) return true;
    return this.exponents.every(
      (x, k) => Math.abs(x - other.exponents[k]) <= 1e-8 + 1e-5 * Math.abs(other.exponents[k]),
    );
  }

  /** Brian's `str(dim)`: `m^2 kg s^-3 A^-1` for volt, `1` when dimensionless. */
  toString(): string {
    const parts: string[] = [];
    this.exponents.forEach((x, k) => {
      if (x !== 0) parts.push(x === 1 ? DIMENSION_LABELS[k] : `${DIMENSION_LABELS[k]}^${formatExponent(x)}`);
    });
    return parts.length ? parts.join(' ') : '1';
  }

  /** Brian's `repr(dim)`, valid Python: `metre ** 2 * kilogram * second ** -3 * amp ** -1`. */
  repr(): string {
    const parts: string[] = [];
    this.exponents.forEach((x, k) => {
      if (x !== 0)
        parts.push(x === 1 ? DIMENSION_UNIT_NAMES[k] : `${DIMENSION_UNIT_NAMES[k]} ** ${formatExponent(x)}`);
    });
    return parts.length ? parts.join(' * ') : 'Dimension()';
  }

  /** LaTeX form, as Brian's `latex(dim)`: `m^{2}\,kg\,s^{-3}\,A^{-1}`. */
  toLatex(): string {
    const parts: string[] = [];
    this.exponents.forEach((x, k) => {
      if (x !== 0)
        parts.push(x === 1 ? DIMENSION_LABELS[k] : `${DIMENSION_LABELS[k]}^{${formatExponent(x)}}`);
    });
    return parts.length ? parts.join('\\,') : '1';
  }

  /** Node's console.log shows the Brian display. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Dimension(${this.toString()})`;
  }
}

/** Exponents print like Python's `str`: integers without a decimal point, others as shortest repr. */
function formatExponent(x: number): string {
  return String(x);
}

function fromArray(exps: readonly number[]): Dimension {
  // -0 and 0 must intern to the same object; String(-0) is '0'.
  const key = exps.join(',');
  const hit = interned.get(key);
  if (hit) return hit;
  constructing = true;
  try {
    const dim = new Dimension(exps.map((x) => (x === 0 ? 0 : x)) as unknown as DimensionExponents);
    interned.set(key, dim);
    return dim;
  } finally {
    constructing = false;
  }
}

/** The one dimensionless `Dimension`. */
export const DIMENSIONLESS: Dimension = fromArray([0, 0, 0, 0, 0, 0, 0]);

/**
 * The interned dimension with these exponents: `getOrCreateDimension([2, 1, -3, -1, 0, 0, 0])`
 * or by keywords as in Brian, `getOrCreateDimension({ m: 2, kg: 1, s: -3, A: -1 })`
 * (also `length`, `mass`, `time`, `current`, `temperature`, `substance`, `luminosity`).
 */
export function getOrCreateDimension(
  exponents: ArrayLike<number> | Readonly<Record<string, number>>,
): Dimension {
  if (Array.isArray(exponents) || ArrayBuffer.isView(exponents)) {
    const list = Array.from(exponents as ArrayLike<number>);
    if (list.length !== 7) throw new TypeError('Need a sequence of exactly 7 items');
    if (!list.every(Number.isFinite)) throw new TypeError('Dimension exponents must be finite numbers');
    return fromArray(list);
  }
  const list = [0, 0, 0, 0, 0, 0, 0];
  for (const [name, value] of Object.entries(exponents)) {
    const k = KEYWORD_INDEX[name];
    if (k === undefined) throw new TypeError(`Unknown base dimension "${name}"`);
    if (!Number.isFinite(value)) throw new TypeError('Dimension exponents must be finite numbers');
    list[k] = value;
  }
  return fromArray(list);
}
