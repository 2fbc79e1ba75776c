import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueSynapses, SpikeQueue } from './spike-queue.ts';

/** The synapses due at each of `steps` steps after the source neurons `spiking` fired at step 0. */
function deliveries(queue: SpikeQueue, spiking: number[], steps: number): number[][] {
  const out = new Int32Array(64);
  queue.push(Int32Array.from(spiking), spiking.length);
  const due: number[][] = [];
  for (let s = 0; s < steps; s++) {
    const n = queue.pop(out);
    due.push(dueSynapses(out, n).sort((a, b) => a - b));
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
  it('hands out due rows as [first, end) pairs where synapses are in source order with one delay', () => {
    // rows: source 0 → synapses 0–1, source 1 → none, source 2 → 2–5
    const rows = SpikeQueue.build([0, 0, 2, 2, 2, 2], 3, [0, 0, 0, 0, 0, 0]);
    const out = new Int32Array(7);
    rows.push(Int32Array.from([2, 1, 0]), 3);
    const n = rows.pop(out);
    assert.equal(n, -2, 'two rows (the empty one left out), in push order');
    assert.deepEqual(Array.from(out.subarray(0, 4)), [2, 6, 0, 2]);
    assert.deepEqual(dueSynapses(out, n), [2, 3, 4, 5, 0, 1]);
    // Fewer than 2 synapses per row on average, or out of source order: a list.
    const single = SpikeQueue.build([0, 1, 2], 3, [0, 0, 0]);
    const list = new Int32Array(4);
    single.push(Int32Array.from([2, 0]), 2);
    assert.equal(single.pop(list), 2);
    assert.deepEqual(Array.from(list.subarray(0, 2)), [2, 0]);
    const unordered = SpikeQueue.build([2, 0, 2, 0], 3, [0, 0, 0, 0]);
    unordered.push(Int32Array.from([0]), 1);
    assert.equal(unordered.pop(list), 2);
    assert.deepEqual(Array.from(list.subarray(0, 2)), [1, 3]);
    // The pathway's buffer has a place per synapse and one for the count: with 2 or more
    // synapses per row, the pairs of every source fit before the count.
    const full = SpikeQueue.build([0, 0, 1, 1, 1], 2, [0, 0, 0, 0, 0]);
    const buffer = new Int32Array(6);
    full.push(Int32Array.from([1, 0]), 2);
    assert.equal(full.pop(buffer), -2);
    assert.deepEqual(Array.from(buffer.subarray(0, 4)), [2, 5, 0, 2]);
  });
});
