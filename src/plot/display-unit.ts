/**
 * Display units for plot axes: which scaled unit (ms, mV, nS…) makes a set of SI values readable.
 *
 * Kept independent of `src/units` on purpose: plotting only needs a name and a factor, and the
 * table below is small. Names follow Brian's spelling (`us`, `uV`, `Mohm`) so labels match what
 * Brian prints.
 */

/** A unit to show values in: a value `v` in SI is displayed as `v / scale` with the label `name`. */
export interface DisplayUnit {
  /** Shown in axis labels, e.g. `mV`. Empty for dimensionless values. */
  readonly name: string;
  /** Size of one display unit in SI, e.g. `1e-3` for mV. */
  readonly scale: number;
}

/** A dimensionless axis: values are shown as they are, with no unit in the label. */
export const DIMENSIONLESS: DisplayUnit = Object.freeze({ name: '', scale: 1 });

const PREFIXES: Record<string, number> = {
  G: 1e9,
  M: 1e6,
  k: 1e3,
  '': 1,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  p: 1e-12,
};

/**
 * For each SI symbol, the prefixes worth offering, largest first. Brian prints e.g. `nS` but never
 * `kV`, so each unit lists only prefixes a neuroscientist expects to read.
 */
const CANDIDATES: Record<string, readonly string[]> = {
  s: ['', 'm', 'u'],
  V: ['', 'm', 'u'],
  A: ['', 'm', 'u', 'n', 'p'],
  S: ['', 'm', 'u', 'n', 'p'],
  F: ['', 'm', 'u', 'n', 'p'],
  ohm: ['G', 'M', 'k', ''],
  Hz: ['M', 'k', ''],
  m: ['', 'm', 'u'],
  mol: ['', 'm', 'u', 'n'],
  M: ['', 'm', 'u', 'n'],
};

/** The SI symbols {@link pickDisplayUnit} knows prefixes for. */
export const KNOWN_SI_SYMBOLS: readonly string[] = Object.keys(CANDIDATES);

/**
 * Picks the display unit that shows `values` (in SI) with magnitudes between 1 and 1000 where it can.
 *
 * The largest finite absolute value decides: the largest prefix under which it is still ≥ 1 wins,
 * falling back to the smallest prefix on offer for tiny values and the base unit for zero or no data.
 * An unknown symbol is returned unscaled (`{ name: symbol, scale: 1 }`), and `''` means dimensionless.
 *
 * @param values - values in SI base units (seconds, volts, siemens…)
 * @param siSymbol - the SI symbol of their dimension: `s`, `V`, `A`, `S`, `F`, `ohm`, `Hz`, `m`, `mol`, `M`
 * @example
 * pickDisplayUnit(new Float64Array([0, 0.25]), 's');      // { name: 'ms', scale: 1e-3 }
 * pickDisplayUnit([-0.07, -0.05], 'V');                   // { name: 'mV', scale: 1e-3 }
 * pickDisplayUnit([2e-9, 1.5e-8], 'S');                   // { name: 'nS', scale: 1e-9 }
 * pickDisplayUnit([1.2], 's');                            // { name: 's', scale: 1 }
 */
export function pickDisplayUnit(values: ArrayLike<number>, siSymbol: string): DisplayUnit {
  if (siSymbol === '') return DIMENSIONLESS;
  const candidates = CANDIDATES[siSymbol];
  if (!candidates) return { name: siSymbol, scale: 1 };
  const largest = maxAbs(values);
  const unit = (prefix: string): DisplayUnit => ({ name: prefix + siSymbol, scale: PREFIXES[prefix] });
  if (!(largest > 0)) return unit(candidates.includes('') ? '' : candidates[0]);
  // Tolerance so that 0.999999999 s (a float sum of dt) still counts as 1 s.
  for (const prefix of candidates) if (largest / PREFIXES[prefix] >= 1 - 1e-9) return unit(prefix);
  return unit(candidates[candidates.length - 1]);
}

/**
 * An axis label with its unit in parentheses, as in `t (ms)`; no parentheses when dimensionless.
 * @example axisLabel('v', { name: 'mV', scale: 1e-3 }) // 'v (mV)'
 */
export function axisLabel(quantity: string, unit: DisplayUnit): string {
  return unit.name ? `${quantity} (${unit.name})` : quantity;
}

/** Resolves a unit option: an explicit {@link DisplayUnit}, or an SI symbol to pick a prefix for. */
export function resolveUnit(
  option: DisplayUnit | string | undefined,
  values: ArrayLike<number>,
  fallback: string,
): DisplayUnit {
  if (option !== undefined && typeof option !== 'string') return option;
  return pickDisplayUnit(values, option ?? fallback);
}

/** Values divided by the unit's scale, as a new array (the input is never modified). */
export function toDisplay(values: ArrayLike<number>, unit: DisplayUnit): Float64Array {
  const out = new Float64Array(values.length);
  // Divide, as Brian users write `M.v / mV`, so plotted numbers equal the ones they print.
  for (let j = 0; j < values.length; j++) out[j] = values[j] / unit.scale;
  return out;
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < values.length; j++) {
    const a = Math.abs(values[j]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}
