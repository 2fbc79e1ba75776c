import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { ThresholdParams } from '../../js/kernels/threshold.ts';
import { emitBlock } from '../emit-block.ts';
import { ptr } from '../names.ts';

/** Fills the spike space: indices of the elements whose condition holds, then their count at `size`. */
export function threshold(w: CodeWriter, kernel: Kernel<ThresholdParams>, declared: Set<string>): void {
  const p = kernel.params;
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line('int32_t _count = 0;');
  w.line(`int32_t* _events = ${ptr(p.eventspace)};`);
  w.block(`for (int32_t _idx = 0; _idx < ${p.size}; _idx++)`, () => {
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.block('if (_cond)', () => {
      w.line('_events[_count++] = _idx;');
      if (p.refractory) {
        w.line(`${ptr(p.refractory.notRefractory)}[_idx] = 0;`);
        w.line(`${ptr(p.refractory.lastspike)}[_idx] = t;`);
      }
    });
  });
  w.line(`_events[${p.size}] = _count;`);
}
