/**
 * The time axis shared by traces and rates: times come in seconds and are shown in a readable
 * unit over the recorded range (or the one asked for).
 */
import { extent } from './data.ts';
import { type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';

export interface TimeAxis {
  readonly unit: DisplayUnit;
  /** The times in display units. */
  readonly values: Float64Array;
  /** The axis range in display units. */
  readonly domain: [number, number];
  /** Round the range outwards to ticks: yes for a recorded range (0–499.9 ms shows as 0–500). */
  readonly nice: boolean;
}

export function timeAxis(
  t: ArrayLike<number>,
  unit: DisplayUnit | undefined,
  range: readonly [number, number] | undefined,
): TimeAxis {
  const span = range ?? extent(t) ?? [0, 1];
  const resolved = resolveUnit(unit, span, 's');
  const domain: [number, number] = [span[0] / resolved.scale, span[1] / resolved.scale];
  if (!(domain[1] > domain[0])) domain[1] = domain[0] + 1;
  return { unit: resolved, values: toDisplay(t, resolved), domain, nice: range === undefined };
}

/**
 * The indices `[from, to)` of the samples inside `range` (times sorted ascending), so panels
 * with a `tRange` draw and scale only what is visible.
 */
export function indicesInRange(
  t: ArrayLike<number>,
  range: readonly [number, number] | undefined,
): [number, number] {
  if (!range) return [0, t.length];
  let from = 0;
  while (from < t.length && t[from] < range[0]) from++;
  let to = from;
  while (to < t.length && t[to] <= range[1]) to++;
  return [from, to];
}

/** A slice of an array-like (typed arrays stay typed). */
export function sliceOf(values: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  const v = values as ArrayLike<number> & { slice?: (a: number, b: number) => ArrayLike<number> };
  return typeof v.slice === 'function' ? v.slice(from, to) : Array.from(values).slice(from, to);
}
