import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { RateMonitorParams } from '../../js/kernels/ratemonitor.ts';
import type { CppKernelContext } from '../context.ts';

/** The fraction of the monitored range that spiked in this step, divided by dt (Brian's operation order). */
export function ratemonitor(
  w: CodeWriter,
  kernel: Kernel<RateMonitorParams>,
  _declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`const int32_t* _events = ${ctx.array(p.eventspace).name};`);
  w.line(`const int32_t _n = _events[${p.sourceSize}];`);
  w.line('int32_t _inRange = 0;');
  w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
    w.line('const int32_t _idx = _events[_k];');
    w.line(`if (_idx >= ${p.start} && _idx < ${p.stop}) _inRange++;`);
  });
  w.line(`${ctx.array(p.times).name}.push_back(t);`);
  w.line(`${ctx.array(p.rates).name}.push_back((double)_inRange / dt / ${p.stop - p.start});`);
}
