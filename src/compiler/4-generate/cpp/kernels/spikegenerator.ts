import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SpikeGeneratorParams } from '../../js/kernels/spikegenerator.ts';
import { type CppKernelContext, sizeExpr } from '../context.ts';
import { ptr } from '../names.ts';

/** Emits the spikes whose time step has come (Brian's `spikegenerator`), as the JavaScript emitter. */
export function spikegenerator(
  w: CodeWriter,
  kernel: Kernel<SpikeGeneratorParams>,
  _declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  w.line(`int32_t* _events = ${ptr(p.eventspace)};`);
  w.line(`const int32_t* _bins = ${ptr(p.timebins)};`);
  w.line(`const int32_t _nbins = ${sizeExpr(ctx.array(p.timebins))};`);
  w.line(`const int32_t* _neurons = ${ptr(p.neuronIndex)};`);
  w.line(`const int64_t _period = ${ptr(p.periodBins)}[0];`);
  w.line(`int32_t* _restart = ${ptr(p.restart)};`);
  w.block('if (_restart[0] != 0)', () => {
    w.line('int32_t _skip = 0;');
    w.line('while (_skip < _nbins && _bins[_skip] < _timestep) _skip++;');
    w.line(`${ptr(p.lastindex)}[0] = _skip;`);
    w.line('_restart[0] = 0;');
    w.line('_restart[1] = _skip;');
  });
  w.line('int64_t _timebin = _timestep;');
  w.line(`int32_t _last = ${ptr(p.lastindex)}[0];`);
  w.block('if (_period > 0)', () => {
    w.line('_timebin %= _period;');
    w.line('if (_last > 0 && _bins[_last - 1] >= _timebin) _last = 0;');
  });
  w.line('int32_t _count = 0;');
  w.block(`for (int32_t _k = _last; _k < _nbins && _count < ${p.size}; _k++)`, () => {
    w.line('if (_bins[_k] > _timebin) break;');
    w.line('_events[_count++] = _neurons[_k];');
  });
  w.line(`_events[${p.size}] = _count;`);
  w.line(`${ptr(p.lastindex)}[0] = _last + _count;`);
}
