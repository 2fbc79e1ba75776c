import assert from 'node:assert/strict';
import { stepOf } from '../core/support.ts';

/** Helpers shared by the ports of Brian's example scripts (not a test file itself). */

/** Every `stride`-th sample of a trace (samples 0, stride, 2*stride, …), as the references keep them. */
export function strided(trace: ArrayLike<number>, stride: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < trace.length; k += stride) out.push(trace[k]);
  return out;
}

/** What a reference records of a SpikeMonitor: counts per neuron, then indices and times in order. */
interface RecordedSpikes {
  readonly spike_count: readonly number[];
  readonly spike_i: readonly number[];
  readonly spike_t: readonly number[];
}

/**
 * The monitor's spikes are the reference's, neuron by neuron and step by step: the same counts,
 * the same indices in the same order, each at the same time step (`dt` in seconds). `atLeast`
 * makes sure the reference has spikes to compare.
 */
export function assertSameSpikes(
  monitor: { readonly count: ArrayLike<number>; readonly i: ArrayLike<number>; readonly t_: Float64Array },
  recorded: RecordedSpikes,
  dt: number,
  atLeast: number,
): void {
  assert.deepEqual(Array.from(monitor.count), recorded.spike_count);
  assert.ok(recorded.spike_i.length > atLeast, `the reference has more than ${atLeast} spikes`);
  assert.deepEqual(Array.from(monitor.i), recorded.spike_i);
  assert.deepEqual(
    Array.from(monitor.t_, (t) => stepOf(t, dt)),
    recorded.spike_t.map((t) => stepOf(t, dt)),
  );
}
