import type { MpiOptions } from '../mpi/options.ts';
import type { ThreadsOption } from '../threads.ts';

/** How `setDevice('cpp_standalone', options)` builds and runs the program (Brian's set_device/build arguments). */
export interface StandaloneOptions {
  /** Project directory (default `output`, as Brian). */
  readonly directory?: string;
  /** Build and run at the first `run()` (default true); false: call `device.build()` after the last run. */
  readonly buildOnRun?: boolean;
  /** Compile without optimisation and with debug symbols. */
  readonly debug?: boolean;
  /**
   * OpenMP threads (0: no OpenMP, the default; `'auto'`: every core this process may use) for
   * state updates, thresholds, resets, synaptic propagation (shared out by target neuron) and
   * summed variables. The results are the same to the bit for any number of threads.
   */
  readonly threads?: ThreadsOption;
  /** The C++ compiler (default `g++`, or `$CXX`). */
  readonly compiler?: string;
  /**
   * Optimisation and target flags (default `-O3 -march=native -fno-math-errno -fno-trapping-math`:
   * fast, and the same IEEE arithmetic as JavaScript).
   */
  readonly optimisationFlags?: readonly string[];
  /**
   * Brian's flags (`-ffast-math -fno-finite-math-only`): divisions by constants become
   * multiplications, sums may be reordered; and `exp` by brianlib's vectorisable version (within
   * 2 ulp). Faster, but results differ from the runtime device in the last bits (so chaotic
   * networks diverge after a while). Default false.
   */
  readonly fastMath?: boolean;
  /** Further compiler flags, appended. */
  readonly extraCompileArgs?: readonly string[];
  /** Further linker flags, appended. */
  readonly extraLinkArgs?: readonly string[];
  /** Print the compiler's and the program's output as they come (default false). */
  readonly verbose?: boolean;
  /**
   * Run the program as several MPI processes (devices/mpi): neurons and synapses are shared out,
   * the results are the single process's, bit for bit. Needs Open MPI (`mpicxx`, `mpirun`).
   */
  readonly mpi?: MpiOptions;
}

/** Arguments of `device.build()`. */
export interface BuildOptions {
  /** Where the C++ project is written (Brian's `directory`); default the device's, else `output`. */
  readonly directory?: string;
  /** Compile the project (default true). */
  readonly compile?: boolean;
  /** Run the compiled program (default true; needs compile). */
  readonly run?: boolean;
  /** Initial values replacing the script's (see `RunOptions.runArgs`). */
  readonly runArgs?: RunArgs;
  /** Remove the previous build first. */
  readonly clean?: boolean;
  /** Compile without optimisation and with debug symbols (`-O0 -g -DDEBUG`, Brian's `debug=True`). */
  readonly debug?: boolean;
}

/** Arguments of `device.run()`: rerun the compiled program without rebuilding. */
export interface RerunOptions {
  /**
   * New values for state variables (`G.tau`, a view as returned by `G.tau`) or arrays, applied
   * where `device.applyRunArgs()` was called, by default just before the first run (as Brian 2.6).
   */
  readonly runArgs?: RunArgs;
  /** Results directory, relative to the project (default `results`). */
  readonly resultsDirectory?: string;
}

/**
 * Pairs of a variable view (`G.v`, `S.w`) and its value (a quantity or number for all elements,
 * or one value per element), or of a TimedArray and its new values (same shape and unit).
 */
export type RunArgs = Iterable<readonly [RunArgTarget | TimedArrayTarget, unknown]>;

/** A TimedArray whose values a rerun replaces. */
export interface TimedArrayTarget {
  readonly valuesArrayId: string;
  readonly rows: number;
}

/** What a run argument sets: a variable view (`G.v`). */
export interface RunArgTarget {
  readonly group: {
    readonly name: string;
    readonly start: number;
    readonly stop: number;
    variable(name: string): unknown;
  };
  readonly name: string;
}

/** Optimisations that do not change any floating-point result. */
export const DEFAULT_OPTIMISATION_FLAGS = [
  '-O3',
  '-march=native',
  '-fno-math-errno',
  '-fno-trapping-math',
] as const;

/** What `fastMath: true` adds (Brian's defaults). */
export const FAST_MATH_FLAGS = ['-ffast-math', '-fno-finite-math-only'] as const;
