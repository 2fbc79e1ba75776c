/**
 * Traces of a state variable over time, as Brian's `plot(M.t/ms, M.v[k]/mV)` for a few neurons.
 */

import { BrianError } from '../diagnostics/index.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkHeight, commonSymbol, extent, joinExtents, requireSeries } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import {
  isStateMonitor,
  type StateMonitorLike,
  type StateTracesOptions,
  stateMonitorOptions,
} from './from-monitors.ts';
import { type PlotValues, unwrapTimes } from './inputs.ts';
import { type ReferenceLine, referenceInset, referenceMarks, seriesKey, seriesLines } from './series.ts';
import { axis, MARGIN } from './style.ts';
import { indicesInRange, sliceOf, timeAxis } from './time-axis.ts';
import type { Panel, PanelOptions, Series } from './types.ts';

/** Options of {@link traces}. */
export interface TracesOptions extends PanelOptions {
  /** Sample times, shared by all series: a quantity array (`M.t`) or numbers in seconds. */
  t: PlotValues;
  /**
   * One or more series, each as long as `t`: quantity arrays (`M.v[0]`) or numbers in SI units
   * (volts, amperes…). Labels are optional for a single series.
   */
  series: readonly Series[];
  /**
   * Unit of the value axis: a {@link DisplayUnit} such as `{ name: 'mV', scale: 1e-3 }`, or an SI
   * symbol (`'V'`, `'S'`, `'A'`…) to pick a prefix from the data. Default: from the series' own
   * unit when they are quantity arrays, else dimensionless.
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
 * traces({ t: M.t, series: [{ values: M.v[0] }] });   // units and label from M.v
 * traces({
 *   t: M.t, series: [{ label: 'neuron 0', values: M.v[0] }, { label: 'neuron 1', values: M.v[1] }],
 *   lines: [{ y: -0.05, label: 'threshold' }],
 * });
 * traces(M, 'v');                                       // straight from the monitor
 */
export function traces(options: TracesOptions): Panel;
/**
 * Traces of one recorded variable of a StateMonitor: `traces(M)` (when it records one variable),
 * `traces(M, 'v')`, `traces(M, 'v', { elements: [0, 3] })`.
 */
export function traces(monitor: StateMonitorLike, variable?: string, options?: StateTracesOptions): Panel;
export function traces(
  given: TracesOptions | StateMonitorLike,
  variable?: string,
  extra?: StateTracesOptions,
): Panel {
  const fn = 'traces';
  if (isStateMonitor(given)) return traces(stateMonitorOptions(given, variable, extra));
  if (given === null || typeof given !== 'object') {
    throw new BrianError('bad_argument', `${fn}(): expects { t, series }, got ${describeValue(given)}.`);
  }
  const allT = unwrapTimes(given.t, 't', fn, true);
  const allSeries = requireSeries(given.series, allT.length, 'series', fn);
  const [from, to] = indicesInRange(allT, given.tRange);
  const t = given.tRange ? sliceOf(allT, from, to) : allT;
  const series = given.tRange
    ? allSeries.map((s) => ({ ...s, values: sliceOf(s.values, from, to) }))
    : allSeries;
  checkHeight(given.height, fn);
  const lines = given.lines ?? [];
  const extents = series.map((s) => extent(s.values));
  const allValues = joinExtents([...extents, ...lines.map((l): [number, number] => [l.y, l.y])], [0, 1]);
  const unit = resolveUnit(given.unit ?? commonSymbol(series, 'series', fn), allValues, '');
  const key = seriesKey(series.map((s) => s.label));
  const yLabel = given.yLabel ?? (new Set(series.map((s) => s.name)).size === 1 ? series[0].name : undefined);

  return {
    type: 'panel',
    kind: fn,
    title: given.title,
    height: given.height ?? 220,
    legend: key.legend,
    notes: key.notes,
    timeSpan: given.tRange ?? extent(t),
    plot: given.plot,
    draw: ({ Plot }, width, shared) => {
      const time = timeAxis(t, given.timeUnit, given.tRange ?? shared?.timeSpan);
      const ys = series.map((s) => toDisplay(s.values, unit));
      const reference = referenceMarks(Plot, lines, unit);
      return {
        options: {
          x: axis(axisLabel('t', time.unit), { domain: time.domain, nice: time.nice }),
          y: axis(axisLabel(yLabel ?? 'value', unit), {
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
