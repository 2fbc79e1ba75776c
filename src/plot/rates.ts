/**
 * Population firing rate over time, as Brian's `plot(R.t/ms, R.smooth_rate(width=5*ms)/Hz)` (`R.smoothRate('gaussian', ms(5))` here).
 */
import { checkHeight, extent, joinExtents, requireLength } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { isRateMonitor, type RateMonitorLike, rateMonitorOptions } from './from-monitors.ts';
import { type PlotValues, unwrap, unwrapNonEmpty, unwrapTimes } from './inputs.ts';
import { seriesLines } from './series.ts';
import { axis, MARGIN } from './style.ts';
import { indicesInRange, sliceOf, timeAxis } from './time-axis.ts';
import type { LegendEntry, Panel, PanelOptions } from './types.ts';

const RAW_COLOR = '#c4c4c4';
const SMOOTH_COLOR = '#1f77b4';

/** Options of {@link rates}. */
export interface RatesOptions extends PanelOptions {
  /** Bin times: a quantity array (`R.t`) or numbers in seconds. */
  t: PlotValues;
  /** Rate in each bin: a quantity array (`R.rate`) or numbers in Hz. */
  rate: PlotValues;
  /** A smoothed rate (`R.smoothRate(…)` or numbers in Hz), same length as `t`, drawn on top of the raw one. */
  smooth?: PlotValues;
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
 * rates({ t: R.t, rate: R.rate, smooth: R.smoothRate('gaussian', 0.005), title: 'Population rate' });
 */
export function rates(options: RatesOptions): Panel;
/** The rate a PopulationRateMonitor recorded: `rates(R)`, `rates(R, { smoothWidth: ms(5) })`. */
export function rates(
  monitor: RateMonitorLike,
  options?: Partial<RatesOptions> & { smoothWidth?: unknown },
): Panel;
export function rates(
  given: RatesOptions | RateMonitorLike,
  extra?: Partial<RatesOptions> & { smoothWidth?: unknown },
): Panel {
  const fn = 'rates';
  if (isRateMonitor(given)) return rates(rateMonitorOptions(given, extra));
  const allT = unwrapTimes(given.t, 't', fn, true);
  const allRate = unwrapNonEmpty(given.rate, 'rate', fn).values;
  const allSmooth = given.smooth === undefined ? undefined : unwrap(given.smooth, 'smooth', fn).values;
  requireLength(allRate, allT.length, 'rate', fn);
  if (allSmooth) requireLength(allSmooth, allT.length, 'smooth', fn);
  const [from, to] = indicesInRange(allT, given.tRange);
  const cut = (v: ArrayLike<number>) => (given.tRange ? sliceOf(v, from, to) : v);
  const t = cut(allT);
  const rate = cut(allRate);
  const smooth = allSmooth && cut(allSmooth);
  const options = given;
  checkHeight(options.height, fn);
  const span = joinExtents([extent(rate), smooth && extent(smooth)], [0, 1]);
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
    timeSpan: options.tRange ?? extent(t),
    plot: options.plot,
    draw: ({ Plot }, width, shared) => {
      const time = timeAxis(t, options.timeUnit, options.tRange ?? shared?.timeSpan);
      const ys = [toDisplay(rate, unit), ...(smooth ? [toDisplay(smooth, unit)] : [])];
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
