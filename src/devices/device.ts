import type { ScalarType } from '../compiler/functions.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import type { Runner } from '../network/brian-object.ts';
import type { BaseClock, Clock } from '../network/clock.ts';
import type { ReportOption } from '../network/report.ts';
import type { Quantity } from '../units/quantity.ts';
import type { DeviceArray, DynamicArray, StaticArray, TypedArray } from './runtime/arrays.ts';

/**
 * What the API layer (groups, synapses, monitors, networks) asks of a device. The runtime
 * device does each operation at once in this process; the C++ standalone device records it
 * into the program it builds later, and can only answer questions about values once that
 * program has run.
 */
export interface Device {
  readonly kind: 'runtime' | 'cpp_standalone';
  /** True when operations execute at once in this process, false when they are recorded for a program built later. */
  readonly inProcess: boolean;
  /** Every array by id (standalone: declarations; values only after the program ran). */
  readonly arrays: ReadonlyMap<string, DeviceArray>;

  /** A fixed-size array; the returned storage holds its initial values (write them right away). */
  allocate(arrayId: string, type: ScalarType, size: number, fill?: number): StaticArray;
  /** A growable array (synapses, monitors), empty at first. */
  allocateDynamic(arrayId: string, type: ScalarType): DynamicArray;
  /** The storage of an array (standalone: only after the program ran). */
  array(arrayId: string): DeviceArray;
  /** The current values of an array (standalone: only after the program ran). */
  values(arrayId: string): TypedArray;
  /**
   * A kernel ready to call: runtime compiles JavaScript, standalone records a call of C++ code.
   * `calls` says how it will be called, which keys its random numbers (core/random/draw-state.ts):
   * at every step of its clock (runners), or as one-off calls (setters, connect()).
   */
  compile(kernel: Kernel, calls: KernelCalls): KernelFunction;
  /**
   * One kernel that does a group's state update and then its threshold, element by element, with
   * the results of the two kernels called one after the other; undefined where this device does
   * not fuse them (or not these two), and they run apart. Optional: only the runtime device's
   * SIMD kernels fuse (compiler/4-generate/wasm/update-threshold.ts).
   */
  fuseUpdateAndThreshold?(update: Kernel, threshold: Kernel): KernelFunction | undefined;
  /** Seeds `rand()`, `randn()`, `poisson()` (a random seed when no value is given). */
  seed(value?: number): void;
  /**
   * Sets literal values of an array (`G.v = mV(-70)`, `G.v[3] = …`): `write` fills storage of the
   * array's size with the converted values; `indices` (absolute) says which elements count.
   */
  assign(
    arrayId: string,
    indices: Int32Array | undefined,
    value: unknown,
    write: (storage: TypedArray) => void,
  ): void;
  /**
   * Replaces the whole contents of an array with values the script knows (a dynamic array takes
   * their length; a static one must have it): spike lists, time bins.
   */
  replace(arrayId: string, values: TypedArray): void;
  /** Makes a dynamic array `offset, offset+1, …` as long as dynamic array `lengthOf` is now (all synapses). */
  arange(arrayId: string, lengthOf: string, offset: number): void;
  /** Appends values to a dynamic array (`connect(i=…, j=…)`). */
  append(arrayId: string, values: Int32Array | Float64Array): void;
  /** After synapses were created: grow per-synapse arrays, recompute N_incoming, N_outgoing, the multisynaptic index. */
  synapsesConnected(spec: SynapsesConnected): void;
  /** Runs (or records) one `Network.run`. */
  runNetwork(run: NetworkRun): NetworkRunResult;
  /**
   * Runs one `Network.runAsync`: as `runNetwork`, giving the event loop back regularly; stops
   * after the step in which `run.stopped()` becomes true (abort, `stop()`).
   */
  runNetworkAsync(run: NetworkRun): Promise<NetworkRunResult>;
}

export type KernelFunction = (t: number, dt: number, timestep: number) => void;

/** How a compiled kernel is called: once per step of its clock, or as one-off calls. */
export type KernelCalls = 'every_step' | 'once';

/**
 * A number of elements: known, or the current length of a dynamic array (Synapses as the source
 * or target of other Synapses on a standalone device, whose size only the program knows).
 */
export type ElementCount = number | { readonly sizeOf: string };

/** The bookkeeping after `connect()` (Brian's `_update_synapse_numbers`). */
export interface SynapsesConnected {
  /** Dynamic arrays of the source and target index of every synapse (relative to the groups). */
  readonly pre: string;
  readonly post: string;
  readonly sourceSize: ElementCount;
  readonly targetSize: ElementCount;
  /** Where the target group starts in its storage (a subgroup's offset), and the storage's size. */
  readonly targetStart: number;
  readonly targetStorageSize: ElementCount;
  /** A one-element integer array receiving the number of synapses (Brian's `N` variable). */
  readonly count: string;
  /** Every per-synapse array and the value new synapses get. */
  readonly perSynapse: readonly { readonly arrayId: string; readonly fill: number }[];
  readonly nIncoming: string;
  readonly nOutgoing: string;
  readonly multisynapticIndex?: string;
}

/**
 * What a runner does in one time step, as data, for devices that compile the whole run loop:
 * call a compiled kernel, move spikes through a pathway's queue, or copy another clock's time.
 */
export type StepAction =
  | { readonly kind: 'call'; readonly fn: KernelFunction }
  | { readonly kind: 'push_spikes'; readonly pathway: PathwayQueue }
  | { readonly kind: 'source_clock'; readonly arrayId: string; readonly clock: BaseClock }
  /** Sets element `index` of an event space to 0: no events (a thresholder after a run). */
  | { readonly kind: 'clear_events'; readonly arrayId: string; readonly index: number }
  | {
      readonly kind: 'check_finite';
      readonly checks: readonly FiniteCheck[];
      /** Every this many steps of `clock`, and at its last step of the run. */
      readonly every: number;
      readonly clock: Clock;
    };

/** A float state array that must stay finite (network/numerical-health.ts), and its name for messages. */
export interface FiniteCheck {
  readonly arrayId: string;
  /** `object.variable`. */
  readonly label: string;
  /** Growable (a synapse's): scanned between steps only when a kernel of the run writes it. */
  readonly dynamic?: boolean;
}

/** A pathway's spike queue: spikes of a source range enter it, due synapses leave it into `due`. */
export interface PathwayQueue {
  readonly name: string;
  readonly eventspace: string;
  /** Size of the source's root group (the event count sits at this position). */
  readonly eventspaceSize: number;
  readonly start: number;
  readonly stop: number;
  /** Dynamic array of each synapse's source index (relative to the source). */
  readonly sourceIndex: string;
  readonly sourceSize: number;
  /** Dynamic array of delays in seconds. */
  readonly delays: string;
  /** Dynamic array receiving the due synapses. */
  readonly due: string;
}

export interface NetworkRun {
  readonly name: string;
  /** The network, whose `lastRunTime` (and profile) a compiled program reports after it ran. */
  readonly network: {
    lastRunTime: number;
    receiveProfile?(profile: ReadonlyMap<string, number>): void;
  };
  /** Runners in schedule order. */
  readonly runners: readonly Runner[];
  /** Every clock of the run, already set to the run's interval. */
  readonly clocks: readonly BaseClock[];
  /** Done once after the loop (Brian's `after_run` of code objects). */
  readonly finish: readonly StepAction[];
  /** Measure the time spent in each runner (Brian's `profile=True`). */
  readonly profile?: boolean;
  readonly start: number;
  readonly duration: number;
  readonly report?: ReportOption;
  readonly reportPeriod?: Quantity;
  /** Whether `stop()` was called (or the AbortSignal of `runAsync` fired) during the run. */
  stopped(): boolean;
  /** Snapshots to write between steps (`run(…, { checkpoint })`); devices that cannot, refuse it. */
  readonly checkpoint?: CheckpointHook;
}

/** What the step loop does for `run(…, { checkpoint })` (network/checkpoint.ts writes the file). */
export interface CheckpointHook {
  /** The run's fastest clock. */
  readonly clock: Clock;
  /**
   * Called between two steps, after each step of `clock` (all clocks advanced that were due):
   * writes a snapshot when the step count is a multiple of the checkpoint's `every`.
   */
  stepped(): void;
}

export interface NetworkRunResult {
  /** Seconds spent in the step loop (Brian's `_last_run_time`); NaN until known. */
  readonly elapsed: number;
  /** The network time after the run. */
  readonly time: number;
  /** With `profile`: seconds spent in each runner, by runner name (known later on cpp_standalone). */
  readonly profile?: ReadonlyMap<string, number>;
}
