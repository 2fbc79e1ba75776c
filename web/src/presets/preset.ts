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
    readonly variable: string;
    /** Display unit of the trace values: a unit name of brian-ts (`mV`) or '' for numbers. */
    readonly unit: string;
    readonly names: readonly string[];
    readonly label: string;
  };
  readonly rate?: { readonly monitor: PopulationRateMonitor; readonly label: string };
  /** The experiment, when it is more than one run (default: `runAsync(duration, options)`). */
  readonly run?: (duration: Quantity, options: AsyncRunOptions) => Promise<void>;
  /** One line of results shown after the run (a detected pitch, thresholds…). */
  readonly summary?: () => string;
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
