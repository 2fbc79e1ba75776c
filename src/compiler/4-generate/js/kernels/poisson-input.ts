import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock } from '../emit-block.ts';
import { emitElementLoop, type RangeParams } from './loops.ts';

/**
 * PoissonInput: for every element of the target range, `var += binomial()*weight` (the vector
 * block holds the statement; the binomial draw is an inline function of the kernel).
 */
export function poisson_input(w: CodeWriter, kernel: Kernel<RangeParams>, declared: Set<string>): void {
  emitBlock(w, kernel.scalar, kernel, declared);
  emitElementLoop(w, kernel, kernel.params, declared);
}
