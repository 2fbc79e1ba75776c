import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { ResetParams } from '../../js/kernels/reset.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { ptr } from '../names.ts';
import { emitParallelOrSerial, MIN_PARALLEL_EVENTS, openmpOn, threadsClause } from '../openmp.ts';
import { elementsIndependent } from '../parallel.ts';

/**
 * Runs the reset statements for every element that crossed the threshold in this step. The
 * events are distinct neurons, so with OpenMP threads share them out when the statements only
 * touch the neuron itself.
 */
export function reset(
  w: CodeWriter,
  kernel: Kernel<ResetParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`const int32_t* _events = ${ptr(p.eventspace)};`);
  w.line(`const int32_t _n = _events[${p.size}];`);
  w.line('if (_n == 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  const loop = () =>
    w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
      w.line('const int32_t _idx = _events[_k];');
      // A distributed program has every process's events: each resets its own neurons.
      if (ctx.partition) w.line(`if (!(${ctx.partition.owns('_idx')})) continue;`);
      emitElementDraws(w, kernel, '_idx');
      emitBlock(w, kernel.vector, kernel, new Set(declared));
    });
  if (openmpOn(ctx) && elementsIndependent(kernel)) {
    const pragma = `#pragma omp parallel for schedule(static)${threadsClause(ctx)}`;
    emitParallelOrSerial(w, `_n >= ${MIN_PARALLEL_EVENTS}`, pragma, loop);
  } else {
    loop();
  }
}
