/**
 * Checks and small numeric helpers for the data handed to the panel functions.
 */
import { BrianError } from '../diagnostics/index.ts';
import { type DimensionLike, siSymbol, unwrapNonEmpty } from './inputs.ts';

/** Throws `bad_argument` unless `values` has exactly `length` elements. */
export function requireLength(
  values: ArrayLike<number>,
  length: number,
  what: string,
  fn: string,
  against = 't',
): void {
  if (values.length !== length) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): '${what}' has ${values.length} values but '${against}' has ${length}; they must match one to one.`,
    );
  }
}

/** A series after {@link requireSeries}: SI numbers, a label, and the dimension they carried. */
export interface CheckedSeries {
  readonly label: string;
  readonly values: ArrayLike<number>;
  readonly dim?: DimensionLike;
  readonly name?: string;
}

/**
 * Checks and unwraps `series`: a non-empty array of `{ label?, values }` where `values` are numbers
 * in SI or a quantity array; with `length`, every series must have that many values. An empty
 * series list, an empty series or one that is not numbers is a coded error, never empty axes.
 */
export function requireSeries(
  series: unknown,
  length: number | undefined,
  what: string,
  fn: string,
  against = 't',
): CheckedSeries[] {
  if (!Array.isArray(series) || series.length === 0) {
    throw new BrianError(
      series === undefined || Array.isArray(series) ? 'empty_data' : 'bad_argument',
      `${fn}(): '${what}' must be a non-empty array of { label, values }.`,
      { hint: `e.g. ${what}: [{ label: 'neuron 0', values: M.v[0] }]` },
    );
  }
  return series.map((s: { label?: unknown; values?: unknown } | undefined, k) => {
    if (s === null || typeof s !== 'object') {
      throw new BrianError('bad_argument', `${fn}(): '${what}[${k}]' must be an object { label, values }.`);
    }
    if (s.label !== undefined && typeof s.label !== 'string') {
      throw new BrianError('bad_argument', `${fn}(): '${what}[${k}].label' must be a string.`);
    }
    const data = unwrapNonEmpty(s.values, `${what}[${k}].values`, fn);
    if (length !== undefined) requireLength(data.values, length, `${what}[${k}].values`, fn, against);
    const label =
      (s.label as string | undefined) ?? (series.length === 1 ? (data.name ?? '') : `${what}[${k}]`);
    return { label, values: data.values, dim: data.dim, name: data.name };
  });
}

/** The SI symbol shared by all series (from the dimension they carried), or undefined when none carried one. */
export function commonSymbol(series: readonly CheckedSeries[], what: string, fn: string): string | undefined {
  const symbols = new Set(series.filter((s) => s.dim).map((s) => siSymbol(s.dim)));
  if (symbols.size > 1) {
    throw new BrianError(
      'dimension_mismatch',
      `${fn}(): the ${what} have different units (${[...symbols].map((u) => u || '1').join(', ')}); one panel shows one unit.`,
    );
  }
  return symbols.size === 1 ? [...symbols][0] : undefined;
}

/** Throws `bad_argument` unless `height` is undefined or a positive number of px. */
export function checkHeight(height: number | undefined, fn: string): void {
  if (height !== undefined && !(height > 40 && Number.isFinite(height))) {
    throw new BrianError('bad_argument', `${fn}(): 'height' must be a number of px above 40, got ${height}.`);
  }
}

/** [min, max] over the finite values (NaN and ±Infinity are skipped), or undefined when there are none. */
export function extent(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The union of several extents, or `fallback` when all are empty. */
export function joinExtents(
  extents: readonly ([number, number] | undefined)[],
  fallback: [number, number],
): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of extents) {
    if (!e) continue;
    lo = Math.min(lo, e[0]);
    hi = Math.max(hi, e[1]);
  }
  if (!(lo <= hi)) return fallback;
  // A flat series (all values equal) still needs a non-empty domain.
  if (lo === hi) return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  return [lo, hi];
}

/** `1234567` → `1,234,567`, independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
