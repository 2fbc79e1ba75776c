/**
 * Traces of a state variable over time, as Brian's `plot(M.t/ms, M.v[k]/mV)` for a few neurons.
 */
import { checkHeight, extent, joinExtents, requireArray, requireSeries } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { type ReferenceLine, referenceInset, referenceMarks, seriesKey, seriesLines } from './series.ts';
import { axis, MARGIN } from './style.ts';
import { indicesInRange, sliceOf, timeAxis } from './time-axis.ts';
import type { Panel, PanelOptions, Series } from './types.ts';

/** Options of {@link traces}. */
export interface TracesOptions extends PanelOptions {
  /** Sample times in seconds, shared by all series. */
  t: ArrayLike<number>;
  /** One or more series of values in SI units (volts, amperes…), each as long as `t`. */
  series: readonly Series[];
  /**
   * Unit of the value axis: a {@link DisplayUnit} such as `{ name: 'mV', scale: 1e-3 }`, or an SI
   * symbol (`'V'`, `'S'`, `'A'`…) to pick a prefix from the data. Default: dimensionless.
   */
  unit?: DisplayUnit | string;
  /** Name of the plotted variable for the value axis label, e.g. `v` → `v (mV)`. Default `value`. */
  yLabel?: string;
  /** Unit of the time axis; default: picked from the times. */
  timeUnit?: DisplayUnit;
  /** Time axis range in seconds; default: the recorded range. */
  tRange?: readonly [number, number];
  /** Dashed horizontal reference lines in SI (e.g. `{ y: -0.05, label: 'threshold' }`). */
  lines?: readonly ReferenceLine[];
}

/**
 * A panel of one or more traces against time, each in its own colour with a key above the axes.
 * @example
 * traces({
 *   t: M.t, series: [{ label: 'neuron 0', values: M.v[0] }], unit: 'V', yLabel: 'v',
 *   lines: [{ y: -0.05, label: 'threshold' }],
 * });
 */
export function traces(given: TracesOptions): Panel {
  const fn = 'traces';
  requireArray(given.t, 't', fn);
  requireSeries(given.series, given.t.length, 'series', fn);
  const [from, to] = indicesInRange(given.t, given.tRange);
  const options: TracesOptions = given.tRange
    ? {
        ...given,
        t: sliceOf(given.t, from, to),
        series: given.series.map((s) => ({ ...s, values: sliceOf(s.values, from, to) })),
      }
    : given;
  checkHeight(options.height, fn);
  const lines = options.lines ?? [];
  const extents = options.series.map((s) => extent(s.values));
  const allValues = joinExtents([...extents, ...lines.map((l): [number, number] => [l.y, l.y])], [0, 1]);
  const unit = resolveUnit(options.unit, allValues, '');
  const key = seriesKey(options.series.map((s) => s.label));

  return {
    type: 'panel',
    kind: fn,
    title: options.title,
    height: options.height ?? 220,
    legend: key.legend,
    notes: key.notes,
    draw: ({ Plot }, width) => {
      const time = timeAxis(options.t, options.timeUnit, options.tRange);
      const ys = options.series.map((s) => toDisplay(s.values, unit));
      const reference = referenceMarks(Plot, lines, unit);
      return {
        options: {
          x: axis(axisLabel('t', time.unit), { domain: time.domain, nice: time.nice }),
          y: axis(axisLabel(options.yLabel ?? 'value', unit), {
            nice: true,
            insetTop: referenceInset(lines),
          }),
          marks: [
            ...reference.rules,
            ...seriesLines(Plot, time.values, ys, key.colors, width - MARGIN.left - MARGIN.right),
            ...reference.labels,
          ],
        },
      };
    },
  };
}
