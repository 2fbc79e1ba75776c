import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { GroupVariableSetParams } from '../../js/kernels/group-variable-set.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock } from '../emit-block.ts';
import { ptr } from '../names.ts';
import { emitConditionalVector, emitElementLoop } from './loops.ts';

/** A string setter `G.v['cond'] = 'expr'` run once, over a range or an explicit index list. */
export function group_variable_set(
  w: CodeWriter,
  kernel: Kernel<GroupVariableSetParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  emitBlock(w, kernel.scalar, kernel, declared);
  const p = kernel.params;
  if (p.indicesArrayId) {
    w.line(`const int32_t* _indices = ${ptr(p.indicesArrayId)};`);
    w.line(`const int32_t _nindices = ${sizeExpr(ctx.array(p.indicesArrayId))};`);
    w.block('for (int32_t _k = 0; _k < _nindices; _k++)', () => {
      w.line('const int32_t _idx = _indices[_k];');
      emitConditionalVector(w, kernel, new Set(declared));
    });
  } else {
    emitElementLoop(w, kernel, p, declared, ctx);
  }
}
