/**
 * Panels straight from monitors: `plotSpikes(spikeMonitor)`, `plotState(stateMonitor, 'v')`,
 * `plotRate(rateMonitor, { smoothWidth })`. The same as passing the monitor to `raster`, `traces`
 * or `rates`.
 */
import {
  type RateMonitorLike,
  rateMonitorOptions,
  type SpikeMonitorLike,
  type StateMonitorLike,
  type StateTracesOptions,
  spikeMonitorOptions,
  stateMonitorOptions,
} from './from-monitors.ts';
import { type RasterOptions, raster } from './raster.ts';
import { type RatesOptions, rates } from './rates.ts';
import { traces } from './traces.ts';
import type { Panel } from './types.ts';

/** A raster of everything a SpikeMonitor recorded (the index axis spans the whole source group). */
export function plotSpikes(monitor: SpikeMonitorLike, options: Partial<RasterOptions> = {}): Panel {
  return raster(spikeMonitorOptions(monitor, options));
}

/** Traces of one recorded variable of a StateMonitor (the first five recorded elements unless `elements` says). */
export function plotState(
  monitor: StateMonitorLike,
  variable?: string,
  options: StateTracesOptions = {},
): Panel {
  return traces(stateMonitorOptions(monitor, variable, options));
}

/** The rate a PopulationRateMonitor recorded, with a Gaussian-smoothed rate on top when `smoothWidth` is given. */
export function plotRate(
  monitor: RateMonitorLike,
  options: Partial<RatesOptions> & { smoothWidth?: unknown } = {},
): Panel {
  return rates(rateMonitorOptions(monitor, options));
}
