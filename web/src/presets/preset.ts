import {
  type AsyncRunOptions,
  BrianError,
  type Namespace,
  type PopulationRateMonitor,
  type Quantity,
  type SpikeMonitor,
  type StateMonitor,
} from '../../../src/index.ts';

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

/** A model of the playground's list: its editable text and how to build it. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  /** One or two sentences under the title. */
  readonly description: string;
  readonly equations: string;
  /** One `name = quantity` per line (`taum = 20*ms`); `#` starts a comment. */
  readonly parameters: string;
  readonly duration: string;
  readonly seed: number;
  /** Builds the model (objects are collected by the magic network since startScope()). */
  build(model: ModelInput): BuiltModel;
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
