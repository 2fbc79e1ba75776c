import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, ptr } from '../emit-block.ts';
import { emitConditionalVector, emitElementLoop, type RangeParams } from './loops.ts';

export interface GroupVariableSetParams extends RangeParams {
  /** When set, only these elements (absolute indices in an integer array) are visited. */
  readonly indicesArrayId?: string;
}

/** A string setter `G.v['cond'] = 'expr'` run once, over a range or an explicit index list. */
export function group_variable_set(
  w: CodeWriter,
  kernel: Kernel<GroupVariableSetParams>,
  declared: Set<string>,
): void {
  emitBlock(w, kernel.scalar, kernel, declared);
  const p = kernel.params;
  if (p.indicesArrayId) {
    w.line(`const _indices = ${ptr(p.indicesArrayId)};`);
    w.block('for (let _k = 0; _k < _indices.length; _k++)', () => {
      w.line('const _idx = _indices[_k];');
      emitConditionalVector(w, kernel, new Set(declared));
    });
  } else {
    emitElementLoop(w, kernel, p, declared);
  }
}
