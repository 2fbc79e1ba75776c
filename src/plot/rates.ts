/**
 * Population firing rate over time, as Brian's `plot(R.t/ms, R.smooth_rate(width=5*ms)/Hz)`.
 */
import { checkHeight, extent, joinExtents, requireArray, requireLength } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { seriesLines } from './series.ts';
import { axis, MARGIN } from './style.ts';
import { indicesInRange, sliceOf, timeAxis } from './time-axis.ts';
import type { LegendEntry, Panel, PanelOptions } from './types.ts';

const RAW_COLOR = '#c4c4c4';
const SMOOTH_COLOR = '#1f77b4';

/** Options of {@link rates}. */
export interface RatesOptions extends PanelOptions {
  /** Bin times in seconds. */
  t: ArrayLike<number>;
  /** Rate in each bin, in Hz (as a PopulationRateMonitor records it). */
  rate: ArrayLike<number>;
  /** A smoothed rate in Hz, same length as `t`, drawn on top of the raw one. */
  smooth?: ArrayLike<number>;
  /** Unit of the rate axis: a {@link DisplayUnit}, or `'Hz'` to pick Hz or kHz from the data. Default Hz. */
  rateUnit?: DisplayUnit | 'Hz';
  /** Unit of the time axis; default: picked from the times. */
  timeUnit?: DisplayUnit;
  /** Time axis range in seconds; default: the recorded range. */
  tRange?: readonly [number, number];
}

/**
 * A population rate panel: the raw rate as a grey line and, when given, the smoothed rate in colour.
 * The rate axis starts at 0.
 * @example
 * rates({ t: R.t, rate: R.rate, smooth: R.smooth_rate('gaussian', 0.005), title: 'Population rate' });
 */
export function rates(given: RatesOptions): Panel {
  const fn = 'rates';
  requireArray(given.t, 't', fn);
  requireArray(given.rate, 'rate', fn);
  const [from, to] = indicesInRange(given.t, given.tRange);
  const options: RatesOptions = given.tRange
    ? {
        ...given,
        t: sliceOf(given.t, from, to),
        rate: sliceOf(given.rate, from, to),
        smooth: given.smooth ? sliceOf(given.smooth, from, to) : undefined,
      }
    : given;
  requireLength(options.rate, options.t.length, 'rate', fn);
  if (options.smooth !== undefined) {
    requireArray(options.smooth, 'smooth', fn);
    requireLength(options.smooth, options.t.length, 'smooth', fn);
  }
  checkHeight(options.height, fn);
  const smooth = options.smooth;
  const span = joinExtents([extent(options.rate), smooth && extent(smooth)], [0, 1]);
  // Hz by default, whatever the peaks: binned rates spike to kHz in single time steps.
  const unit = resolveUnit(options.rateUnit ?? { name: 'Hz', scale: 1 }, span, 'Hz');
  const legend: LegendEntry[] = smooth
    ? [
        { label: 'rate', color: RAW_COLOR },
        { label: 'smoothed', color: SMOOTH_COLOR },
      ]
    : [];

  return {
    type: 'panel',
    kind: fn,
    title: options.title,
    height: options.height ?? 180,
    legend,
    notes: [],
    draw: ({ Plot }, width) => {
      const time = timeAxis(options.t, options.timeUnit, options.tRange);
      const ys = [toDisplay(options.rate, unit), ...(smooth ? [toDisplay(smooth, unit)] : [])];
      const colors = smooth ? [RAW_COLOR, SMOOTH_COLOR] : ['#333333'];
      const plotWidth = width - MARGIN.left - MARGIN.right;
      return {
        options: {
          x: axis(axisLabel('t', time.unit), { domain: time.domain, nice: time.nice }),
          y: axis(axisLabel('rate', unit), { zero: true, nice: true }),
          marks: [
            ...seriesLines(Plot, time.values, ys.slice(0, 1), colors, plotWidth, {
              strokeWidth: smooth ? 0.7 : 1,
            }),
            ...(smooth
              ? seriesLines(Plot, time.values, ys.slice(1), colors.slice(1), plotWidth, { strokeWidth: 2 })
              : []),
          ],
        },
      };
    },
  };
}
