import { platform } from '../../../../platform/platform.ts';
import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SynapsesParams } from '../../js/kernels/synapses.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { ptr } from '../names.ts';
import { emitTargetShare, MIN_PARALLEL_EVENTS, openmpOn, targetPartition } from '../openmp.ts';
import { drawKey } from './loops.ts';

/**
 * Runs a pathway's statements for every synapse whose spike arrives now. The due synapses are
 * a vector filled by the spike queue (standalone) or a static buffer with the count at `capacity`.
 * With OpenMP, threads share the synapses out by the element they write (openmp.ts).
 */
export function synapses(
  w: CodeWriter,
  kernel: Kernel<SynapsesParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  const due = ctx.array(p.spikes);
  if (due.dynamic) {
    w.line(`const int32_t* _due = ${due.name}.data();`);
    w.line(`const int32_t _n = (int32_t)${due.name}.size();`);
  } else {
    w.line(`const int32_t* _due = ${ptr(p.spikes)};`);
    w.line(`const int32_t _n = _due[${p.capacity}];`);
  }
  w.line('if (_n == 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  // Target-shared propagation is off by default: every thread still reads every due synapse
  // and its target to find its own, so the memory traffic, which is what propagation costs, is
  // not divided. Measured (bench/operations.ts, COBAHH 64000, standalone): 0.366 s serial
  // against 0.737 s on 2 threads. BRIAN_PARALLEL_PROPAGATION=1 turns it back on.
  const partition =
    openmpOn(ctx) && platform().env('BRIAN_PARALLEL_PROPAGATION') === '1'
      ? targetPartition(kernel)
      : undefined;
  const loop = () =>
    w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
      w.line('const int32_t _idx = _due[_k];');
      if (partition) w.line(`if (!_mine(${partition.key})) continue;`);
      emitElementDraws(w, kernel, drawKey(ctx));
      emitBlock(w, kernel.vector, kernel, new Set(declared));
    });
  if (partition) emitTargetShare(w, ctx, `_n >= ${MIN_PARALLEL_EVENTS}`, loop);
  else loop();
}
