import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';
import { jsString } from '../escape.ts';

export interface StateMonitorParams {
  /** Absolute indices of the recorded elements. */
  readonly indices: string;
  /** Dynamic array of recording times. */
  readonly times: string;
  /** One dynamic array per recorded variable, row-major (time × recorded element), and the local holding the value. */
  readonly recorded: readonly { readonly buffer: string; readonly local: string }[];
  /**
   * When the monitor has its own clock: a static array `[t, dt, timestep]` of the source's clock,
   * filled before each call. The values (e.g. a subexpression `tnow = t`) are then computed with
   * the source's time, as Brian's group variables `t`/`dt` belong to the group's clock, while the
   * recorded sample time stays the monitor's `t`.
   */
  readonly sourceClock?: string;
}

export function statemonitor(w: CodeWriter, kernel: Kernel<StateMonitorParams>, declared: Set<string>): void {
  const p = kernel.params;
  w.line(`const _indices = ${ptr(p.indices)};`);
  w.line('const _n = _indices.length;');
  w.line(`const _times = _arrays.get(${jsString(p.times)});`);
  w.line('const _row = _times.length;');
  w.line('_times.push(t);');
  p.recorded.forEach((r, k) => {
    w.line(`const _buf${k} = _arrays.get(${jsString(r.buffer)});`);
    w.line(`_buf${k}.resize((_row + 1) * _n);`);
    w.line(`const _rec${k} = _buf${k}.data;`);
  });
  const body = () => {
    emitBlock(w, kernel.scalar, kernel, declared);
    w.block('for (let _k = 0; _k < _n; _k++)', () => {
      w.line('const _idx = _indices[_k];');
      emitElementDraws(w, kernel, '_idx');
      emitBlock(w, kernel.vector, kernel, new Set(declared));
      p.recorded.forEach((r, k) => {
        w.line(`_rec${k}[_row * _n + _k] = ${r.local};`);
      });
    });
  };
  if (p.sourceClock === undefined) {
    body();
    return;
  }
  w.line('{');
  w.indent(() => {
    w.line(`const _source_clock = _arrays.get(${jsString(p.sourceClock!)}).data;`);
    w.line('const t = _source_clock[0], dt = _source_clock[1], _timestep = _source_clock[2];');
    body();
  });
  w.line('}');
}
