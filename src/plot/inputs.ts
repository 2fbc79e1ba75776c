/**
 * What the panel functions accept as data: plain numbers in SI (arrays, typed arrays) or what a
 * simulation hands back with units attached: quantity arrays (`M.t`, `M.v[0]`, `G.v.quantity`) and
 * variable views (`G.v`, `S.w`). Everything is unwrapped here, once, into numbers in SI plus the
 * dimension they came with, so that no panel ever iterates an object that only looks like an array
 * (a quantity array has a `length` but no numeric indices: reading `M.t[0]` gives `undefined`, which
 * used to draw empty axes without a word).
 *
 * The shapes are structural so that `brian-ts/plot` does not import the simulator core.
 */
import { BrianError } from '../diagnostics/index.ts';

/** A dimension as the units module has it; only its text and dimensionless flag are read. */
export interface DimensionLike {
  /** True when the values have no unit. */
  readonly isDimensionless: boolean;
  /** The SI dimension as Brian writes it (`m^2 kg s^-3 A^-1`). */
  toString(): string;
}

/** Values with a unit: a quantity array (`M.t`, `M.v[0]`) or a variable view (`G.v`). */
export interface QuantityValues {
  /** The values in SI base units. */
  readonly values: ArrayLike<number>;
  /** Their physical dimension. */
  readonly dim: DimensionLike;
  /** A variable view's name (`v` for `G.v`), used as the default axis label. */
  readonly name?: string;
}

/** Data a panel accepts: numbers in SI, or values that carry their unit. */
export type PlotValues = ArrayLike<number> | QuantityValues;

/** Unwrapped data: SI numbers and, when the input carried one, its dimension and name. */
export interface Unwrapped {
  readonly values: ArrayLike<number>;
  readonly dim?: DimensionLike;
  readonly name?: string;
}

/**
 * Numbers in SI from any {@link PlotValues}, with the dimension they carried. Throws `bad_argument`
 * for anything else (undefined, an object without numbers, an array of quantities).
 */
export function unwrap(input: unknown, what: string, fn: string): Unwrapped {
  if (isQuantityValues(input)) {
    const name = typeof input.name === 'string' ? input.name : undefined;
    return { values: input.values, dim: input.dim, name };
  }
  if (input === null || typeof input !== 'object' || !Number.isInteger((input as ArrayLike<number>).length)) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): '${what}' must be an array of numbers or a quantity array (e.g. M.t, M.v[0]), got ${describe(input)}.`,
    );
  }
  const values = input as ArrayLike<number>;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'number') {
      throw new BrianError('bad_argument', `${fn}(): '${what}[${k}]' is ${describe(v)}, not a number.`, {
        hint:
          v !== null && typeof v === 'object'
            ? 'pass the quantity array itself (M.t, M.v[0]) or its SI values (M.t_, M.v_[0])'
            : undefined,
      });
    }
  }
  return { values };
}

/** {@link unwrap}, plus: there must be at least one value. */
export function unwrapNonEmpty(input: unknown, what: string, fn: string): Unwrapped {
  const out = unwrap(input, what, fn);
  if (out.values.length === 0) {
    throw new BrianError('empty_data', `${fn}(): '${what}' has no values, so there is nothing to draw.`, {
      hint: 'was the monitor part of the run, and did the run last at least one time step?',
    });
  }
  return out;
}

/** Times in seconds: numbers, or a quantity array that must have the dimension of time. */
export function unwrapTimes(input: unknown, what: string, fn: string, nonEmpty: boolean): ArrayLike<number> {
  const out = nonEmpty ? unwrapNonEmpty(input, what, fn) : unwrap(input, what, fn);
  if (out.dim && String(out.dim) !== 's') {
    throw new BrianError(
      'dimension_mismatch',
      `${fn}(): '${what}' must be times, but it has the dimension ${String(out.dim) || '1'}.`,
    );
  }
  return out.values;
}

/** The SI symbol for a dimension the unit picker knows (`V`, `S`, `A`…), `''` when dimensionless. */
export function siSymbol(dim: DimensionLike | undefined): string | undefined {
  if (!dim) return undefined;
  if (dim.isDimensionless) return '';
  return SI_SYMBOLS[String(dim)] ?? String(dim);
}

const SI_SYMBOLS: Record<string, string> = {
  'm^2 kg s^-3 A^-1': 'V',
  'm^-2 kg^-1 s^3 A^2': 'S',
  A: 'A',
  s: 's',
  's^-1': 'Hz',
  'm^-2 kg^-1 s^4 A^2': 'F',
  'm^2 kg s^-3 A^-2': 'ohm',
  m: 'm',
  mol: 'mol',
  'm^-3 mol': 'M',
};

function isQuantityValues(x: unknown): x is QuantityValues {
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
  const q = x as Partial<QuantityValues>;
  const values = q.values as unknown;
  return (
    values !== null &&
    typeof values === 'object' &&
    Number.isInteger((values as ArrayLike<number>).length) &&
    typeof q.dim === 'object' &&
    q.dim !== null &&
    typeof q.dim.isDimensionless === 'boolean'
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object without numbers';
  }
  return typeof value === 'string' ? `the string '${value}'` : typeof value;
}
