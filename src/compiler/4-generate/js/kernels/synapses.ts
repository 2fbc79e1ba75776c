import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';

export interface SynapsesParams {
  /**
   * The synapses due in this step (SpikeQueue.pop): at position `capacity` their number n and
   * the synapse indices before it, or -r and r rows, row k being the consecutive synapses
   * `spikes[2k]` … `spikes[2k+1] - 1`. Standalone: a vector filled by the program's queue.
   */
  readonly spikes: string;
  readonly capacity: number;
}

/**
 * Runs a pathway's statements (`on_pre`, `on_post`) for every synapse whose spike arrives now:
 * along the due rows, or the due list.
 */
export function synapses(w: CodeWriter, kernel: Kernel<SynapsesParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const _due = ${ptr(p.spikes)};`);
  w.line(`const _n = _due[${p.capacity}];`);
  w.line('if (_n === 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  const element = () => {
    emitElementDraws(w, kernel, '_idx');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
  };
  w.block('if (_n < 0)', () => {
    w.block('for (let _k = 0, _pairs = -2 * _n; _k < _pairs; _k += 2)', () => {
      w.line('const _end = _due[_k + 1];');
      w.block('for (let _idx = _due[_k]; _idx < _end; _idx++)', element);
    });
  });
  w.block('else', () => {
    w.block('for (let _k = 0; _k < _n; _k++)', () => {
      w.line('const _idx = _due[_k];');
      element();
    });
  });
}
