/**
 * A generic x–y line chart, for anything that is not a time course: a threshold against the
 * bisection iteration, an f–I curve, a parameter sweep.
 */
import { checkHeight, commonSymbol, extent, joinExtents, requireSeries } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { type PlotValues, siSymbol, unwrapNonEmpty } from './inputs.ts';
import { type ReferenceLine, referenceInset, referenceMarks, seriesKey, seriesLines } from './series.ts';
import { axis, MARGIN } from './style.ts';
import { integerTicks } from './ticks.ts';
import type { Panel, PanelOptions, Series } from './types.ts';

/** Points up to which {@link line} draws markers by default. */
export const MARKERS_UP_TO = 60;

/** Options of {@link line}. */
export interface LineOptions extends PanelOptions {
  /** The x values: a quantity array, or numbers (SI if `xUnit` is given, otherwise as they are). */
  x: PlotValues;
  /** One or more y series, each as long as `x`. */
  ys: readonly Series[];
  /** Name of the x quantity, e.g. `iteration` or `I`; the unit is appended as `I (nA)`. */
  xLabel: string;
  /** Name of the y quantity, e.g. `v_threshold`. */
  yLabel: string;
  /** Unit of x: a {@link DisplayUnit} or an SI symbol to pick a prefix for; default dimensionless. */
  xUnit?: DisplayUnit | string;
  /** Unit of y: a {@link DisplayUnit} or an SI symbol to pick a prefix for; default dimensionless. */
  yUnit?: DisplayUnit | string;
  /** Dots at the data points; default: when there are at most 60 points. */
  marker?: boolean;
  /** Dashed horizontal reference lines, in the same units as the y values. */
  lines?: readonly ReferenceLine[];
}

/**
 * A line chart of one or more series against a shared x.
 * @example
 * line({ x: [1, 2, 3, 4], ys: [{ label: 'v_t', values: thresholds }], xLabel: 'iteration',
 *        yLabel: 'threshold', yUnit: 'V', title: 'Bisection' });
 */
export function line(options: LineOptions): Panel {
  const fn = 'line';
  const xData = unwrapNonEmpty(options.x, 'x', fn);
  const xValues = xData.values;
  const ys = requireSeries(options.ys, xValues.length, 'ys', fn, 'x');
  checkHeight(options.height, fn);
  const lines = options.lines ?? [];
  const xUnit = resolveUnit(options.xUnit ?? siSymbol(xData.dim), extent(xValues) ?? [0, 1], '');
  const ySpan = joinExtents(
    [...ys.map((s) => extent(s.values)), ...lines.map((l): [number, number] => [l.y, l.y])],
    [0, 1],
  );
  const yUnit = resolveUnit(options.yUnit ?? commonSymbol(ys, 'ys', fn), ySpan, '');
  const key = seriesKey(ys.map((s) => s.label));
  const markers = options.marker ?? xValues.length <= MARKERS_UP_TO;

  return {
    type: 'panel',
    kind: fn,
    title: options.title,
    height: options.height ?? 240,
    legend: key.legend.map((e) => (markers ? { ...e, symbol: 'dot' as const } : e)),
    notes: key.notes,
    plot: options.plot,
    draw: ({ Plot }, width) => {
      const x = toDisplay(xValues, xUnit);
      const yDisplay = ys.map((s) => toDisplay(s.values, yUnit));
      // Whole-number x (iterations, counts) gets whole-number ticks, never 1.5.
      const xSpan = extent(x);
      const wholeX = xSpan !== undefined && x.every((v) => Number.isInteger(v) || Number.isNaN(v));
      const xTicks = wholeX
        ? { ticks: integerTicks(xSpan[0], xSpan[1], 8), tickFormat: 'd' }
        : { nice: true };
      const reference = referenceMarks(Plot, lines, yUnit);
      return {
        options: {
          // Markers at the ends would be cut in half by the axis lines without the inset.
          x: axis(axisLabel(options.xLabel, xUnit), { ...xTicks, inset: markers ? 8 : 0 }),
          y: axis(axisLabel(options.yLabel, yUnit), { nice: true, insetTop: referenceInset(lines) }),
          marks: [
            ...reference.rules,
            ...seriesLines(Plot, x, yDisplay, key.colors, width - MARGIN.left - MARGIN.right, { markers }),
            ...reference.labels,
          ],
        },
      };
    },
  };
}
