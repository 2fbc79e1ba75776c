import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { ptr } from '../emit-block.ts';
import { jsString } from '../escape.ts';

export interface SpikeGeneratorParams {
  /** Size of the group (the spike count sits at this position of the event space). */
  readonly size: number;
  readonly eventspace: string;
  /** Dynamic arrays, sorted by time then index: each spike's neuron and time step. */
  readonly neuronIndex: string;
  readonly timebins: string;
  /** One-element arrays: the period in steps (0: none) and the first spike not yet emitted. */
  readonly periodBins: string;
  readonly lastindex: string;
  /**
   * Two elements: [0] set (≠ 0) by the group when the spikes changed, so that the first step of
   * the run skips spikes of earlier steps; [1] receives how many were skipped (for a warning).
   */
  readonly restart: string;
}

/**
 * Emits the spikes whose time step has come (Brian's `spikegenerator` template): from
 * `_lastindex` on, every spike with a time bin ≤ the current step (modulo the period; the
 * position restarts at 0 when the period begins again). After new spikes were set, the first
 * step starts the position after the spikes of earlier steps (Brian does this in `before_run`,
 * where the start step is known).
 */
export function spikegenerator(w: CodeWriter, kernel: Kernel<SpikeGeneratorParams>): void {
  const p = kernel.params;
  w.line(`const _events = ${ptr(p.eventspace)};`);
  w.line(`const _bins = ${ptr(p.timebins)};`);
  w.line(`const _nbins = _arrays.get(${jsString(p.timebins)}).length;`);
  w.line(`const _neurons = ${ptr(p.neuronIndex)};`);
  w.line(`const _period = ${ptr(p.periodBins)}[0];`);
  w.line(`const _restart = ${ptr(p.restart)};`);
  w.block('if (_restart[0] !== 0)', () => {
    // Brian's before_run after set_spikes: spikes in steps before the run's first are ignored.
    w.line('let _skip = 0;');
    w.line('while (_skip < _nbins && _bins[_skip] < _timestep) _skip++;');
    w.line(`${ptr(p.lastindex)}[0] = _skip;`);
    w.line('_restart[0] = 0;');
    w.line('_restart[1] = _skip;');
  });
  w.line('let _timebin = _timestep;');
  w.line(`let _last = ${ptr(p.lastindex)}[0];`);
  w.block('if (_period > 0)', () => {
    w.line('_timebin %= _period;');
    w.line('if (_last > 0 && _bins[_last - 1] >= _timebin) _last = 0;');
  });
  w.line('let _count = 0;');
  // `_count < size` only guards the event space: the group refuses two spikes of a neuron in one step.
  w.block(`for (let _k = _last; _k < _nbins && _count < ${p.size}; _k++)`, () => {
    w.line('if (_bins[_k] > _timebin) break;');
    w.line('_events[_count++] = _neurons[_k];');
  });
  w.line(`_events[${p.size}] = _count;`);
  w.line(`${ptr(p.lastindex)}[0] = _last + _count;`);
}
