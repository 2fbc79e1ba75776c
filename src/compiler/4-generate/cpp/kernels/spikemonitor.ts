import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SpikeMonitorParams } from '../../js/kernels/spikemonitor.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { cppLocal, ptr } from '../names.ts';

/** Appends the spikes of the monitored range (times, relative indices, recorded values) and counts them. */
export function spikemonitor(
  w: CodeWriter,
  kernel: Kernel<SpikeMonitorParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`const int32_t* _events = ${ptr(p.eventspace)};`);
  w.line(`const int32_t _n = _events[${p.sourceSize}];`);
  w.line('if (_n == 0) return;');
  w.line(`int32_t* _count = ${ptr(p.count)};`);
  if (p.times) w.line(`auto& _times = ${ctx.array(p.times).name};`);
  if (p.indices) w.line(`auto& _ids = ${ctx.array(p.indices).name};`);
  p.recorded.forEach((r, k) => {
    w.line(`auto& _buf${k} = ${ctx.array(r.buffer).name};`);
  });
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
    w.line('const int32_t _idx = _events[_k];');
    emitElementDraws(w, kernel, '_idx');
    w.line(`if (_idx < ${p.start} || _idx >= ${p.stop}) continue;`);
    w.line(`_count[_idx - ${p.start}]++;`);
    if (p.times) w.line('_times.push_back(t);');
    if (p.indices) w.line(`_ids.push_back(_idx - ${p.start});`);
    if (p.recorded.length > 0) {
      emitBlock(w, kernel.vector, kernel, new Set(declared));
      p.recorded.forEach((r, k) => {
        w.line(`_buf${k}.push_back(${cppLocal(r.local)});`);
      });
    }
  });
}
