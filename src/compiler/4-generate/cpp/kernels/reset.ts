import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { ResetParams } from '../../js/kernels/reset.ts';
import { emitBlock } from '../emit-block.ts';
import { ptr } from '../names.ts';

/** Runs the reset statements for every element that crossed the threshold in this step. */
export function reset(w: CodeWriter, kernel: Kernel<ResetParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const int32_t* _events = ${ptr(p.eventspace)};`);
  w.line(`const int32_t _n = _events[${p.size}];`);
  w.line('if (_n == 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
    w.line('const int32_t _idx = _events[_k];');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
  });
}
