import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { RangeParams } from '../../js/kernels/loops.ts';
import { type CppKernelContext, type KernelPartition, sizeExpr } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { emitChosenLoop, threadsClause } from '../openmp.ts';
import { elementsIndependent, iterationsIndependent } from '../parallel.ts';
import { emitTeamRange, teamKernel } from '../team.ts';

export function stopExpr(stop: RangeParams['stop'], ctx: CppKernelContext): string {
  return typeof stop === 'number' ? String(stop) : sizeExpr(ctx.array(stop.sizeOf));
}

/** `for (_idx in range) { [condition; if (_cond)] vector }`, the body shared by several kernels. */
export function emitElementLoop(
  w: CodeWriter,
  kernel: Kernel,
  range: RangeParams,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  if (ctx.partition) {
    emitOwnedLoop(w, kernel, range, declared, ctx, ctx.partition);
    return;
  }
  w.line(`const int32_t _stop = ${stopExpr(range.stop, ctx)};`);
  const loop = () =>
    w.block(`for (int32_t _idx = ${range.start}; _idx < _stop; _idx++)`, () => {
      emitConditionalVector(w, kernel, new Set(declared), drawKey(ctx));
    });
  if (teamKernel(kernel, ctx)) {
    // Every thread of the step's region updates its own block, then waits for the others (team.ts).
    emitTeamRange(w, String(range.start), '_stop');
    w.line('#pragma omp simd');
    w.block('for (int32_t _idx = _lo; _idx < _hi; _idx++)', () => {
      emitConditionalVector(w, kernel, new Set(declared), drawKey(ctx));
    });
    w.line('#pragma omp barrier');
    return;
  }
  if (ctx.openmp && elementsIndependent(kernel)) {
    // Both copies vectorised alike (omp simd), so the choice cannot change a result.
    emitChosenLoop(
      w,
      `_stop - ${range.start}`,
      () => {
        w.line(`#pragma omp parallel for simd schedule(static)${threadsClause(ctx)}`);
        loop();
      },
      () => {
        w.line('#pragma omp simd');
        loop();
      },
    );
    return;
  }
  if (iterationsIndependent(kernel)) w.line('#pragma GCC ivdep');
  loop();
}

/** The key of element `_idx`'s random draws: the global synapse number where synapses are stored locally. */
export function drawKey(ctx: CppKernelContext, idx = '_idx'): string {
  return ctx.localSynapses ? ctx.localSynapses.key(idx) : idx;
}

/** A distributed program's loop: the owned block of a neuron range, or the owned synapses. */
function emitOwnedLoop(
  w: CodeWriter,
  kernel: Kernel,
  range: RangeParams,
  declared: Set<string>,
  ctx: CppKernelContext,
  partition: KernelPartition,
): void {
  const pragma = () => {
    if (ctx.openmp && elementsIndependent(kernel))
      w.line(`#pragma omp parallel for simd schedule(static)${threadsClause(ctx)}`);
    else if (iterationsIndependent(kernel)) w.line('#pragma GCC ivdep');
  };
  if (typeof range.stop === 'number') {
    const own = partition.neurons(String(range.start), String(range.stop));
    w.line(`const int32_t _start = ${own.start}, _stop = ${own.stop};`);
    pragma();
    w.block('for (int32_t _idx = _start; _idx < _stop; _idx++)', () => {
      emitConditionalVector(w, kernel, new Set(declared), drawKey(ctx));
    });
    return;
  }
  if (partition.localSynapseCount) {
    w.line(`const int32_t _nlocal = ${partition.localSynapseCount()};`);
    pragma();
    w.block('for (int32_t _idx = 0; _idx < _nlocal; _idx++)', () => {
      emitConditionalVector(w, kernel, new Set(declared), drawKey(ctx));
    });
    return;
  }
  w.line(`const std::vector<int32_t>& _owned = ${partition.synapses()};`);
  w.line('const int32_t _nowned = (int32_t)_owned.size();');
  pragma();
  w.block('for (int32_t _k = 0; _k < _nowned; _k++)', () => {
    w.line('const int32_t _idx = _owned[_k];');
    emitConditionalVector(w, kernel, new Set(declared), drawKey(ctx));
  });
}

/** The per-element part: the optional condition block guarding the vector block. */
export function emitConditionalVector(
  w: CodeWriter,
  kernel: Kernel,
  declared: Set<string>,
  key = '_idx',
): void {
  emitElementDraws(w, kernel, key);
  if (kernel.condition) {
    emitBlock(w, kernel.condition, kernel, declared);
    w.block('if (_cond)', () => emitBlock(w, kernel.vector, kernel, new Set(declared)));
  } else {
    emitBlock(w, kernel.vector, kernel, declared);
  }
}
