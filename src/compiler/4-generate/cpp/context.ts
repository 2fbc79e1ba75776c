import type { ScalarType } from '../../functions.ts';

/** Where the C++ program keeps an array: a global pointer (static) or a global std::vector (dynamic). */
export interface CppArrayRef {
  /** Global C++ name (`_array_neurongroup_v`, `_dynamic_array_synapses_w`). */
  readonly name: string;
  readonly type: ScalarType;
  readonly dynamic: boolean;
  /** Number of elements of a static array. */
  readonly size?: number;
}

/** What a C++ kernel needs from the program around it: the storage of each array id. */
export interface CppKernelContext {
  array(arrayId: string): CppArrayRef;
  /**
   * Share the loops out among OpenMP threads where that gives the serial results to the bit
   * (cpp/openmp.ts): element-wise updates, thresholds, resets, propagation and summed variables.
   */
  readonly openmp?: boolean;
  /**
   * The number of threads, printed into each parallel loop (`num_threads`): the runtime's
   * compiled kernels, loaded into a process whose environment is already read. Undefined: the
   * program's OpenMP default (`OMP_NUM_THREADS`, which the standalone device sets).
   */
  readonly threads?: number;
  /**
   * The program runs the pathways' spike queues itself (standalone, not distributed): a pathway's
   * kernel pops its queue (`SpikeQueue::pop_due`, walking due rows where it can), and with OpenMP
   * pushes and pops it split into one part per thread (openmp.ts, queueParts).
   */
  readonly queues?: boolean;
  /**
   * Kernels that run at every step are printed as team kernels where they can be (cpp/team.ts):
   * the standalone program calls them from every thread of one parallel region per step.
   */
  readonly team?: boolean;
  /** The kernel's random stream number (DrawState.stream), when it draws. */
  readonly randomStream?: number;
  /**
   * A distributed program (MPI): the elements this process computes. Kernels that run at every
   * step over neurons or synapses visit only those; without it, every element.
   */
  readonly partition?: KernelPartition;
  /**
   * A distributed program whose processes store only their own synapses (compact arrays of a
   * synapse set, compiler/4-generate/cpp-mpi): what a kernel over them needs.
   */
  readonly localSynapses?: LocalSynapsesAccess;
}

/** Compact per-process synapse arrays: local positions, global numbers. */
export interface LocalSynapsesAccess {
  /** The global number of local synapse `idx` (keys its random draws, as on one process). */
  key(idx: string): string;
  /** The number of synapses on all processes together (an int64 C++ expression). */
  count(): string;
  /** The local position of the synapse of global number `global` (an int64 C++ expression, -1 where another process holds it). */
  localOf(global: string): string;
  /** synapses_create: a C++ condition that numbers the next synapse and is true if this process keeps it (`post`: its target index). */
  keep(post: string): string;
}

/**
 * What a process of a distributed program computes of a kernel's loop (made by
 * compiler/4-generate/cpp-mpi for each kernel, which knows its group or synapses).
 */
export interface KernelPartition {
  /** Neurons: the owned part of the element range [start, stop) (C++ expressions). */
  neurons(start: string, stop: string): { readonly start: string; readonly stop: string };
  /** Synapses: a C++ `std::vector<int32_t>` of the owned synapse indices, ascending. */
  synapses(): string;
  /**
   * Synapses stored apart (each process holds only its own, LocalSynapsesAccess): the number of
   * local synapses, all owned; loops run over 0 … count-1 and no index list is kept.
   */
  localSynapseCount?(): string;
  /** A C++ condition: element `index` of the kernel's group is owned here. */
  owns(index: string): string;
  /**
   * A summed variable whose targets are not all owned with their synapses (the presynaptic side):
   * the statement that, after every process stored its synapses' contributions into `buffer` (a
   * `std::vector<double>` of one value per synapse), gives every process all of them; each then
   * sums every synapse in order, so the sums are the single process's to the bit.
   */
  gatherContributions?(buffer: string): string;
  /**
   * The same with synapses stored apart: the statement that sends the contributions in `terms`
   * (a `std::vector<double>`, one per local synapse) to the processes owning their targets,
   * which add them to `target` (a pointer to the summed variable) in global synapse order.
   */
  sumToSource?(terms: string, target: string): string;
}

/** `vector.size()` of a dynamic array, or the fixed size of a static one, as an int32 expression. */
export function sizeExpr(ref: CppArrayRef): string {
  return ref.dynamic ? `((int32_t)${ref.name}.size())` : String(ref.size ?? 0);
}
