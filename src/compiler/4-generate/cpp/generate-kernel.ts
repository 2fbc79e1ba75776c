import type { ArrayInfo, Kernel, KernelKind } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import { CodeWriter } from '../code-writer.ts';
import type { CppKernelContext } from './context.ts';
import { group_variable_set } from './kernels/group-variable-set.ts';
import { poisson_input } from './kernels/poisson-input.ts';
import { ratemonitor } from './kernels/ratemonitor.ts';
import { reset } from './kernels/reset.ts';
import { spatialstateupdate } from './kernels/spatialstateupdate.ts';
import { spikegenerator } from './kernels/spikegenerator.ts';
import { spikemonitor } from './kernels/spikemonitor.ts';
import { statemonitor } from './kernels/statemonitor.ts';
import { stateupdate } from './kernels/stateupdate.ts';
import { summed_variable } from './kernels/summed-variable.ts';
import { synapses } from './kernels/synapses.ts';
import { synapses_create_generator } from './kernels/synapses-create.ts';
import { threshold } from './kernels/threshold.ts';
import { cppComment, ptr, storageType } from './names.ts';

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
  spatialstateupdate,
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

/** How a kernel function reaches its arrays (see generateCppKernel). */
export type CppLinkage =
  | 'program'
  | {
      readonly table: readonly string[];
      /**
       * Entry of `_arrays` holding the draw context of a kernel that draws random numbers (six
       * doubles, brianlib's `DrawContext::from_doubles` layout: seed words, epoch, once, call).
       */
      readonly randomState?: number;
    };

/**
 * The C++ function of a kernel: pointers to every array it touches, then the kind's skeleton.
 * - `'program'` (the standalone program): `void <functionName>(double t, double dt, int64_t
 *   _timestep)`; static arrays are global pointers, dynamic ones global std::vectors whose
 *   storage is re-read at each call.
 * - `{ table }` (a library loaded by the runtime device): `extern "C" void <functionName>(void*
 *   const* _arrays, const int32_t* _sizes, double t, double dt, int64_t _timestep)`, with the
 *   storage and length of the arrays named by `table`, in that order: the kernel's arrays, then
 *   any whose length the skeleton needs. A dynamic array is a `_DynamicView` (its `data()` and
 *   `size()`, nothing that grows) named as `ctx` names it.
 */
export function generateCppKernel(
  kernel: Kernel,
  functionName: string,
  ctx: CppKernelContext,
  linkage: CppLinkage = 'program',
): string {
  const emitter: Emitter | undefined = CPP_KERNELS[kernel.kind];
  if (!emitter) throw new KernelNotAvailableError(kernel.kind);
  const w = new CodeWriter();
  w.line(`// kernel ${kernel.kind}: ${cppComment(kernel.name)}`);
  const table = linkage === 'program' ? undefined : linkage.table;
  const header = table
    ? `extern "C" void ${functionName}(void* const* _arrays, const int32_t* _sizes, const double t, const double dt, const int64_t _timestep)`
    : `void ${functionName}(const double t, const double dt, const int64_t _timestep)`;
  w.block(header, () => {
    w.line('(void)t; (void)dt; (void)_timestep;');
    if (!table) {
      for (const info of kernelArrayOrder(kernel)) {
        const ref = ctx.array(info.arrayId);
        const source = ref.dynamic ? `${ref.name}.data()` : ref.name;
        declarePointer(w, info.arrayId, storageType(ref.type), source);
      }
    } else {
      w.line('(void)_sizes;');
      table.forEach((arrayId, k) => {
        const ref = ctx.array(arrayId);
        const type = storageType(ref.type);
        const source = `static_cast<${type}*>(_arrays[${k}])`;
        if (ref.dynamic) w.line(`const _DynamicView<${type}> ${ref.name}{${source}, _sizes[${k}]};`);
        if (kernel.arrays.has(arrayId)) declarePointer(w, arrayId, type, source);
      });
    }
    emitDrawKeys(w, kernel, linkage, ctx);
    emitter(w, kernel, new Set(['t', 'dt', '_timestep']), ctx);
  });
  return w.toString();
}

/**
 * A kernel that draws: the invocation's key (from the program's `brian::_draws`, or the draw
 * context the runtime device passes), each call site's key, and the draws of scalar-block sites
 * (element-block sites get theirs per element: emitElementDraws).
 */
function emitDrawKeys(w: CodeWriter, kernel: Kernel, linkage: CppLinkage, ctx: CppKernelContext): void {
  const sites = randomSites(kernel);
  if (sites.count === 0) return;
  if (ctx.randomStream === undefined)
    throw new Error(`internal: ${kernel.name} draws without a stream number`);
  if (linkage === 'program') w.line('const brian::DrawContext& _draw_context = brian::_draws;');
  else {
    if (linkage.randomState === undefined)
      throw new Error(`internal: ${kernel.name} draws without a draw context`);
    w.line(
      `const brian::DrawContext _draw_context = brian::DrawContext::from_doubles(static_cast<const double*>(_arrays[${linkage.randomState}]));`,
    );
  }
  w.line('uint32_t _key[2];');
  w.line(`_draw_context.invocation(${ctx.randomStream}u, _timestep, _key);`);
  for (let k = 0; k < sites.count; k++) w.line(`const brian::SiteKey _k${k}(_key, ${k}u);`);
  for (const k of sites.scalar) w.line(`brian::SiteDraws _r${k}(_k${k}, 0xffffffffu);`);
}

function declarePointer(w: CodeWriter, arrayId: string, type: string, source: string): void {
  w.line(`${type}* const __restrict ${ptr(arrayId)} = ${source};`);
  w.line(`(void)${ptr(arrayId)};`);
}
