/**
 * Brian 2's test_spikegenerator.py, translated (test names kept).
 * Skipped: none. Brian's `@pytest.mark.long` tests are translated too (they take seconds here).
 */
import assert from 'node:assert/strict';
import {
  catchLogs,
  defaultclock,
  ms,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  restore,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  schedulePropagationOffset,
  second,
  store,
} from '../../src/index.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';
import { assertAllclose, assertEqual } from './assertions.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_spikegenerator.py');

const msArray = (values: readonly number[]) => QuantityArray.from(values, ms);

/** Brian's `_compare_spikes`: per neuron, the given spike times against the recorded ones in [start, end). */
function compareSpikes(
  N: number,
  indices: readonly number[],
  times: readonly number[],
  recorded: SpikeMonitor,
  startTime = 0,
  endTime = 1e100,
): void {
  const recordedI = recorded.i;
  const recordedT = recorded.t_;
  for (let idx = 0; idx < N; idx++) {
    const generator = times.filter((_, k) => indices[k] === idx).sort((a, b) => a - b);
    const got: number[] = [];
    for (let k = 0; k < recordedI.length; k++) {
      const t = recordedT[k];
      if (recordedI[k] === idx && t >= startTime && t < endTime) got.push(t);
    }
    got.sort((a, b) => a - b);
    assert.equal(
      got.length,
      generator.length,
      `neuron ${idx}: ${got.length} spikes, expected ${generator.length}`,
    );
    assertAllclose(got, generator, { message: `spike times of neuron ${idx}` });
  }
}

/** The trace of element `idx` where `mask(t)` holds. */
function where(mon: StateMonitor, idx: number, variable: string, mask: (t: number) => boolean): number[] {
  const trace: QuantityArray = mon.at(idx)[variable];
  const t = mon.t_;
  return Array.from(trace.values).filter((_, k) => mask(t[k]));
}

brianTest('test_spikegenerator_connected', { standalone: true }, () => {
  // Test that `SpikeGeneratorGroup` connects properly.
  const G = new NeuronGroup(10, 'v:1');
  const mon = new StateMonitor(G, 'v', { record: true, when: 'end' });
  const indices = [3, 2, 1, 1, 4, 5];
  const times = msArray([6, 5, 4, 3, 3, 1]);
  const SG = new SpikeGeneratorGroup(10, indices, times);
  const S = new Synapses(SG, G, { onPre: 'v+=1' });
  S.connect({ j: 'i' });
  run(ms(7));
  // The following neurons should not receive any spikes
  for (const idx of [0, 6, 7, 8, 9]) assert.ok(where(mon, idx, 'v', () => true).every((v) => v === 0));
  const offset = schedulePropagationOffset().value;
  // The following neurons should receive a single spike
  for (const [idx, time] of [
    [2, 5e-3],
    [3, 6e-3],
    [4, 3e-3],
    [5, 1e-3],
  ]) {
    assert.ok(where(mon, idx, 'v', (t) => t < time + offset).every((v) => v === 0));
    assert.ok(where(mon, idx, 'v', (t) => t >= time + offset).every((v) => v === 1));
  }
  // This neuron receives two spikes
  assert.ok(where(mon, 1, 'v', (t) => t < 3e-3 + offset).every((v) => v === 0));
  assert.ok(where(mon, 1, 'v', (t) => t >= 3e-3 + offset && t < 4e-3 + offset).every((v) => v === 1));
  assert.ok(where(mon, 1, 'v', (t) => t >= 4e-3 + offset).every((v) => v === 2));
});

const basicIndices = [3, 2, 1, 1, 2, 3, 3, 2, 1];
const basicTimes = [1, 4, 4, 3, 2, 4, 2, 3, 2].map((t) => t * 1e-3);

brianTest('test_spikegenerator_basic', { standalone: true }, () => {
  // Basic test for `SpikeGeneratorGroup`.
  const SG = new SpikeGeneratorGroup(
    5,
    basicIndices,
    new QuantityArray(Float64Array.from(basicTimes), second.dim),
  );
  const sMon = new SpikeMonitor(SG);
  run(ms(5));
  compareSpikes(5, basicIndices, basicTimes, sMon);
});

const sortedIndices = [3, 1, 2, 3, 1, 2, 1, 2, 3];
const sortedTimes = [1, 2, 2, 2, 3, 3, 4, 4, 4].map((t) => t * 1e-3);

brianTest('test_spikegenerator_basic_sorted', { standalone: true }, () => {
  // Basic test for `SpikeGeneratorGroup` with already sorted spike events.
  const SG = new SpikeGeneratorGroup(
    5,
    sortedIndices,
    new QuantityArray(Float64Array.from(sortedTimes), second.dim),
  );
  const sMon = new SpikeMonitor(SG);
  run(ms(5));
  compareSpikes(5, sortedIndices, sortedTimes, sMon);
});

brianTest('test_spikegenerator_basic_sorted_with_sorted', { standalone: true }, () => {
  // Basic test for `SpikeGeneratorGroup` with already sorted spike events.
  const SG = new SpikeGeneratorGroup(
    5,
    sortedIndices,
    new QuantityArray(Float64Array.from(sortedTimes), second.dim),
    {
      sorted: true,
    },
  );
  const sMon = new SpikeMonitor(SG);
  run(ms(5));
  compareSpikes(5, sortedIndices, sortedTimes, sMon);
});

brianTest('test_spikegenerator_period', { standalone: true }, () => {
  // Basic test for `SpikeGeneratorGroup`.
  const SG = new SpikeGeneratorGroup(
    5,
    basicIndices,
    new QuantityArray(Float64Array.from(basicTimes), second.dim),
    {
      period: ms(5),
    },
  );
  const sMon = new SpikeMonitor(SG);
  run(ms(10));
  compareSpikes(
    5,
    [...basicIndices, ...basicIndices],
    [...basicTimes, ...basicTimes.map((t) => t + 5e-3)],
    sMon,
  );
});

brianTest('test_spikegenerator_extreme_period', {}, () => {
  // Basic test for `SpikeGeneratorGroup`.
  const SG = new SpikeGeneratorGroup(5, [0, 1, 2], msArray([0, 1, 2]), { period: second(1e6) });
  const sMon = new SpikeMonitor(SG);
  const l = catchLogs(() => run(ms(10))).records;
  assertEqual(sMon.i, [0, 1, 2]);
  assertAllclose(sMon.t, msArray([0, 1, 2]));
  assert.ok(l.length === 1 && l[0].name.endsWith('spikegenerator_long_period'));
});

brianTest('test_spikegenerator_period_rounding', { standalone: true }, () => {
  // See discussion in PR #1042: the last spike falls into the time step *after* 1 ms.
  assert.throws(
    () => new SpikeGeneratorGroup(1, [0, 0, 0], msArray([0, 0.9, 0.99999]), { period: ms(1), dt: ms(0.1) }),
    { code: 'bad_argument' },
  );
  // This should also raise a ValueError, since the last two spikes fall into the same bin
  const s = new SpikeGeneratorGroup(1, [0, 0, 0], msArray([0, 0.9, 0.96]), { period: ms(1), dt: ms(0.1) });
  const net = new Network(s);
  assert.throws(() => net.run(ms(0)), { code: 'duplicate_spikes' });
});

brianTest('test_spikegenerator_period_repeat', {}, () => {
  // Basic test for `SpikeGeneratorGroup`.
  const indices = new Array(10).fill(0);
  const times = msArray(Array.from({ length: 10 }, (_, k) => k * 0.1));
  const SG = new SpikeGeneratorGroup(1, indices, times, { period: ms(1) });
  const sMon = new SpikeMonitor(SG);
  const net = new Network(SG, sMon);
  const rate = new PopulationRateMonitor(SG);
  void rate; // created but, as in Brian, not part of the network
  for (let idx = 0; idx < 5; idx++) {
    net.run(ms(1));
    assert.equal((idx + 1) * SG.spike_time.length, sMon.num_spikes);
  }
});

brianTest('test_spikegenerator_change_spikes', { standalone: true, multipleRuns: true }, (ctx) => {
  const times1 = basicTimes;
  const SG = new SpikeGeneratorGroup(
    5,
    basicIndices,
    new QuantityArray(Float64Array.from(times1), second.dim),
  );
  const sMon = new SpikeMonitor(SG);
  const net = new Network(SG, sMon);
  net.run(ms(5));

  const indices2 = [3, 2, 1, 1, 2, 3, 3, 2, 1, 3, 3, 3, 1, 2];
  const times2 = [1, 4, 4, 3, 2, 4, 2, 3, 2, 4.5, 4.7, 4.8, 4.5, 4.7].map((t) => t * 1e-3 + 5e-3);
  SG.setSpikes(indices2, new QuantityArray(Float64Array.from(times2), second.dim));
  net.run(ms(5));

  const indices3 = [4, 1, 0];
  const times3 = [1, 3, 4].map((t) => t * 1e-3 + 10e-3);
  SG.setSpikes(indices3, new QuantityArray(Float64Array.from(times3), second.dim));
  net.run(ms(5));
  ctx.build();
  compareSpikes(5, basicIndices, times1, sMon, 0, 5e-3);
  compareSpikes(5, indices2, times2, sMon, 5e-3, 10e-3);
  compareSpikes(5, indices3, times3, sMon, 10e-3);
});

brianTest('test_spikegenerator_change_period', { standalone: true, multipleRuns: true }, (ctx) => {
  // Basic test for `SpikeGeneratorGroup`.
  const SG = new SpikeGeneratorGroup(
    5,
    basicIndices,
    new QuantityArray(Float64Array.from(basicTimes), second.dim),
    {
      period: ms(5),
    },
  );
  const sMon = new SpikeMonitor(SG);
  const net = new Network(SG, sMon);
  net.run(ms(10));

  const indices2 = [3, 2, 1, 1, 2, 3, 3, 2, 1, 3, 3, 3, 1, 2];
  const times2 = [1, 4, 4, 3, 2, 4, 2, 3, 2, 4.5, 4.7, 4.8, 4.5, 4.7].map((t) => t * 1e-3 + 10e-3);
  SG.setSpikes(indices2, new QuantityArray(Float64Array.from(times2), second.dim));
  net.run(ms(10)); // period should no longer be in effect
  ctx.build();

  compareSpikes(
    5,
    [...basicIndices, ...basicIndices],
    [...basicTimes, ...basicTimes.map((t) => t + 5e-3)],
    sMon,
    0,
    10e-3,
  );
  compareSpikes(5, indices2, times2, sMon, 10e-3);
});

brianTest('test_spikegenerator_incorrect_values', {}, () => {
  assert.throws(() => new SpikeGeneratorGroup(0, [], msArray([])), { code: 'bad_argument' });
  // Floating point value for N
  assert.throws(() => new SpikeGeneratorGroup(1.5, [], msArray([])), { code: 'bad_argument' });
  // Negative index
  assert.throws(() => new SpikeGeneratorGroup(5, [0, 3, -1], msArray([0, 1, 2])), {
    code: 'index_out_of_range',
  });
  // Too high index
  assert.throws(() => new SpikeGeneratorGroup(5, [0, 5, 1], msArray([0, 1, 2])), {
    code: 'index_out_of_range',
  });
  // Negative time
  assert.throws(() => new SpikeGeneratorGroup(5, [0, 1, 2], msArray([0, -1, 2])), { code: 'bad_argument' });
});

brianTest('test_spikegenerator_incorrect_period', {}, () => {
  // Test that you cannot provide incorrect period arguments or combine inconsistent period and dt arguments.
  const none = msArray([]);
  // Period is negative
  assert.throws(() => new SpikeGeneratorGroup(1, [], none, { period: ms(-1) }), { code: 'bad_argument' });
  // Period is smaller than the highest spike time
  assert.throws(() => new SpikeGeneratorGroup(1, [0], msArray([2]), { period: ms(1) }), {
    code: 'bad_argument',
  });
  // Period is not an integer multiple of dt (Brian: NotImplementedError)
  for (const period of [1.25, 0.101, 3.333]) {
    const SG = new SpikeGeneratorGroup(1, [], none, { period: ms(period), dt: ms(0.1) });
    const net = new Network(SG);
    assert.throws(() => net.run(ms(0)), { code: 'bad_argument' });
  }
  // This should not raise an error (see #1041)
  let SG = new SpikeGeneratorGroup(1, [], none, { period: ms(150), dt: ms(0.1) });
  let net = new Network(SG);
  net.run(ms(0));

  // Period is smaller than dt
  SG = new SpikeGeneratorGroup(1, [], none, { period: ms(1), dt: ms(2) });
  net = new Network(SG);
  assert.throws(() => net.run(ms(0)), { code: 'bad_argument' });
});

brianTest('test_spikegenerator_rounding', {}, () => {
  // all spikes should fall into the first time bin
  let indices = Array.from({ length: 100 }, (_, k) => k);
  let times = msArray(Array.from({ length: 100 }, (_, k) => (k * 0.1) / 100));
  let SG = new SpikeGeneratorGroup(100, indices, times, { dt: ms(0.1) });
  const mon = new SpikeMonitor(SG);
  let net = new Network(SG, mon);
  net.run(ms(0.1));
  assertEqual(mon.count, new Array(100).fill(1));

  // all spikes should fall in separate bins
  const dt = ms(0.1);
  indices = new Array(10000).fill(0);
  times = new QuantityArray(
    Float64Array.from({ length: 10000 }, (_, k) => k * dt.value),
    second.dim,
  );
  SG = new SpikeGeneratorGroup(1, indices, times, { dt });
  const target = new NeuronGroup(1, 'count : 1', { threshold: 'True', reset: 'count=0' }); // set count to zero at every time step
  const syn = new Synapses(SG, target, { onPre: 'count+=1' });
  syn.connect();
  const smon = new StateMonitor(target, 'count', { record: 0, when: 'end' });
  net = new Network(SG, target, syn, smon);
  // change the schedule so that resets are processed before synapses
  net.schedule = ['start', 'groups', 'thresholds', 'resets', 'synapses', 'end'];
  net.run(dt.mul(10000) as Quantity);
  assertEqual(smon.at(0).count, new Array(10000).fill(1));
});

/** Both `long` tests: a spike in every step, counted through a synapse. */
function everyStep(N: number, repeats: number, period: boolean) {
  const dt = ms(0.1);
  const indices = new Array(N).fill(0);
  const times = new QuantityArray(
    Float64Array.from({ length: N }, (_, k) => k * dt.value),
    second.dim,
  );
  const SG = new SpikeGeneratorGroup(1, indices, times, {
    dt,
    ...(period ? { period: dt.mul(N) as Quantity } : {}),
  });
  const target = new NeuronGroup(1, 'count : 1');
  const syn = new Synapses(SG, target, { onPre: 'count+=1' });
  syn.connect();
  const spikes = new SpikeMonitor(SG);
  const mon = new StateMonitor(target, 'count', { record: 0, when: 'end' });
  run(dt.mul(N * repeats) as Quantity);
  return { spikes, mon };
}

function increasesByOne(values: ArrayLike<number>): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] - values[k - 1] !== 1) return false;
  return true;
}

brianTest('test_spikegenerator_rounding_long', { standalone: true }, () => {
  // all spikes should fall in separate bins
  const N = 1000000;
  const { spikes, mon } = everyStep(N, 1, false);
  assert.equal(spikes.count[0], N, `expected ${N} spikes, got ${spikes.count[0]}`);
  assert.ok(increasesByOne(mon.at(0).count.values));
});

brianTest('test_spikegenerator_rounding_period', { standalone: true }, () => {
  // all spikes should fall in separate bins
  const N = 100;
  const repeats = 10000;
  const { spikes, mon } = everyStep(N, repeats, true);
  assertEqual(spikes.count[0], N * repeats);
  assert.ok(increasesByOne(mon.at(0).count.values));
});

brianTest('test_spikegenerator_multiple_spikes_per_bin', {}, () => {
  // Multiple spikes per bin are of course fine if they don't belong to the same neuron
  let SG = new SpikeGeneratorGroup(2, [0, 1], msArray([0, 0.05]), { dt: ms(0.1) });
  let net = new Network(SG);
  net.run(ms(0));

  // This should raise an error
  SG = new SpikeGeneratorGroup(2, [0, 0], msArray([0, 0.05]), { dt: ms(0.1) });
  net = new Network(SG);
  assert.throws(() => net.run(ms(0)), { code: 'duplicate_spikes' });

  // More complicated scenario where dt changes between runs
  defaultclock.dt = ms(0.1);
  SG = new SpikeGeneratorGroup(2, [0, 0], msArray([0.05, 0.15]));
  net = new Network(SG);
  net.run(ms(0)); // all is fine
  defaultclock.dt = ms(0.2); // Now the two spikes fall into the same bin
  assert.throws(() => net.run(ms(0)), { code: 'duplicate_spikes' });
});

brianTest('test_spikegenerator_multiple_runs', { standalone: true, multipleRuns: true }, (ctx) => {
  const indices = new Array(5).fill(0);
  const times = msArray([0, 1, 2, 3, 4]);
  const spikeGen = new SpikeGeneratorGroup(1, indices, times); // all good
  const spikeMon = new SpikeMonitor(spikeGen);
  run(ms(5));
  // Setting the same spike times again should not do anything, since they are
  // before the start of the current simulation
  spikeGen.setSpikes(indices, times);
  // however, a warning should be raised
  const l = catchLogs(() => {
    run(ms(5));
    ctx.build();
  }).records;
  assert.ok(l.length === 1 && l[0].name.endsWith('ignored_spikes'));
  assert.equal(spikeMon.num_spikes, 5);
});

brianTest('test_spikegenerator_restore', {}, () => {
  // Check whether SpikeGeneratorGroup works with store/restore. See github issue #1084
  const gen = new SpikeGeneratorGroup(1, [0, 0, 0], msArray([0, 1, 2]));
  const mon = new SpikeMonitor(gen);
  store();
  run(ms(3));
  assertEqual(mon.i, [0, 0, 0]);
  assertAllclose(mon.t, msArray([0, 1, 2]));
  restore();
  run(ms(3));
  assertEqual(mon.i, [0, 0, 0]);
  assertAllclose(mon.t, msArray([0, 1, 2]));
});
