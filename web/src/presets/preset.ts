import {
  type AsyncRunOptions,
  BrianError,
  defaultclock,
  ms,
  type Namespace,
  type NeuronGroup,
  PopulationRateMonitor,
  type Quantity,
  SpikeMonitor,
  StateMonitor,
  seed,
  setDevice,
  startScope,
} from '../../../src/index.ts';
import { parseDuration, parseParameters } from '../model-input.ts';
import type { PresetText } from '../protocol.ts';

/** A preset's model after the user's edits: equations, parameters (a namespace) and run length. */
export interface ModelInput {
  readonly equations: string;
  readonly parameters: Namespace;
  readonly duration: Quantity;
}

/** What a built model shows: the monitors behind the three panels, each optional. */
export interface BuiltModel {
  readonly spikes?: { readonly monitor: SpikeMonitor; readonly size: number; readonly label: string };
  readonly traces?: {
    readonly monitor: StateMonitor;
    /** The traces drawn: a recorded variable of one recorded element (its position in `record`). */
    readonly series: readonly TraceSeries[];
    /** Display unit of the trace values: a unit name of brian-ts (`mV`) or '' for numbers. */
    readonly unit: string;
    readonly label: string;
  };
  readonly rate?: { readonly monitor: PopulationRateMonitor; readonly label: string };
  /**
   * The experiment, when it is more than one run (default: `runAsync(duration, options)`);
   * resolves to the biological time simulated in all its runs, in seconds.
   */
  readonly run?: (duration: Quantity, options: AsyncRunOptions) => Promise<number>;
  /** One line of results shown after the run (a detected pitch, thresholds…). */
  readonly summary?: () => string;
}

export interface TraceSeries {
  readonly name: string;
  readonly variable: string;
  readonly element: number;
}

/** One series per recorded element of `variable`, named `neuron k` after the recorded indices. */
export function neuronSeries(variable: string, indices: readonly number[]): TraceSeries[] {
  return indices.map((k, element) => ({ name: `neuron ${k}`, variable, element }));
}

/** The recorded values of each trace series (raw SI, live views of the monitor's arrays). */
export function traceValues(traces: NonNullable<BuiltModel['traces']>): Float64Array[] {
  return traces.series.map((s) => traces.monitor.traces_(s.variable)[s.element]);
}

/** A model of the playground's list: its editable text (PresetText) and how to build it. */
export interface Preset extends PresetText {
  /** Builds the model (objects are collected by the magic network since startScope()). */
  build(model: ModelInput): BuiltModel;
}

/**
 * Builds a preset from its (edited) text as the worker does before running it: a fresh runtime
 * device and scope, the default clock at 0.1 ms, the seed; returns the model and the run length.
 */
export function buildPreset(
  preset: Preset,
  text: Pick<PresetText, 'equations' | 'parameters' | 'duration' | 'seed'>,
): { built: BuiltModel; duration: Quantity } {
  const parameters = parseParameters(text.parameters);
  const duration = parseDuration(text.duration);
  setDevice('runtime');
  startScope();
  defaultclock.dt = ms(0.1);
  seed(text.seed);
  return { built: preset.build({ equations: text.equations, parameters, duration }), duration };
}

/**
 * The panels of a population: its spikes, the `variable` of the `shown` neurons (in `unit`) and
 * its population rate.
 */
export function populationPanels(
  group: NeuronGroup,
  shown: readonly number[],
  variable: string,
  unit: string,
) {
  return {
    spikes: { monitor: new SpikeMonitor(group), size: group.N, label: 'Spikes' },
    traces: {
      monitor: new StateMonitor(group, variable, { record: [...shown] }),
      series: neuronSeries(variable, shown),
      unit,
      label: variable,
    },
    rate: { monitor: new PopulationRateMonitor(group), label: 'Population rate' },
  } satisfies BuiltModel;
}

/** A whole number from the parameters (`N = 4000`), or the error a user can act on. */
export function count(parameters: Namespace, name: string): number {
  const value = parameters[name];
  const n = typeof value === 'number' ? value : (value as Quantity | undefined)?.value;
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    throw new BrianError('bad_argument', `The parameters need ${name} = a whole number, e.g. ${name} = 100.`);
  }
  return n;
}
