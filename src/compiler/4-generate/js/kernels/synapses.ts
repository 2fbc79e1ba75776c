import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';

export interface SynapsesParams {
  /** Synapse indices due in this step, their number at position `capacity`. */
  readonly spikes: string;
  readonly capacity: number;
}

/** Runs a pathway's statements (`on_pre`, `on_post`) for every synapse whose spike arrives now. */
export function synapses(w: CodeWriter, kernel: Kernel<SynapsesParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const _due = ${ptr(p.spikes)};`);
  w.line(`const _n = _due[${p.capacity}];`);
  w.line('if (_n === 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (let _k = 0; _k < _n; _k++)', () => {
    w.line('const _idx = _due[_k];');
    emitElementDraws(w, kernel, '_idx');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
  });
}
