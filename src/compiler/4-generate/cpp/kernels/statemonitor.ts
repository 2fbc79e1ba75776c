import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { StateMonitorParams } from '../../js/kernels/statemonitor.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { cppLocal, ptr, storageType } from '../names.ts';

/** Appends one row (time × recorded element) to each recorded variable's buffer and the time to `t`. */
export function statemonitor(
  w: CodeWriter,
  kernel: Kernel<StateMonitorParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`const int32_t* _indices = ${ptr(p.indices)};`);
  w.line(`const int32_t _n = ${sizeExpr(ctx.array(p.indices))};`);
  w.line(`auto& _times = ${ctx.array(p.times).name};`);
  w.line('const size_t _row = _times.size();');
  w.line('_times.push_back(t);');
  p.recorded.forEach((r, k) => {
    const ref = ctx.array(r.buffer);
    w.line(`${ref.name}.resize((_row + 1) * (size_t)_n);`);
    w.line(`${storageType(ref.type)}* _rec${k} = ${ref.name}.data();`);
  });
  const body = () => {
    emitBlock(w, kernel.scalar, kernel, declared);
    w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
      const local = ctx.localSynapses;
      if (local) {
        // Synapses stored apart: each process records those it holds (the others' stay zero).
        w.line(
          `if (_indices[_k] < 0 || _indices[_k] >= ${local.count()}) _brian_fail("index_out_of_range", "StateMonitor: a recorded synapse index is outside the synapses.");`,
        );
        w.line(`const int64_t _at = ${local.localOf('_indices[_k]')};`);
        w.line('if (_at < 0) continue;');
        w.line('const int32_t _idx = (int32_t)_at;');
      } else {
        w.line('const int32_t _idx = _indices[_k];');
      }
      emitElementDraws(w, kernel, local ? '_indices[_k]' : '_idx');
      emitBlock(w, kernel.vector, kernel, new Set(declared));
      p.recorded.forEach((r, k) => {
        w.line(`_rec${k}[_row * _n + _k] = ${cppLocal(r.local)};`);
      });
    });
  };
  if (p.sourceClock === undefined) {
    body();
    return;
  }
  // The source's variables (and `t` in its subexpressions) belong to the source's clock.
  w.block('', () => {
    w.line(`const double* _source_clock = ${ctx.array(p.sourceClock!).name};`);
    w.line('const double t = _source_clock[0], dt = _source_clock[1];');
    w.line('const int64_t _timestep = (int64_t)_source_clock[2];');
    w.line('(void)t; (void)dt; (void)_timestep;');
    body();
  });
}
