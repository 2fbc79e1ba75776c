/**
 * Histogram of values, e.g. inter-spike intervals, firing rates across neurons or weights.
 */
import { BrianError } from '../diagnostics/index.ts';
import { checkHeight, extent, formatCount } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { type PlotValues, siSymbol, unwrapNonEmpty } from './inputs.ts';
import { axis } from './style.ts';
import type { Panel, PanelOptions } from './types.ts';

const BAR_COLOR = '#4c72b0';

/** Options of {@link histogram}. */
export interface HistogramOptions extends PanelOptions {
  /** The values: a quantity array (`S.w`, `G.v`), or numbers (in SI if `unit` is given). NaN values are left out. */
  values: PlotValues;
  /**
   * Number of equal-width bins over the data's range, or the bin edges (ascending, in the same
   * units as `values`). Default: Sturges' rule, ⌈log₂ n⌉ + 1, at most 50.
   */
  bins?: number | ArrayLike<number>;
  /** Name of the quantity on the x axis, e.g. `ISI`; the unit is appended as `ISI (ms)`. */
  xLabel: string;
  /** Unit of the values: a {@link DisplayUnit} or an SI symbol to pick a prefix for; default dimensionless. */
  unit?: DisplayUnit | string;
  /** Label of the count axis; default `count`. */
  yLabel?: string;
  /** Bar colour. */
  color?: string;
}

/** Counts per bin; values outside the edges are counted in `outside`. */
export interface Binned {
  /** Bin edges, one more than bins. */
  readonly edges: Float64Array;
  /** Values per bin. */
  readonly counts: Uint32Array;
  /** Values outside the edges (not counted in any bin). */
  readonly outside: number;
}

/**
 * A histogram panel with one bar per bin.
 * @example
 * histogram({ values: isi, bins: 30, unit: 's', xLabel: 'ISI', title: 'Inter-spike intervals' });
 */
export function histogram(options: HistogramOptions): Panel {
  const fn = 'histogram';
  const data = unwrapNonEmpty(options.values, 'values', fn);
  const values = data.values;
  checkHeight(options.height, fn);
  if (typeof options.xLabel !== 'string') {
    throw new BrianError('bad_argument', `${fn}(): 'xLabel' must name the quantity, e.g. 'ISI'.`);
  }
  const binned = binValues(values, options.bins ?? sturges(values.length), fn);
  const unit = resolveUnit(options.unit ?? siSymbol(data.dim), binned.edges, '');
  const edges = toDisplay(binned.edges, unit);
  const bars = Array.from(binned.counts, (count, k) => ({ x1: edges[k], x2: edges[k + 1], count }));
  const notes = binned.outside > 0 ? [`${formatCount(binned.outside)} values outside the bins`] : [];

  return {
    type: 'panel',
    kind: fn,
    title: options.title,
    height: options.height ?? 220,
    plot: options.plot,
    legend: [],
    notes,
    draw: ({ Plot }) => ({
      options: {
        x: axis(axisLabel(options.xLabel, unit), { domain: [edges[0], edges[edges.length - 1]] }),
        y: axis(options.yLabel ?? 'count', { zero: true, nice: true }),
        marks: [
          Plot.rectY(bars, {
            x1: 'x1',
            x2: 'x2',
            y: 'count',
            fill: options.color ?? BAR_COLOR,
            insetLeft: 0.5,
            insetRight: 0.5,
            className: 'brian-bar',
          }),
        ],
      },
    }),
  };
}

/** Bins `values` into `bins` equal-width bins over their range, or into the given edges. */
export function binValues(
  values: ArrayLike<number>,
  bins: number | ArrayLike<number>,
  fn = 'histogram',
): Binned {
  const edges = typeof bins === 'number' ? equalEdges(values, bins, fn) : Float64Array.from(bins);
  if (edges.length < 2 || edges.some((e, k) => !Number.isFinite(e) || (k > 0 && e <= edges[k - 1]))) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): bin edges must be at least two finite, strictly increasing numbers.`,
    );
  }
  const counts = new Uint32Array(edges.length - 1);
  const last = edges.length - 1;
  let outside = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (Number.isNaN(v)) continue;
    if (v < edges[0] || v > edges[last]) {
      outside++;
      continue;
    }
    // Bins are [a, b) except the last, which includes its right edge (as numpy.histogram).
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return { edges, counts, outside };
}

function equalEdges(values: ArrayLike<number>, bins: number, fn: string): Float64Array {
  if (!(Number.isInteger(bins) && bins >= 1)) {
    throw new BrianError(
      'bad_argument',
      `${fn}(): 'bins' must be a whole number ≥ 1 or an array of edges, got ${bins}.`,
    );
  }
  let [lo, hi] = extent(values) ?? [0, 1];
  if (lo === hi) [lo, hi] = lo === 0 ? [-0.5, 0.5] : [lo - Math.abs(lo) * 0.5, hi + Math.abs(hi) * 0.5];
  return Float64Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + ((hi - lo) * k) / bins));
}

function sturges(n: number): number {
  return Math.min(50, Math.max(1, Math.ceil(Math.log2(Math.max(1, n)) + 1)));
}
