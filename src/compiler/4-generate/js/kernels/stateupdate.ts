import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock } from '../emit-block.ts';
import { emitElementLoop, type RangeParams } from './loops.ts';

/** Updates every element: state updaters, subexpression updaters, run_regularly, string setters. */
export function stateupdate(w: CodeWriter, kernel: Kernel<RangeParams>, declared: Set<string>): void {
  emitBlock(w, kernel.scalar, kernel, declared);
  emitElementLoop(w, kernel, kernel.params, declared);
}
