/**
 * Thinning long traces for drawing. A line with more points than pixel columns looks the same
 * when each column keeps only its first, lowest, highest and last point (the "M4" method), so a
 * 10⁶-sample trace becomes a few thousand points with the same envelope and spikes.
 */

/** Indices to draw of the series `(x, y)` for a plot about `columns` px wide; all of them if few. */
export function decimationIndex(x: ArrayLike<number>, y: ArrayLike<number>, columns: number): Uint32Array {
  const n = x.length;
  const all = () => Uint32Array.from({ length: n }, (_, k) => k);
  if (n <= 4 * columns) return all();
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    if (x[k] < x0) x0 = x[k];
    if (x[k] > x1) x1 = x[k];
  }
  if (!(x1 > x0)) return all();
  const perColumn = columns / (x1 - x0);
  const out: number[] = [];
  let column = Number.NaN;
  let first = 0;
  let lo = 0;
  let hi = 0;
  let last = 0;
  const flush = () => {
    // Keep the four in index order, without repeats, so the line is drawn left to right.
    const picks = [first, lo, hi, last].sort((a, b) => a - b);
    for (let k = 0; k < 4; k++) if (k === 0 || picks[k] !== picks[k - 1]) out.push(picks[k]);
  };
  for (let k = 0; k < n; k++) {
    // NaN marks a gap: keep it so the drawn line breaks there too.
    if (Number.isNaN(y[k]) || Number.isNaN(x[k])) {
      if (!Number.isNaN(column)) flush();
      out.push(k);
      column = Number.NaN;
      continue;
    }
    const c = Math.floor((x[k] - x0) * perColumn);
    if (c !== column) {
      if (!Number.isNaN(column)) flush();
      column = c;
      first = lo = hi = last = k;
    } else {
      if (y[k] < y[lo]) lo = k;
      if (y[k] > y[hi]) hi = k;
      last = k;
    }
  }
  if (!Number.isNaN(column)) flush();
  return Uint32Array.from(out);
}

/** `values` at the given indices. */
export function pick(values: ArrayLike<number>, index: Uint32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]];
  return out;
}
