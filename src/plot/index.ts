/**
 * `brian-ts/plot`: figures of simulation results as SVG and PNG files.
 *
 * Each panel function takes what a simulation hands back (monitors, quantity arrays such as `M.t`
 * and `M.v[0]`, variable views such as `G.v`) or plain arrays of SI values, and returns a
 * {@link Panel} description; {@link figure} lays panels out; {@link saveFigure}, {@link renderSvg} and
 * {@link renderPng} draw them. Axes carry units (`t (ms)`, `v (mV)`), chosen from the data unless
 * given. Drawing needs three optional npm packages, loaded only when a figure is drawn:
 * `npm install @observablehq/plot linkedom @resvg/resvg-js` (a `missing_dependency` error says so).
 *
 * @example
 * import { figure, raster, rates, saveFigure, traces } from 'brian-ts/plot';
 *
 * const fig = figure(
 *   [
 *     raster(spikes),                                          // a SpikeMonitor
 *     traces({ t: state.t, series: [{ label: 'neuron 0', values: state.v[0] }],
 *              lines: [{ y: -0.05, label: 'threshold' }] }),   // units from state.v
 *     rates(pop, { smoothWidth: ms(5) }),                     // a PopulationRateMonitor
 *   ],
 *   { title: 'Noisy LIF population', shareTime: true },
 * );
 * const { png } = await saveFigure(fig, 'results/overview'); // results/overview.svg and .png
 *
 * @module
 */

export { type ModuleLoader, PLOT_PACKAGES } from './dependencies.ts';
export {
  axisLabel,
  DIMENSIONLESS,
  type DisplayUnit,
  KNOWN_SI_SYMBOLS,
  pickDisplayUnit,
} from './display-unit.ts';
export { type FigureOptions, figure } from './figure.ts';
export {
  isRateMonitor,
  isSpikeMonitor,
  isStateMonitor,
  type RateMonitorLike,
  type SpikeMonitorLike,
  type StateMonitorLike,
  type StateTracesOptions,
} from './from-monitors.ts';
export { type Binned, binValues, type HistogramOptions, histogram } from './histogram.ts';
export type { DimensionLike, PlotValues, QuantityValues } from './inputs.ts';
export { type LineOptions, line } from './line.ts';
export { plotRate, plotSpikes, plotState } from './monitors.ts';
export { PDF_PACKAGES, renderPdf, svgToPdf } from './pdf.ts';
export { type RasterOptions, raster } from './raster.ts';
export { type RatesOptions, rates } from './rates.ts';
export { type PngOptions, type RenderOptions, renderPng, renderSvg, svgToPng } from './render.ts';
export { type FigureFormat, type SavedFigure, type SaveOptions, saveFigure } from './save.ts';
export type { ReferenceLine } from './series.ts';
export { type TracesOptions, traces } from './traces.ts';
export type {
  Figure,
  LegendEntry,
  Panel,
  PanelDrawing,
  PanelOptions,
  PlotPassThrough,
  Series,
  SharedAxes,
} from './types.ts';
