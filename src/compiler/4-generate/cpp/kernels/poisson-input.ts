import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { RangeParams } from '../../js/kernels/loops.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock } from '../emit-block.ts';
import { emitElementLoop } from './loops.ts';

/** PoissonInput: for every element of the target range, `var += binomial()*weight`. */
export function poisson_input(
  w: CodeWriter,
  kernel: Kernel<RangeParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  emitBlock(w, kernel.scalar, kernel, declared);
  emitElementLoop(w, kernel, kernel.params, declared, ctx);
}
