import type { Network } from '../../src/node.ts';

/**
 * Where a brian-ts model runs: the runtime device with JavaScript kernels (`runtime`) or with
 * its per-neuron loops compiled by g++ (`runtime_cpp`, the counterpart of Brian's Cython), or
 * C++ standalone.
 */
export type Device = 'runtime' | 'runtime_cpp' | 'cpp_standalone';
export const DEVICES: readonly Device[] = ['runtime', 'runtime_cpp', 'cpp_standalone'];

/** Hooks for tools that reuse the models in-process (bench/profile.ts instruments the runners). */
export interface RunHooks {
  /** Called with the assembled network just before `run()`. */
  beforeRun?(net: Network): void;
  /** Called after `run()` returned. */
  afterRun?(net: Network): void;
  /** Options added to the cpp_standalone device's (bench/mpi-scaling.ts: `{ mpi: { processes } }`). */
  standalone?: Readonly<Record<string, unknown>>;
}

/** What one model run measured (before the harness adds RSS, repetition, machine load…). */
export type BenchResult =
  | {
      readonly status: 'ok';
      /** Seconds in the network's step loop (`Network.lastRunTime`). */
      readonly sim_s: number;
      /** CPU seconds of the process during the step loop (descheduling shows as sim_cpu_s < sim_s). */
      readonly sim_cpu_s: number;
      /** Network construction: groups, initialisers, synapse creation (Brian's setup_s). */
      readonly setup_s: number;
      /** Time inside `connect()` calls (part of setup_s). */
      readonly connect_s: number;
      /** `run()` wall time minus the step loop: code generation and kernel compilation (Brian's prep_s). */
      readonly codegen_s: number;
      readonly spikes: number;
      readonly synapses: number;
      /** Model-specific extras (rates, STDP input/output spikes, mean weight…). */
      readonly extra: Readonly<Record<string, number>>;
    }
  | {
      /** The API this model needs is not in src/index.ts yet (Synapses, PoissonGroup, a device…). */
      readonly status: 'unavailable';
      readonly reason: string;
    };

/** A benchmark model: builds the network of Brian's bench script with N neurons (or inputs) and runs it. */
export type ModelFn = (N: number, durationSeconds: number, device: Device, hooks?: RunHooks) => BenchResult;
