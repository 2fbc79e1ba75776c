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
  /** Split loops whose elements are independent over OpenMP threads. */
  readonly openmp?: boolean;
}

/** `vector.size()` of a dynamic array, or the fixed size of a static one, as an int32 expression. */
export function sizeExpr(ref: CppArrayRef): string {
  return ref.dynamic ? `((int32_t)${ref.name}.size())` : String(ref.size ?? 0);
}
