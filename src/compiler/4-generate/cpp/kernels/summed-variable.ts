import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SummedVariableParams } from '../../js/kernels/summed-variable.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock } from '../emit-block.ts';
import { cppLocal, ptr } from '../names.ts';
import { emitTargetShare, MIN_PARALLEL_EVENTS, openmpOn, targetPartition } from '../openmp.ts';

/**
 * `x_post = expr : unit (summed)`: the target variable becomes the sum of `expr` over its
 * synapses, in synapse order. With OpenMP, each thread sums into its own share of the targets
 * (openmp.ts), still in synapse order, so the sums are the serial ones to the bit.
 */
export function summed_variable(
  w: CodeWriter,
  kernel: Kernel<SummedVariableParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`double* _target = ${ptr(p.target)};`);
  w.line(`for (int32_t _k = ${p.targetStart}; _k < ${p.targetStop}; _k++) _target[_k] = 0;`);
  w.line(`const int32_t* _post = ${ptr(p.postIndex)};`);
  w.line(`const int32_t _nsyn = ${sizeExpr(ctx.array(p.postIndex))};`);
  emitBlock(w, kernel.scalar, kernel, declared);
  // Only the vector block's own locals may be assigned and nothing else may be written.
  const parallel =
    openmpOn(ctx) && targetPartition(kernel) !== undefined && kernel.vector.stores.length === 0;
  const loop = () =>
    w.block('for (int32_t _idx = 0; _idx < _nsyn; _idx++)', () => {
      if (parallel) w.line('if (!_mine(_post[_idx])) continue;');
      emitBlock(w, kernel.vector, kernel, new Set(declared));
      w.line(`_target[_post[_idx] + ${p.postOffset}] += ${cppLocal(p.value)};`);
    });
  if (parallel) emitTargetShare(w, ctx, `_nsyn >= ${MIN_PARALLEL_EVENTS}`, loop);
  else loop();
}
