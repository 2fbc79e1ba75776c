/**
 * Tick positions that Observable Plot does not choose well on its own: index axes need whole
 * numbers (Plot would put ticks at 0.5 for a 3-neuron raster).
 */

/** Whole-number ticks covering [lo, hi], about `count` of them, with steps of 1, 2 or 5 × 10ᵏ. */
export function integerTicks(lo: number, hi: number, count = 6): number[] {
  const first = Math.ceil(lo) + 0; // + 0 turns -0 into 0
  const last = Math.floor(hi);
  if (last < first) return [];
  const span = Math.max(1, last - first);
  let step = 1;
  for (let magnitude = 1; step * count < span; magnitude *= 10) {
    step = [1, 2, 5].map((m) => m * magnitude).find((s) => s * count >= span) ?? 10 * magnitude;
  }
  const ticks: number[] = [];
  for (let v = Math.ceil(first / step) * step + 0; v <= last; v += step) ticks.push(v);
  return ticks;
}
