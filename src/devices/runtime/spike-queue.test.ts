import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpikeQueue } from './spike-queue.ts';

/** The synapses due at each of `steps` steps after the source neurons `spiking` fired at step 0. */
function deliveries(queue: SpikeQueue, spiking: number[], steps: number): number[][] {
  const out = new Int32Array(64);
  queue.push(Int32Array.from(spiking), spiking.length);
  const due: number[][] = [];
  for (let s = 0; s < steps; s++) {
    const n = queue.pop(out);
    due.push(Array.from(out.subarray(0, n)).sort((a, b) => a - b));
  }
  return due;
}

describe('SpikeQueue', () => {
  it('delivers the rows of spiking neurons, synapses in source order or not', () => {
    // synapse s goes from source sources[s]
    const ordered = SpikeQueue.build([0, 0, 1, 2, 2, 2], 3, [1, 1, 1, 1, 1, 1]);
    assert.deepEqual(deliveries(ordered, [2, 0], 3), [[], [0, 1, 3, 4, 5], []]);
    const shuffled = SpikeQueue.build([2, 0, 1, 0, 2, 2], 3, [1, 1, 1, 1, 1, 1]);
    assert.deepEqual(deliveries(shuffled, [2, 0], 3), [[], [0, 1, 3, 4, 5], []]);
    assert.deepEqual(deliveries(shuffled, [1], 2), [[], [2]]);
  });
  it('delivers each synapse after its own delay, synapses in source order or not', () => {
    const ordered = SpikeQueue.build([0, 0, 1, 1], 2, [0, 2, 1, 2]);
    assert.equal(ordered.homogeneous, false);
    assert.deepEqual(deliveries(ordered, [0, 1], 3), [[0], [2], [1, 3]]);
    const shuffled = SpikeQueue.build([1, 0, 1, 0], 2, [0, 2, 1, 2]);
    assert.deepEqual(deliveries(shuffled, [0], 3), [[], [], [1, 3]]);
    assert.deepEqual(deliveries(shuffled, [1], 3), [[0], [2], []]);
  });
});
