import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SummedVariableParams } from '../../js/kernels/summed-variable.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock } from '../emit-block.ts';
import { cppLocal, ptr } from '../names.ts';

/** `x_post = expr : unit (summed)`: the target variable becomes the sum of `expr` over its synapses, in synapse order. */
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
  w.block('for (int32_t _idx = 0; _idx < _nsyn; _idx++)', () => {
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.line(`_target[_post[_idx] + ${p.postOffset}] += ${cppLocal(p.value)};`);
  });
}
