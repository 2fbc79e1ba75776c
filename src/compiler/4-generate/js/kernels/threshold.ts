import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';

export interface ThresholdParams {
  readonly size: number;
  /** Indices of the elements that crossed, then their count at position `size` (Brian's spikespace). */
  readonly eventspace: string;
  /** With refractoriness, a spike sets `not_refractory = false` and `lastspike = t`. */
  readonly refractory?: { readonly notRefractory: string; readonly lastspike: string };
}

export function threshold(w: CodeWriter, kernel: Kernel<ThresholdParams>, declared: Set<string>): void {
  const p = kernel.params;
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line('let _count = 0;');
  w.line(`const _events = ${ptr(p.eventspace)};`);
  w.block(`for (let _idx = 0; _idx < ${p.size}; _idx++)`, () => {
    emitElementDraws(w, kernel, '_idx');
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
