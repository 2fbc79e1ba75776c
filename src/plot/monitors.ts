/**
 * Panels straight from monitors: `plotSpikes(spikeMonitor)`, `plotState(stateMonitor, 'v')`,
 * `plotRate(rateMonitor, { smooth })`. The monitors are described structurally, so this entry
 * point does not import the simulator core.
 */

import { type RasterOptions, raster } from './raster.ts';
import { type RatesOptions, rates } from './rates.ts';
import { type TracesOptions, traces } from './traces.ts';
import type { Panel } from './types.ts';

interface DimensionLike {
  isDimensionless: boolean;
  toString(): string;
}

interface SpikeMonitorLike {
  readonly name: string;
  readonly t_: ArrayLike<number>;
  readonly i: ArrayLike<number>;
  readonly source: { readonly N: number; readonly name: string };
}

interface StateMonitorLike {
  readonly name: string;
  readonly t_: ArrayLike<number>;
  readonly recordIndices: ArrayLike<number>;
  readonly source: { readonly name: string; variable(name: string): unknown };
  traces_(name: string): Float64Array[];
}

interface RateMonitorLike {
  readonly t_: ArrayLike<number>;
  readonly rate_: ArrayLike<number>;
  readonly source: { readonly name: string };
  smooth_rate(window: 'gaussian' | 'flat', width: unknown): { values: ArrayLike<number> };
}

/** The SI symbol of a dimension for the unit picker (`V`, `S`, `A`…), or undefined for compound ones. */
function siSymbol(dim: DimensionLike | undefined): string | undefined {
  if (!dim || dim.isDimensionless) return undefined;
  const known: Record<string, string> = {
    'm^2 kg s^-3 A^-1': 'V',
    'm^-2 kg^-1 s^3 A^2': 'S',
    A: 'A',
    s: 's',
    's^-1': 'Hz',
    'm^-2 kg^-1 s^4 A^2': 'F',
    m: 'm',
  };
  return known[String(dim)];
}

export function plotSpikes(monitor: SpikeMonitorLike, options: Partial<RasterOptions> = {}): Panel {
  return raster({
    t: monitor.t_,
    i: monitor.i,
    size: monitor.source.N,
    title: `Spikes of ${monitor.source.name}`,
    ...options,
  });
}

export function plotState(
  monitor: StateMonitorLike,
  variable: string,
  options: Partial<TracesOptions> = {},
): Panel {
  const v = monitor.source.variable(variable) as { dim?: DimensionLike };
  const recorded = Array.from(monitor.recordIndices);
  const all = monitor.traces_(variable);
  const shown = recorded.length > 10 ? [0, 1, 2, 3, 4] : recorded.map((_, k) => k);
  return traces({
    t: monitor.t_,
    series: shown.map((k) => ({ label: `${variable}[${recorded[k]}]`, values: all[k] })),
    unit: siSymbol(v.dim),
    yLabel: variable,
    title: `${variable} of ${monitor.source.name}`,
    ...options,
  });
}

export function plotRate(
  monitor: RateMonitorLike,
  options: Partial<RatesOptions> & { smoothWidth?: unknown } = {},
): Panel {
  const { smoothWidth, ...rest } = options;
  return rates({
    t: monitor.t_,
    rate: monitor.rate_,
    smooth: smoothWidth ? monitor.smooth_rate('gaussian', smoothWidth).values : undefined,
    title: `Population rate of ${monitor.source.name}`,
    ...rest,
  });
}
