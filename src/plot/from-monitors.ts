/**
 * Panel options read from monitors, so that `raster(spikeMonitor)`, `traces(stateMonitor, 'v')` and
 * `rates(rateMonitor)` draw what the monitor recorded. The monitors are described structurally, so
 * this entry point does not import the simulator core.
 */
import { BrianError } from '../diagnostics/index.ts';
import { type DimensionLike, siSymbol } from './inputs.ts';
import type { RasterOptions } from './raster.ts';
import type { RatesOptions } from './rates.ts';
import type { TracesOptions } from './traces.ts';

/** What the plot functions read from a SpikeMonitor. */
export interface SpikeMonitorLike {
  /** The monitor's name. */
  readonly name: string;
  /** Spike times in seconds. */
  readonly t_: ArrayLike<number>;
  /** Index of the neuron of each spike. */
  readonly i: ArrayLike<number>;
  /** The recorded group: its size and name. */
  readonly source: {
    /** Number of neurons (the raster's height). */
    readonly N: number;
    /** The group's name (the axis label). */
    readonly name: string;
  };
}

/** What the plot functions read from a StateMonitor. */
export interface StateMonitorLike {
  /** The monitor's name. */
  readonly name: string;
  /** Sample times in seconds. */
  readonly t_: ArrayLike<number>;
  /** The recorded variables. */
  readonly variables: readonly string[];
  /** The recorded elements (indices in the source). */
  readonly recordIndices: ArrayLike<number>;
  /** The recorded group: its name and variables (for their units). */
  readonly source: {
    /** The group's name. */
    readonly name: string;
    /** The declaration of variable `name` (its unit labels the axis). */
    variable(name: string): unknown;
  };
  /** The SI values of `name`, one array per recorded element. */
  traces_(name: string): Float64Array[];
}

/** What the plot functions read from a PopulationRateMonitor. */
export interface RateMonitorLike {
  /** Bin times in seconds. */
  readonly t_: ArrayLike<number>;
  /** The rate in each bin, in Hz. */
  readonly rate_: ArrayLike<number>;
  /** The recorded group. */
  readonly source: {
    /** The group's name. */
    readonly name: string;
  };
  /** The rate smoothed with a window of `width` (a time). */
  smoothRate(
    window: 'gaussian' | 'flat',
    width: unknown,
  ): {
    /** The smoothed rate in each bin, in Hz. */
    values: ArrayLike<number>;
  };
}

/** Monitors recording more elements than this have only their first {@link DEFAULT_TRACES} drawn by default. */
export const ALL_TRACES_UP_TO = 10;
/** How many recorded elements are drawn by default when there are more than {@link ALL_TRACES_UP_TO}. */
export const DEFAULT_TRACES = 5;

/** Whether `x` looks like a SpikeMonitor (times, indices, counts, a source). */
export function isSpikeMonitor(x: unknown): x is SpikeMonitorLike {
  return hasAll(x, ['t_', 'i', 'count', 'source']) && !hasAll(x, ['traces_']);
}

/** Whether `x` looks like a StateMonitor (times, traces, recorded indices and variables). */
export function isStateMonitor(x: unknown): x is StateMonitorLike {
  return hasAll(x, ['t_', 'traces_', 'recordIndices', 'variables']);
}

/** Whether `x` looks like a PopulationRateMonitor (times, rates, `smoothRate`). */
export function isRateMonitor(x: unknown): x is RateMonitorLike {
  return hasAll(x, ['t_', 'rate_', 'smoothRate']);
}

/** Raster options for a SpikeMonitor: its times and indices over the whole source group. */
export function spikeMonitorOptions(
  monitor: SpikeMonitorLike,
  options: Partial<RasterOptions> = {},
): RasterOptions {
  return {
    t: monitor.t_,
    i: monitor.i,
    size: monitor.source.N,
    title: `Spikes of ${monitor.source.name}`,
    ...options,
  };
}

/** Options of traces drawn from a StateMonitor: which variable, and which recorded elements. */
export interface StateTracesOptions extends Partial<TracesOptions> {
  /** Indices (of the source, as in `M.record`) of the elements to draw; default all up to 10, else the first five. */
  elements?: readonly number[];
}

/** Traces options for one variable of a StateMonitor (the only one it records when `variable` is omitted). */
export function stateMonitorOptions(
  monitor: StateMonitorLike,
  variable: string | undefined,
  options: StateTracesOptions = {},
): TracesOptions {
  const name = variable ?? onlyVariable(monitor);
  if (!monitor.variables.includes(name)) {
    throw new BrianError('not_recorded', `${monitor.name} does not record '${name}'.`, {
      hint: `it records: ${monitor.variables.join(', ')}`,
    });
  }
  const v = monitor.source.variable(name) as { dim?: DimensionLike };
  const recorded = Array.from(monitor.recordIndices);
  const all = monitor.traces_(name);
  const { elements, ...rest } = options;
  const shown = elements
    ? elements.map((e) => {
        const k = recorded.indexOf(e);
        if (k < 0) {
          throw new BrianError('index_out_of_range', `${monitor.name} does not record element ${e}.`, {
            hint: `recorded elements: ${recorded.slice(0, 20).join(', ')}${recorded.length > 20 ? ', …' : ''}`,
          });
        }
        return k;
      })
    : recorded.slice(0, recorded.length > ALL_TRACES_UP_TO ? DEFAULT_TRACES : undefined).map((_, k) => k);
  return {
    t: monitor.t_,
    series: shown.map((k) => ({ label: `${name}[${recorded[k]}]`, values: all[k] })),
    unit: siSymbol(v.dim),
    yLabel: name,
    title: `${name} of ${monitor.source.name}`,
    ...rest,
  };
}

/** Rates options for a PopulationRateMonitor, with a Gaussian-smoothed rate when `smoothWidth` is given. */
export function rateMonitorOptions(
  monitor: RateMonitorLike,
  options: Partial<RatesOptions> & { smoothWidth?: unknown } = {},
): RatesOptions {
  const { smoothWidth, ...rest } = options;
  return {
    t: monitor.t_,
    rate: monitor.rate_,
    smooth: smoothWidth ? monitor.smoothRate('gaussian', smoothWidth).values : undefined,
    title: `Population rate of ${monitor.source.name}`,
    ...rest,
  };
}

function onlyVariable(monitor: StateMonitorLike): string {
  if (monitor.variables.length === 1) return monitor.variables[0];
  throw new BrianError(
    'bad_argument',
    `${monitor.name} records ${monitor.variables.length} variables (${monitor.variables.join(', ')}): say which one to draw.`,
    { hint: `e.g. traces(${monitor.name}, '${monitor.variables[0] ?? 'v'}')` },
  );
}

function hasAll(x: unknown, keys: readonly string[]): boolean {
  if (x === null || typeof x !== 'object') return false;
  return keys.every((k) => k in (x as object));
}
