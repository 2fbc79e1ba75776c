import type { Kernel } from '../../../ir/kernel.ts';
import { isPure } from '../../../ir/passes/expand-powers.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { ThresholdParams } from '../../js/kernels/threshold.ts';
import { emitBlock, functionTable } from '../emit-block.ts';
import { ptr } from '../names.ts';

/** Elements per chunk of the two-pass loop. */
const CHUNK = 32;

/**
 * Fills the spike space: indices of the elements whose condition holds, then their count at `size`.
 *
 * A loop that appends to the spike space cannot be vectorised, yet the condition is evaluated
 * for every neuron at every step. So when the condition has no side effects, the loop runs over
 * chunks: the conditions of a chunk go into a small array of 64-bit integers (one lane width
 * with the doubles they come from, so g++ vectorises that loop), and only a chunk with a spike
 * is scanned again to append. Same events in the same order.
 */
export function threshold(w: CodeWriter, kernel: Kernel<ThresholdParams>, declared: Set<string>): void {
  const p = kernel.params;
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line('int32_t _count = 0;');
  w.line(`int32_t* _events = ${ptr(p.eventspace)};`);
  const functions = functionTable(kernel);
  const pure = kernel.vector.statements.every((s) => isPure(s.value, functions));
  const append = (index: string) => {
    w.line(`_events[_count++] = ${index};`);
    if (p.refractory) {
      w.line(`${ptr(p.refractory.notRefractory)}[${index}] = 0;`);
      w.line(`${ptr(p.refractory.lastspike)}[${index}] = t;`);
    }
  };
  let start = '0';
  if (pure && p.size >= CHUNK) {
    start = '_base';
    w.line('int32_t _base = 0;');
    w.block(`for (; _base + ${CHUNK} <= ${p.size}; _base += ${CHUNK})`, () => {
      w.line(`int64_t _conds[${CHUNK}];`);
      w.block(`for (int32_t _j = 0; _j < ${CHUNK}; _j++)`, () => {
        w.line('const int32_t _idx = _base + _j;');
        emitBlock(w, kernel.vector, kernel, new Set(declared));
        w.line('_conds[_j] = _cond;');
      });
      w.line('int64_t _any = 0;');
      w.line(`for (int32_t _j = 0; _j < ${CHUNK}; _j++) _any |= _conds[_j];`);
      w.block('if (_any)', () => {
        w.block(`for (int32_t _j = 0; _j < ${CHUNK}; _j++)`, () => {
          w.block('if (_conds[_j])', () => append('_base + _j'));
        });
      });
    });
  }
  w.block(`for (int32_t _idx = ${start}; _idx < ${p.size}; _idx++)`, () => {
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.block('if (_cond)', () => append('_idx'));
  });
  w.line(`_events[${p.size}] = _count;`);
}
