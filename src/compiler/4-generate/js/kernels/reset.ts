import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';

export interface ResetParams {
  readonly size: number;
  readonly eventspace: string;
}

/** Runs the reset statements for every element that crossed the threshold in this step. */
export function reset(w: CodeWriter, kernel: Kernel<ResetParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const _events = ${ptr(p.eventspace)};`);
  w.line(`const _n = _events[${p.size}];`);
  w.line('if (_n === 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (let _k = 0; _k < _n; _k++)', () => {
    w.line('const _idx = _events[_k];');
    emitElementDraws(w, kernel, '_idx');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
  });
}
