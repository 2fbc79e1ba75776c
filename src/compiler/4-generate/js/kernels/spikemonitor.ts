import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';
import { jsString } from '../escape.ts';

export interface SpikeMonitorParams {
  readonly eventspace: string;
  /** Size of the source's parent group (the count sits at this position of the event space). */
  readonly sourceSize: number;
  /** The monitored range of the source (a subgroup): recorded indices are relative to `start`. */
  readonly start: number;
  readonly stop: number;
  /** Dynamic arrays, or undefined with record=false (counts only). */
  readonly times?: string;
  readonly indices?: string;
  readonly count: string;
  readonly recorded: readonly { readonly buffer: string; readonly local: string }[];
}

export function spikemonitor(w: CodeWriter, kernel: Kernel<SpikeMonitorParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const _events = ${ptr(p.eventspace)};`);
  w.line(`const _n = _events[${p.sourceSize}];`);
  w.line('if (_n === 0) return;');
  w.line(`const _count = ${ptr(p.count)};`);
  if (p.times) w.line(`const _times = _arrays.get(${jsString(p.times)});`);
  if (p.indices) w.line(`const _ids = _arrays.get(${jsString(p.indices)});`);
  p.recorded.forEach((r, k) => {
    w.line(`const _buf${k} = _arrays.get(${jsString(r.buffer)});`);
  });
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (let _k = 0; _k < _n; _k++)', () => {
    w.line('const _idx = _events[_k];');
    emitElementDraws(w, kernel, '_idx');
    w.line(`if (_idx < ${p.start} || _idx >= ${p.stop}) continue;`);
    w.line(`_count[_idx - ${p.start}]++;`);
    if (p.times) w.line('_times.push(t);');
    if (p.indices) w.line(`_ids.push(_idx - ${p.start});`);
    if (p.recorded.length > 0) {
      emitBlock(w, kernel.vector, kernel, new Set(declared));
      p.recorded.forEach((r, k) => {
        w.line(`_buf${k}.push(${r.local});`);
      });
    }
  });
}
