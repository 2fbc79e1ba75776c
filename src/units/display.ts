/**
 * Brian's text forms of quantities: `in_unit` (`20. ms`), `in_best_unit`, `repr` (`20. * msecond`)
 * and the short form quoted in error messages. Values are divided by the unit's value and
 * printed the numpy way (number-format.ts).
 */
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import {
  formatArray,
  formatPlainNumber,
  formatScalar,
  type PrintOptions,
  SHORT_PRINT_OPTIONS,
  shownElements,
} from './number-format.ts';
import { bestUnitFor } from './registry.ts';

/** What a value can be displayed in: a Unit (printed by its display name) or any Quantity. */
export interface DisplayUnit {
  readonly value: number;
  readonly dim: Dimension;
  readonly isUnit: boolean;
  /** Display name, for units (`mV`). */
  readonly dispname?: string;
  /** Full name, for units (`mvolt`). */
  readonly name?: string;
}

export interface DisplayOptions {
  /** Digits of precision (numpy's `precision`, default 8). */
  readonly precision?: number;
  /** Other numpy print options (threshold, edgeitems, linewidth). */
  readonly options?: Partial<PrintOptions>;
  /** Brian's `python_code=True`: `20. * msecond` instead of `20. ms`. */
  readonly python?: boolean;
}

/** Values with a shape: `[]` for a scalar, `[n]` for a vector, `[rows, cols]` for a matrix. */
export interface ShapedValues {
  readonly values: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly dim: Dimension;
}

/** Brian's `Quantity.in_unit(u, precision, python_code)` (dimensions already checked). */
export function formatInUnit(x: ShapedValues, u: DisplayUnit, how: DisplayOptions = {}): string {
  const n = x.values.length;
  const scaled = new Float64Array(n);
  for (let k = 0; k < n; k++) scaled[k] = x.values[k] / u.value;
  const options = { ...how.options, ...(how.precision === undefined ? {} : { precision: how.precision }) };
  let s: string;
  if (x.shape.length === 0) s = formatScalar(scaled[0], options.precision);
  else if (how.python) {
    const body = formatArray(scaled, x.shape, { options, separator: ', ', prefix: 'array(', suffix: ')' });
    s = n === 0 ? 'array([], dtype=float64)' : `array(${body})`;
  } else s = formatArray(scaled, x.shape, { options });
  if (u.dim !== DIMENSIONLESS) {
    if (how.python) s += ` * ${u.isUnit ? u.name : u.dim.repr()}`;
    else s += ` ${u.isUnit ? u.dispname : u.dim.toString()}`;
  } else if (how.python) {
    return x.shape.length === 0 ? `Quantity(${s.trim()})` : s.trim();
  }
  return s.trim();
}

/** The unit Brian displays these values in (`get_best_unit`): a registered unit, or 1 × the SI dimension. */
export function bestDisplayUnit(x: ShapedValues, options?: Partial<PrintOptions>): DisplayUnit {
  const shown = x.shape.length === 0 ? x.values : shownElements(x.values, x.shape, options);
  return bestUnitFor(x.dim, shown) ?? { value: 1, dim: x.dim, isUnit: false };
}

/** Brian's `Quantity.in_best_unit` (and `str(q)`): `20. ms`, `[1. 2. 3.] mV`. */
export function formatBest(x: ShapedValues, how: DisplayOptions = {}): string {
  return formatInUnit(x, bestDisplayUnit(x, how.options), how);
}

/** Anything that knows how to print itself in its best unit (Quantity, QuantityArray, QuantityMatrix). */
interface SelfDisplaying {
  inBestUnit(precision?: number, options?: Partial<PrintOptions>): string;
}

/** Brian's `_short_str`: a value as quoted in an error message (arrays abbreviated to 2+2 items). */
export function shortString(x: unknown): string {
  if (typeof x === 'number') return formatPlainNumber(x);
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (x !== null && (typeof x === 'object' || typeof x === 'function') && 'inBestUnit' in x) {
    return (x as SelfDisplaying).inBestUnit(undefined, SHORT_PRINT_OPTIONS);
  }
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const values = Array.from(x as ArrayLike<number>, Number);
    return formatArray(values, [values.length], { options: SHORT_PRINT_OPTIONS });
  }
  return String(x);
}
