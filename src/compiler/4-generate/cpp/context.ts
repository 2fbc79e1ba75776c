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
}

/** `vector.size()` of a dynamic array, or the fixed size of a static one, as an int32 expression. */
export function sizeExpr(ref: CppArrayRef): string {
  return ref.dynamic ? `((int32_t)${ref.name}.size())` : String(ref.size ?? 0);
}
