import type { ScalarType } from '../../compiler/functions.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { TypedArray } from '../runtime/arrays.ts';

/**
 * The program a standalone device records: the arrays it declares and the operations of the
 * script in order (setters, connect, seed, runs). The project writer turns it into C++.
 *
 * An array id may be allocated again (a setter's index list, a pathway's due buffer at each
 * run); each allocation is a new declaration with its own C++ name, and kernels bind the
 * declaration that was current when they were compiled, as the runtime device binds arrays.
 */
export interface ArrayDecl {
  readonly id: string;
  /** Global C++ name: `_array_<id>` (static) or `_dynamic_array_<id>`, with `_2`, `_3` … for re-allocations. */
  readonly cppName: string;
  readonly type: ScalarType;
  readonly dynamic: boolean;
  /** Number of elements of a static array. */
  readonly size: number;
  /** Initial values of a static array (filled in by the API right after allocation). */
  readonly init?: TypedArray;
}

export interface ClockRef {
  /** Index of the clock in its run's clock list. */
  readonly index: number;
}

export type ResolvedAction =
  | {
      readonly kind: 'call';
      readonly fn: string;
      /** How the function uses OpenMP (CppFunction.openmp). */
      readonly openmp?: 'team' | 'regions';
    }
  | {
      readonly kind: 'push_spikes';
      readonly queue: string;
      readonly eventspace: ArrayDecl;
      readonly eventspaceSize: number;
      readonly start: number;
      readonly stop: number;
      readonly due: ArrayDecl;
      /** The queue is split per thread and the pathway's kernel pushes and pops it. */
      readonly parts?: boolean;
      /** The pathway's kernel pops the queue (`SpikeQueue::pop_due`): the step loop only pushes. */
      readonly kernelPops?: boolean;
    }
  | { readonly kind: 'source_clock'; readonly target: ArrayDecl; readonly clock: number }
  | { readonly kind: 'clear_events'; readonly target: ArrayDecl; readonly index: number }
  /** C++ statements of a distributed program (exchanges between processes: devices/mpi). */
  | { readonly kind: 'code'; readonly lines: readonly string[] }
  | {
      readonly kind: 'check_finite';
      readonly arrays: readonly { readonly decl: ArrayDecl; readonly label: string }[];
      readonly every: number;
      readonly clock: number;
    };

export interface RunClock {
  readonly name: string;
  readonly timestep: number;
  readonly end: number;
  /** NaN for an EventClock. */
  readonly dt: number;
  /** An EventClock's times (seconds, sorted, ending with +∞): step k is at times[k]. */
  readonly times?: readonly number[];
}

export interface QueuePreparation {
  readonly queue: string;
  readonly sourceIndex: ArrayDecl;
  readonly sourceSize: number;
  readonly delays: ArrayDecl;
  readonly dt: number;
  /** A distributed program: a C++ `std::vector<char>*` marking the synapses this process queues. */
  readonly owned?: string;
  /**
   * Split into one part per OpenMP thread, pushed and popped by the pathway's kernel: the spikes
   * it reads and the array of the key that splits the synapses (none: the synapse index).
   */
  readonly parts?: {
    readonly keys?: ArrayDecl;
    readonly eventspace: ArrayDecl;
    readonly eventspaceSize: number;
    readonly start: number;
    readonly stop: number;
  };
}

export type Operation =
  /** A kernel run once (setters, connect); one that draws has its epoch and call number (DrawState). */
  | {
      readonly kind: 'call';
      readonly fn: string;
      readonly t: number;
      readonly dt: number;
      readonly timestep: number;
      readonly draws?: { readonly epoch: number; readonly call: number };
    }
  /** Literal values: all elements (indices undefined) or the listed ones. */
  | {
      readonly kind: 'set';
      readonly target: ArrayDecl;
      readonly values: TypedArray;
      readonly indices?: Int32Array;
      /** Distributed synapse storage (MPI): the LocalSynapses global of the target's synapses (indices are global numbers). */
      readonly local?: string;
    }
  | { readonly kind: 'fill'; readonly target: ArrayDecl; readonly value: number }
  /** All values of an array, a dynamic one taking their length. */
  | { readonly kind: 'replace'; readonly target: ArrayDecl; readonly values: TypedArray }
  | {
      readonly kind: 'append';
      readonly target: ArrayDecl;
      readonly values: TypedArray;
      /**
       * Distributed synapse storage (MPI), `connect(i=…, j=…)`: the LocalSynapses global; the
       * source indices are held until the target indices come (`pre`: the source array), and
       * each process keeps the pairs of its own targets.
       */
      readonly local?: { readonly name: string; readonly pre?: ArrayDecl };
    }
  /** A dynamic array made offset, offset+1, … as long as another is now. */
  | {
      readonly kind: 'arange';
      readonly target: ArrayDecl;
      readonly lengthOf: ArrayDecl;
      readonly offset: number;
      /** Distributed synapse storage (MPI): `lengthOf` is local, the length is this LocalSynapses global's count. */
      readonly local?: string;
    }
  | {
      readonly kind: 'synapses_connected';
      readonly pre: ArrayDecl;
      readonly post: ArrayDecl;
      /** A known size, or the dynamic array whose length it is. */
      readonly sourceSize: number | ArrayDecl;
      readonly targetSize: number | ArrayDecl;
      readonly count: ArrayDecl;
      readonly perSynapse: readonly { readonly target: ArrayDecl; readonly fill: number }[];
      readonly nIncoming: ArrayDecl;
      readonly nOutgoing: ArrayDecl;
      readonly multisynapticIndex?: ArrayDecl;
      /** Distributed synapse storage (MPI): the LocalSynapses global (N is its global count, the counts are summed). */
      readonly local?: string;
    }
  | { readonly kind: 'seed'; readonly lo: number; readonly hi: number }
  /** store(): copies of the arrays, spike queues and random state under a snapshot key. */
  | {
      readonly kind: 'store';
      readonly key: string;
      readonly arrays: readonly ArrayDecl[];
      readonly queues: readonly string[];
    }
  /** restore(): the copies of the last store() with this key put back. */
  | {
      readonly kind: 'restore';
      readonly key: string;
      readonly arrays: readonly ArrayDecl[];
      readonly queues: readonly string[];
      readonly random: boolean;
    }
  /** Where values given to `device.run({ runArgs })` are applied (Brian: before the first run). */
  | { readonly kind: 'run_args' }
  | {
      readonly kind: 'run';
      /** Index among the program's runs (results report each run's time). */
      readonly index: number;
      /** The epoch of the run's random numbers (DrawState.runStarts). */
      readonly epoch: number;
      readonly clocks: readonly RunClock[];
      readonly runners: readonly {
        readonly name: string;
        readonly clock: number;
        readonly actions: readonly ResolvedAction[];
      }[];
      readonly queues: readonly QueuePreparation[];
      /** Done once after the loop (a thresholder clears its spike count). */
      readonly finish: readonly ResolvedAction[];
      /** Time each runner (Brian's `profile=True`). */
      readonly profile: boolean;
      readonly start: number;
      readonly duration: number;
      /** Progress lines: where to, and how often (wall-clock seconds). */
      readonly report?: { readonly stream: 'stdout' | 'stderr'; readonly period: number };
      /** A distributed program: C++ statements before the step loop and after it (devices/mpi). */
      readonly before?: readonly string[];
      readonly after?: readonly string[];
    };

/** A kernel printed as C++: its function name and the text of the function. */
export interface CppFunction {
  readonly name: string;
  readonly source: string;
  /** Declarations the function uses (extern declarations are printed for these). */
  readonly arrays: readonly ArrayDecl[];
  /** Support code of functions it calls (user functions, inline templates), deduplicated by text. */
  readonly support: readonly SupportCode[];
  /** Draws random numbers (a one-off call then needs its epoch and call number). */
  readonly draws: boolean;
  /** The optimised IR it was printed from (a distributed program analyses what it reads and writes). */
  readonly kernel: Kernel;
  /** Further declarations its file needs (a distributed program's ownership globals). */
  readonly externs: readonly string[];
  /**
   * OpenMP: `'team'`, a team kernel (cpp/team.ts) that every thread of the step's parallel
   * region calls; `'regions'`, a function that opens parallel regions of its own (it is called
   * outside the step's region); undefined, none.
   */
  readonly openmp?: 'team' | 'regions';
  /** A pathway's kernel that pops its spike queue split into one part per thread (cpp/openmp.ts, queueParts). */
  readonly queueParts?: QueueParts;
  /** A pathway's kernel that pops its spike queue itself (`SpikeQueue::pop_due`): the step loop only pushes it. */
  readonly popsQueue?: { readonly queue: string; readonly due: string };
}

/** The spike queue a pathway's kernel pops per thread: its name, the due array it replaces, the split key's array. */
export interface QueueParts {
  readonly queue: string;
  readonly due: string;
  /** The array id of each synapse's key (its postsynaptic index); none: the synapse itself. */
  readonly keys?: string;
}

/** C++ code a kernel needs besides brianlib: a user function's implementation or an inline function's definitions. */
export interface SupportCode {
  /** What the code is, for messages (`user function get_sample`). */
  readonly label: string;
  readonly code: string;
  readonly headers: readonly string[];
  readonly sources: readonly string[];
  readonly libraries: readonly string[];
  readonly includeDirs: readonly string[];
  readonly libraryDirs: readonly string[];
  readonly runtimeLibraryDirs: readonly string[];
  readonly defineMacros: Readonly<Record<string, string | number>>;
}
