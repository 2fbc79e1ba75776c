import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SummedVariableParams } from '../../js/kernels/summed-variable.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { cppLocal, ptr, storageType } from '../names.ts';
import { emitTargetShare, MIN_PARALLEL_EVENTS, openmpOn, targetPartition } from '../openmp.ts';
import { drawKey, stopExpr } from './loops.ts';

/**
 * `x_post = expr : unit (summed)`: the target variable becomes the sum of `expr` over its
 * synapses, in synapse order. With OpenMP, each thread sums into its own share of the targets
 * (openmp.ts), still in synapse order, so the sums are the serial ones to the bit.
 */
export function summed_variable(
  w: CodeWriter,
  kernel: Kernel<SummedVariableParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`${storageType(p.targetType)}* _target = ${ptr(p.target)};`);
  w.line(`for (int32_t _k = ${p.targetStart}; _k < ${stopExpr(p.targetStop, ctx)}; _k++) _target[_k] = 0;`);
  w.line(`const int32_t* _post = ${ptr(p.postIndex)};`);
  w.line(`const int32_t _nsyn = ${sizeExpr(ctx.array(p.postIndex))};`);
  emitBlock(w, kernel.scalar, kernel, declared);
  const partition = ctx.partition;
  const add = (value: string) => w.line(`_target[_post[_idx] + ${p.postOffset}] += ${value};`);
  if (!partition) {
    // Only the vector block's own locals may be assigned and nothing else may be written.
    const parallel =
      openmpOn(ctx) && targetPartition(kernel) !== undefined && kernel.vector.stores.length === 0;
    const loop = () =>
      w.block('for (int32_t _idx = 0; _idx < _nsyn; _idx++)', () => {
        if (parallel) w.line('if (!_mine(_post[_idx])) continue;');
        emitElementDraws(w, kernel, drawKey(ctx));
        emitBlock(w, kernel.vector, kernel, new Set(declared));
        add(cppLocal(p.value));
      });
    if (parallel) emitTargetShare(w, ctx, `_nsyn >= ${MIN_PARALLEL_EVENTS}`, loop);
    else loop();
    return;
  }
  // A distributed program: each process computes its own synapses.
  const count = partition.localSynapseCount?.();
  if (!count) w.line(`const std::vector<int32_t>& _owned = ${partition.synapses()};`);
  const owned = (body: () => void) =>
    w.block(
      count
        ? `for (int32_t _idx = 0; _idx < ${count}; _idx++)`
        : 'for (size_t _k = 0; _k < _owned.size(); _k++)',
      () => {
        if (!count) w.line('const int32_t _idx = _owned[_k];');
        emitElementDraws(w, kernel, drawKey(ctx));
        emitBlock(w, kernel.vector, kernel, new Set(declared));
        body();
      },
    );
  if (partition.sumToSource && count) {
    // Synapses stored apart: the owners of the targets add the terms in global synapse order.
    w.line('static std::vector<double> _terms;');
    w.line(`_terms.resize(${count});`);
    owned(() => w.line(`_terms[_idx] = ${cppLocal(p.value)};`));
    w.line(partition.sumToSource('_terms', '_target'));
    return;
  }
  if (!partition.gatherContributions) {
    // Targets owned with all their synapses: the sums of the owned targets are complete.
    owned(() => add(cppLocal(p.value)));
    return;
  }
  w.line('static std::vector<double> _contributions;');
  w.line('_contributions.resize(_nsyn);');
  owned(() => w.line(`_contributions[_idx] = ${cppLocal(p.value)};`));
  w.line(partition.gatherContributions('_contributions'));
  w.block('for (int32_t _idx = 0; _idx < _nsyn; _idx++)', () => add('_contributions[_idx]'));
}
