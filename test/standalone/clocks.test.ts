import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultclock, ms, Network, NeuronGroup, run, SpikeMonitor, StateMonitor } from '../../src/index.ts';
import { QuantityArray } from '../../src/units/quantity-array.ts';
import { onEachDeviceBuilt, STANDALONE_SKIP } from './devices.ts';

/**
 * Several clocks in one run (a monitor with its own dt, run_regularly every 0.25 ms, a group with
 * dt 0.05 ms) and a dt change between runs: the compiled loop advances the clocks as the
 * runtime's does, and a monitor with its own clock sees the source clock's time.
 */
function clocks() {
  const G = new NeuronGroup(3, 'dv/dt = (2 - v)/(5*ms) : 1\ntnow = t : second\nticks : 1', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'exact',
  });
  G.runRegularly('ticks += 1', { dt: ms(0.25) });
  const fast = new NeuronGroup(1, 'dx/dt = 1/ms : 1', { dt: ms(0.05), method: 'euler' });
  const M = new StateMonitor(G, ['v', 'tnow'], { record: [0, 2], dt: ms(0.35) });
  const F = new StateMonitor(fast, 'x', { record: 0 });
  const S = new SpikeMonitor(G);
  run(ms(3));
  defaultclock.dt = ms(0.2);
  run(ms(2));
  return () => ({
    t: Array.from(M.t_),
    tnow: Array.from(M.tnow_[0] as Float64Array),
    v: Array.from(M.v_[1] as Float64Array),
    x: Array.from(F.x_[0] as Float64Array),
    ticks: Array.from(G.ticks_ as Float64Array),
    spikes: Array.from(S.t_),
  });
}

test('several clocks and a dt change between runs give the runtime results', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime, standalone } = onEachDeviceBuilt('clocks', clocks);
  assert.ok(runtime.spikes.length > 0);
  assert.deepEqual(standalone, runtime);
});

/**
 * `runAt` (an EventClock at times between the steps of the regular clock), a run_regularly on a
 * clock of its own and a network schedule that puts resets before synapses, with profiling: the
 * compiled loop interleaves the clocks as the runtime's does (Brian's `same_time`), and reports
 * the time of every runner.
 */
function eventClocks() {
  const G = new NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1\nticks : 1', {
    threshold: 'v > 0.6',
    reset: 'v = 0',
    method: 'exact',
  });
  G.v = '(i + 1) / N';
  G.runAt('v += 0.25', QuantityArray.from([0.35, 1, 2.05, 2.1], ms));
  G.runRegularly('ticks += 1', { dt: ms(0.3) });
  const M = new StateMonitor(G, 'v', { record: true });
  const S = new SpikeMonitor(G);
  const net = new Network(G, M, S);
  net.schedule = ['start', 'groups', 'thresholds', 'resets', 'synapses', 'end'];
  net.run(ms(3), { profile: true });
  return () => ({
    t: Array.from(M.t_),
    v: Array.from(M.v_[1] as Float64Array),
    ticks: Array.from(G.ticks_ as Float64Array),
    spikes: Array.from(S.t_),
    profiled: net.profilingInfo.map(([name]) => name).sort(),
  });
}

test('runAt (an EventClock) with other clocks, a changed schedule and profiling give the runtime results', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime, standalone } = onEachDeviceBuilt('event-clocks', eventClocks);
  assert.ok(runtime.spikes.length > 0);
  assert.deepEqual(runtime.ticks, [10, 10]);
  assert.deepEqual(standalone, runtime);
  assert.deepEqual(runtime.profiled, [
    'neurongroup_run_at',
    'neurongroup_run_regularly',
    'neurongroup_spike_resetter',
    'neurongroup_spike_thresholder',
    'neurongroup_stateupdater',
    'spikemonitor',
    'statemonitor',
  ]);
});
