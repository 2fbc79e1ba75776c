import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { ptr } from '../emit-block.ts';
import { jsString } from '../escape.ts';

export interface RateMonitorParams {
  readonly eventspace: string;
  readonly sourceSize: number;
  readonly start: number;
  readonly stop: number;
  readonly times: string;
  readonly rates: string;
}

/** The fraction of the monitored range that spiked in this step, divided by dt. */
export function ratemonitor(w: CodeWriter, kernel: Kernel<RateMonitorParams>): void {
  const p = kernel.params;
  w.line(`const _events = ${ptr(p.eventspace)};`);
  w.line(`const _n = _events[${p.sourceSize}];`);
  w.line('let _inRange = 0;');
  w.block('for (let _k = 0; _k < _n; _k++)', () => {
    w.line('const _idx = _events[_k];');
    w.line(`if (_idx >= ${p.start} && _idx < ${p.stop}) _inRange++;`);
  });
  w.line(`_arrays.get(${jsString(p.times)}).push(t);`);
  // Same operation order as Brian's template (1.0*len(_spikes)/dt/N), so rates are bit-identical.
  w.line(`_arrays.get(${jsString(p.rates)}).push(_inRange / dt / ${p.stop - p.start});`);
}
