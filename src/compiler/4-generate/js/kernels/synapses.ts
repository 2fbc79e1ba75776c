import type { Kernel } from '../../../ir/kernel.ts';
import { synapseIndexedArrays } from '../../../ir/synapse-indexed-arrays.ts';
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
 * The module-level variable where a synapses kernel stores the sum of the loads that only bring
 * the next row into the cache (below): V8 drops loads whose values nobody uses, and a store into
 * a device array would change the device's state (the compiled kernels leave it as it is).
 */
export const SYNAPSES_MODULE_STATE = ['let _sink = 0;'] as const;

/** Elements of each array type in a 64-byte cache line (Float64Array, Int32Array, Uint8Array). */
const PER_LINE = { float: 8, integer: 16, boolean: 64 } as const;

/**
 * Runs a pathway's statements (`on_pre`, `on_post`) for every synapse whose spike arrives now:
 * along the due rows, or the due list.
 *
 * Walking rows, the kernel first loads one element per cache line of the next row's
 * synapse-indexed arrays (ir/synapse-indexed-arrays.ts): JavaScript has no prefetch, but these
 * loads run ahead of the current row's work and bring the row in, as the compiled kernels'
 * prefetch does. Their sum goes to the module's `_sink` (SYNAPSES_MODULE_STATE), so that V8
 * keeps them. CUBA 64000: propagation 0.27 → 0.235 s per biological second (6 runs each,
 * interleaved).
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
  const touched = synapseIndexedArrays(kernel);
  w.block('if (_n < 0)', () => {
    w.line('const _pairs = -2 * _n;');
    if (touched.length > 0) w.line('let _touch = 0;');
    w.block('for (let _k = 0; _k < _pairs; _k += 2)', () => {
      w.line('const _end = _due[_k + 1];');
      if (touched.length > 0) {
        w.block('if (_k + 2 < _pairs)', () => {
          w.line('const _next_end = _due[_k + 3];');
          for (const id of touched) {
            const info = kernel.arrays.get(id);
            if (!info) throw new Error(`internal: ${kernel.name} has no array ${id}`);
            const step = PER_LINE[info.type];
            w.block(`for (let _p = _due[_k + 2]; _p < _next_end; _p += ${step})`, () => {
              w.line(`_touch += ${ptr(id)}[_p];`);
            });
          }
        });
      }
      w.block('for (let _idx = _due[_k]; _idx < _end; _idx++)', element);
    });
    if (touched.length > 0) w.line('_sink = _touch;');
  });
  w.block('else', () => {
    w.block('for (let _k = 0; _k < _n; _k++)', () => {
      w.line('const _idx = _due[_k];');
      element();
    });
  });
}
