import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { RangeParams } from '../../js/kernels/loops.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock } from '../emit-block.ts';
import { threadsClause } from '../openmp.ts';
import { elementsIndependent, iterationsIndependent } from '../parallel.ts';

export function stopExpr(stop: RangeParams['stop'], ctx: CppKernelContext): string {
  return typeof stop === 'number' ? String(stop) : sizeExpr(ctx.array(stop.sizeOf));
}

/** `for (_idx in range) { [condition; if (_cond)] vector }`, the body shared by several kernels. */
export function emitElementLoop(
  w: CodeWriter,
  kernel: Kernel,
  range: RangeParams,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  w.line(`const int32_t _stop = ${stopExpr(range.stop, ctx)};`);
  if (ctx.openmp && elementsIndependent(kernel))
    w.line(`#pragma omp parallel for simd schedule(static)${threadsClause(ctx)}`);
  else if (iterationsIndependent(kernel)) w.line('#pragma GCC ivdep');
  w.block(`for (int32_t _idx = ${range.start}; _idx < _stop; _idx++)`, () => {
    emitConditionalVector(w, kernel, new Set(declared));
  });
}

/** The per-element part: the optional condition block guarding the vector block. */
export function emitConditionalVector(w: CodeWriter, kernel: Kernel, declared: Set<string>): void {
  if (kernel.condition) {
    emitBlock(w, kernel.condition, kernel, declared);
    w.block('if (_cond)', () => emitBlock(w, kernel.vector, kernel, new Set(declared)));
  } else {
    emitBlock(w, kernel.vector, kernel, declared);
  }
}
