import type { ArrayInfo, Kernel, KernelKind } from '../../ir/kernel.ts';
import { CodeWriter } from '../code-writer.ts';
import type { CppKernelContext } from './context.ts';
import { group_variable_set } from './kernels/group-variable-set.ts';
import { poisson_input } from './kernels/poisson-input.ts';
import { ratemonitor } from './kernels/ratemonitor.ts';
import { reset } from './kernels/reset.ts';
import { spikegenerator } from './kernels/spikegenerator.ts';
import { spikemonitor } from './kernels/spikemonitor.ts';
import { statemonitor } from './kernels/statemonitor.ts';
import { stateupdate } from './kernels/stateupdate.ts';
import { summed_variable } from './kernels/summed-variable.ts';
import { synapses } from './kernels/synapses.ts';
import { synapses_create_generator } from './kernels/synapses-create.ts';
import { threshold } from './kernels/threshold.ts';
import { ptr, storageType } from './names.ts';

// biome-ignore lint/suspicious/noExplicitAny: each emitter narrows the params of its own kind.
type Emitter = (w: CodeWriter, kernel: Kernel<any>, declared: Set<string>, ctx: CppKernelContext) => void;

/**
 * The C++ target: one emitter per kernel kind, every kind listed, so a new kind is a type error
 * here until it is given an emitter or explicitly marked unavailable (undefined).
 */
export const CPP_KERNELS = {
  stateupdate,
  threshold,
  reset,
  group_variable_set,
  statemonitor,
  spikemonitor,
  ratemonitor,
  synapses,
  summed_variable,
  synapses_create_generator,
  spikegenerator,
  poisson_input,
  // Done by the program's spike queues and connect operations, not by generated kernels.
  synapses_push_spikes: undefined,
  synapses_create_array: undefined,
} as const satisfies Record<KernelKind, Emitter | undefined>;

export class KernelNotAvailableError extends Error {
  constructor(readonly kind: string) {
    super(`kernel ${kind} is not available on device cpp_standalone`);
  }
}

/** The arrays of a kernel in the order its pointers are declared (and, for a kernel taking an
 * array table, the order of that table). */
export function kernelArrayOrder(kernel: Kernel): ArrayInfo[] {
  return [...kernel.arrays.values()].sort((a, b) =>
    a.arrayId < b.arrayId ? -1 : a.arrayId > b.arrayId ? 1 : 0,
  );
}

/**
 * The C++ function of a kernel: pointers to every array it touches, then the kind's skeleton.
 * - `linkage: 'program'` (the standalone program): `void <functionName>(double t, double dt,
 *   int64_t _timestep)`; static arrays are global pointers, dynamic ones global std::vectors
 *   whose storage is re-read at each call.
 * - `linkage: 'table'` (a library loaded by the runtime device): `extern "C" void
 *   <functionName>(void* const* _arrays, double t, double dt, int64_t _timestep)`, the pointers
 *   taken from `_arrays` in `kernelArrayOrder`.
 */
export function generateCppKernel(
  kernel: Kernel,
  functionName: string,
  ctx: CppKernelContext,
  linkage: 'program' | 'table' = 'program',
): string {
  const emitter: Emitter | undefined = CPP_KERNELS[kernel.kind];
  if (!emitter) throw new KernelNotAvailableError(kernel.kind);
  const w = new CodeWriter();
  w.line(`// kernel ${kernel.kind}: ${kernel.name}`);
  const header =
    linkage === 'table'
      ? `extern "C" void ${functionName}(void* const* _arrays, const double t, const double dt, const int64_t _timestep)`
      : `void ${functionName}(const double t, const double dt, const int64_t _timestep)`;
  w.block(header, () => {
    w.line('(void)t; (void)dt; (void)_timestep;');
    kernelArrayOrder(kernel).forEach((info, k) => {
      const ref = ctx.array(info.arrayId);
      const type = storageType(ref.type);
      const source =
        linkage === 'table'
          ? `static_cast<${type}*>(_arrays[${k}])`
          : ref.dynamic
            ? `${ref.name}.data()`
            : ref.name;
      w.line(`${type}* const __restrict ${ptr(info.arrayId)} = ${source};`);
      w.line(`(void)${ptr(info.arrayId)};`);
    });
    emitter(w, kernel, new Set(['t', 'dt', '_timestep']), ctx);
  });
  return w.toString();
}
