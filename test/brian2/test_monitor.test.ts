/**
 * Brian 2's test_monitor.py, translated (test names kept).
 * Skipped: none. Where a Brian assertion distinguishes Python ints from floats (`mon[5.0]`), it has
 * no JavaScript equivalent and is left out with a comment.
 * Brian 2.5.1 is the reference for smoothing windows: its flat window is `int(width/2/dt)*2 + 1`
 * steps (truncated; newer Brian rounds), see test_rate_monitor_smoothed_rate.
 */
import assert from 'node:assert/strict';
import * as brian from '../../src/index.ts';
import {
  catchLogs,
  defaultclock,
  Hz,
  ms,
  Network,
  NeuronGroup,
  nS,
  PopulationRateMonitor,
  Quantity,
  QuantityArray,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  volt,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { arange, assertAllclose, assertEqual, where } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_monitor.py');

// biome-ignore lint/suspicious/noExplicitAny: the tests pass values TypeScript would refuse, as Brian's do
type Any = any;
// EventMonitor and EventClock come with custom events and event clocks.
const { EventMonitor, EventClock } = brian as Any;

const dt = () => defaultclock.dt.value;
const inMs = (xs: number[]) => QuantityArray.from(xs, ms);
const isIndex = (k: number) => (i: number) => i === k;

function rateGroup(extra = '', options: Record<string, unknown> = {}) {
  const G = new NeuronGroup(
    3,
    `
    dv/dt = rate : 1
    rate: Hz
    ${extra}`,
    { threshold: 'v>1', reset: 'v=0', ...options },
  );
  // We don't use 100 and 1000Hz, because then the membrane potential would be exactly at 1
  // after 10 resp. 100 timesteps. Due to floating point issues this will not be exact.
  G.rate = QuantityArray.from([101, 0, 1001], Hz);
  return G;
}

/** The spike/event monitor checks shared by test_spike_monitor and test_event_monitor. */
function checkTrains(mon: Any, trains: Map<number, QuantityArray>) {
  const i = Array.from(mon.i as Int32Array);
  assertAllclose(mon.t.filter(i.map(isIndex(0))), inMs([9.9]));
  assert.equal(mon.t.filter(i.map(isIndex(1))).length, 0);
  assertAllclose(mon.t.filter(i.map(isIndex(2))), inMs(arange(10).map((x) => x + 0.9)));
  assertAllclose(where(mon.t_, i.map(isIndex(0))), [9.9e-3]);
  assert.equal(where(mon.t_, i.map(isIndex(1))).length, 0);
  assertAllclose(
    where(mon.t_, i.map(isIndex(2))),
    arange(10).map((x) => (x + 0.9) * 1e-3),
  );
  assertAllclose(trains.get(0)!, inMs([9.9]));
  assert.equal(trains.get(1)!.length, 0);
  assertAllclose(trains.get(2)!, inMs(arange(10).map((x) => x + 0.9)));
  assertEqual(mon.count, [1, 0, 10]);
  const [i1, t1] = mon.it;
  const [i2, t2] = mon.it_;
  assertEqual(i1, mon.i);
  assertEqual(i1, i2);
  assertEqual(t1, mon.t);
  assertEqual(t2, mon.t_);
  // Brian's KeyError for neurons that do not exist
  assert.equal(trains.has(3), false);
  assert.equal(trains.has(-1), false);
  assert.equal(trains.has('string' as Any), false);
}

brianTest('test_spike_monitor', { standalone: true }, () => {
  const GWithoutThreshold = new NeuronGroup(5, 'x : 1');
  const G = rateGroup();
  const mon = new SpikeMonitor(G);
  throwsCode(() => new SpikeMonitor(G, { order: 1 }), 'bad_argument'); // need to specify 'when' as well
  const e = throwsCode(() => new SpikeMonitor(GWithoutThreshold), 'bad_argument');
  assert.match(e.message, /threshold/);
  // Creating a SpikeMonitor for a Synapses object should not work
  const S = new Synapses(G, G, { onPre: 'v += 0' });
  S.connect();
  throwsCode(() => new SpikeMonitor(S), 'bad_argument');
  run(ms(10));
  checkTrains(mon, mon.spikeTrains());
  // Check that indexing into the recorded times works
  assertAllclose(mon.t.slice(0, 5), inMs([0.9, 1.9, 2.9, 3.9, 4.9]));
});

brianTest('test_spike_monitor_indexing', {}, () => {
  const generator = new SpikeGeneratorGroup(3, [0, 0, 0, 1], inMs([0, 1, 2, 1]));
  const mon = new SpikeMonitor(generator);
  run(ms(3));
  assertEqual(mon.state('t').get('i == 1'), inMs([1]));
  assertEqual(mon.t.filter(Array.from(mon.i as Int32Array, isIndex(1))), inMs([1]));
  assertEqual(
    where(
      mon.i,
      Array.from(mon.t_ as Float64Array, (t) => t > 1.5e-3),
    ),
    [0],
  );
  assertEqual(mon.state('i').get('t > 1.5 * ms'), [0]);
});

brianTest('test_spike_monitor_variables', { standalone: true }, () => {
  const G = rateGroup('prev_spikes : integer', { reset: 'v=0; prev_spikes += 1' });
  const mon1 = new SpikeMonitor(G, { variables: 'prev_spikes' });
  const mon2 = new SpikeMonitor(G, { variables: 'prev_spikes', when: 'after_resets' });
  run(ms(10));
  const allValues = mon1.allValues();
  const prevSpikesValues = mon1.values('prev_spikes');
  const i1 = Array.from(mon1.i as Int32Array);
  const i2 = Array.from(mon2.i as Int32Array);
  assertEqual(mon1.prev_spikes.filter(i1.map(isIndex(0))), [0]);
  assertEqual(prevSpikesValues.get(0)!, [0]);
  assertEqual(allValues.prev_spikes.get(0)!, [0]);
  assertEqual(mon1.prev_spikes.filter(i1.map(isIndex(1))), []);
  assertEqual(prevSpikesValues.get(1)!, []);
  assertEqual(allValues.prev_spikes.get(1)!, []);
  assertEqual(mon1.prev_spikes.filter(i1.map(isIndex(2))), arange(10));
  assertEqual(prevSpikesValues.get(2)!, arange(10));
  assertEqual(allValues.prev_spikes.get(2)!, arange(10));
  assertEqual(mon2.prev_spikes.filter(i2.map(isIndex(0))), [1]);
  assertEqual(mon2.prev_spikes.filter(i2.map(isIndex(1))), []);
  assertEqual(
    mon2.prev_spikes.filter(i2.map(isIndex(2))),
    arange(10).map((x) => x + 1),
  );
});

brianTest('test_spike_monitor_get_states', { standalone: true }, () => {
  const G = rateGroup('prev_spikes : integer', { reset: 'v=0; prev_spikes += 1' });
  const mon1 = new SpikeMonitor(G, { variables: 'prev_spikes' });
  run(ms(10));
  const allStates = mon1.getStates();
  assert.deepEqual(new Set(Object.keys(allStates)), new Set(['count', 'i', 't', 'prev_spikes', 'N']));
  assertEqual(allStates.count, mon1.count);
  assertEqual(allStates.i, mon1.i);
  assertEqual(allStates.t, mon1.t);
  assertEqual(allStates.prev_spikes, mon1.prev_spikes);
  assertEqual(allStates.N, mon1.N);
});

brianTest('test_spike_monitor_subgroups', { standalone: true }, () => {
  const G = new NeuronGroup(6, 'do_spike : boolean', { threshold: 'do_spike' });
  G.do_spike = [true, false, false, false, true, true];
  const spikesAll = new SpikeMonitor(G);
  const spikes1 = new SpikeMonitor(G.slice(0, 2));
  const spikes2 = new SpikeMonitor(G.slice(2, 4));
  const spikes3 = new SpikeMonitor(G.slice(4, 6));
  run(defaultclock.dt);
  assert.equal(spikesAll.i.length, 3);
  assertAllclose(spikesAll.i, [0, 4, 5]);
  assertAllclose(spikesAll.t, inMs([0, 0, 0]));
  assertAllclose(spikes1.i, [0]);
  assertAllclose(spikes1.t, inMs([0]));
  assert.equal(spikes2.i.length, 0);
  assert.equal(spikes2.t.length, 0);
  assertAllclose(spikes3.i, [0, 1]); // recorded spike indices are relative
  assertAllclose(spikes3.t, inMs([0, 0]));
});

brianTest('test_spike_monitor_bug_824', {}, () => {
  // See github issue #824 (a numpy-only test in Brian; the behaviour is the same everywhere)
  const G = new NeuronGroup(6, 'do_spike : boolean', { threshold: 'do_spike' });
  G.do_spike = [true, false, false, true, false, false];
  const spikes1 = new SpikeMonitor(G.slice(0, 3));
  const spikes2 = new SpikeMonitor(G.slice(3, 6));
  run(new Quantity(4 * dt(), second.dim));
  assertEqual(spikes1.count, [4, 0, 0]);
  assertEqual(spikes2.count, [4, 0, 0]);
});

brianTest(
  'test_event_monitor',
  {
    standalone: true,
  },
  () => {
    const G = new NeuronGroup(
      3,
      `
    dv/dt = rate : 1
    rate: Hz`,
      { events: { my_event: 'v>1' } } as Any,
    );
    G.runOnEvent('my_event', 'v=0');
    G.rate = QuantityArray.from([101, 0, 1001], Hz);
    const mon = new EventMonitor(G, 'my_event');
    const net = new Network(G, mon);
    net.run(ms(10));
    checkTrains(mon, mon.eventTrains());
  },
);

brianTest(
  'test_event_monitor_no_record',
  {
    standalone: true,
  },
  () => {
    // Check that you can switch off recording spike times/indices
    const G = rateGroup('', { events: { my_event: 'v>1' } });
    const eventMon = new EventMonitor(G, 'my_event', { record: false });
    const eventMon2 = new EventMonitor(G, 'my_event', { variables: 'rate', record: false });
    const spikeMon = new SpikeMonitor(G, { record: false });
    const spikeMon2 = new SpikeMonitor(G, { variables: 'rate', record: false });
    const net = new Network(G, eventMon, eventMon2, spikeMon, spikeMon2);
    net.run(ms(10));
    // i and t should not be there
    throwsCode(() => eventMon.i, 'not_recorded');
    throwsCode(() => eventMon.t, 'not_recorded');
    throwsCode(() => spikeMon.i, 'not_recorded');
    throwsCode(() => spikeMon.t, 'not_recorded');
    assertEqual(eventMon.count, [1, 0, 10]);
    assertEqual(spikeMon.count, [1, 0, 10]);
    assert.equal(
      spikeMon.num_spikes,
      Array.from(spikeMon.count as Int32Array).reduce((a, b) => a + b, 0),
    );
    assert.equal(
      eventMon.num_events,
      Array.from(eventMon.count as Int32Array).reduce((a: number, b: number) => a + b, 0),
    );
    // Other variables should still have been recorded
    assert.equal(spikeMon2.rate.length, spikeMon.num_spikes);
    assert.equal(eventMon2.rate.length, eventMon.num_events);
  },
);

brianTest('test_spike_trains', { standalone: true }, () => {
  // An arbitrary combination of indices that has been shown to sort in an unstable way with
  // quicksort and therefore lead to out-of-order values in spike_trains() (see #725)
  const generator = new SpikeGeneratorGroup(
    10,
    [6, 1, 2, 4, 6, 9, 1, 4, 7, 8, 0, 6, 3, 6, 4, 8, 9, 2, 5, 3],
    inMs(arange(20)),
    { dt: ms(1) },
  );
  const monitor = new SpikeMonitor(generator);
  run(ms(19.1));
  for (const [idx, times] of monitor.spikeTrains()) {
    const t = times.values;
    for (let k = 1; k < t.length; k++)
      assert.ok(t[k] - t[k - 1] > 0, `Spike times for neuron ${idx} are not sorted`);
  }
});

brianTest('test_synapses_state_monitor', {}, () => {
  const G = new NeuronGroup(2, '');
  const S = new Synapses(G, G, { model: 'w: siemens' });
  S.connect(true);
  S.w = 'j*nS';
  // record from a Synapses object (all synapses connecting to neuron 1)
  const synapseMon = new StateMonitor(S, 'w', { record: S.at(undefined, 1) });
  const synapseMon2 = new StateMonitor(S, 'w', { record: S.at('j==1') });
  const net = new Network(G, S, synapseMon, synapseMon2);
  net.run(ms(10));
  // Synaptic variables
  for (const trace of synapseMon.at(S.at(0, 1)).w) assertAllclose(trace, nS(1));
  assertAllclose(synapseMon.w[1], nS(1));
  for (const trace of synapseMon2.at(S.at(0, 1)).w) assertAllclose(trace, nS(1));
  for (const trace of synapseMon2.at(S.at('i==0 and j==1')).w) assertAllclose(trace, nS(1));
  assertAllclose(synapseMon2.w[1], nS(1));
});

brianTest('test_state_monitor', { standalone: true }, () => {
  // Check that all kinds of variables can be recorded
  const G = new NeuronGroup(
    2,
    `
    dv/dt = -v / (10*ms) : 1
    f = clip(v, 0.1, 0.9) : 1
    rate: Hz`,
    { threshold: 'v>1', reset: 'v=0', refractory: ms(2) },
  );
  G.rate = QuantityArray.from([100, 1000], Hz);
  G.v = 1;
  const S = new Synapses(G, G, { model: 'w: siemens' });
  S.connect(true);
  S.w = 'j*nS';
  // A bit peculiar, but in principle one should be allowed to record nothing except for the time
  const nothingMon = new StateMonitor(G, [], { record: true });
  const noRecord = new StateMonitor(G, 'v', { record: false });
  // Use a single StateMonitor
  const vMon = new StateMonitor(G, 'v', { record: true });
  const vMon1 = new StateMonitor(G, 'v', { record: [1] });
  // Use a StateMonitor for specified variables
  const multiMon = new StateMonitor(G, ['v', 'f', 'rate'], { record: true });
  const multiMon1 = new StateMonitor(G, ['v', 'f', 'rate'], { record: [1] });
  // Use a StateMonitor recording everything
  const allMon = new StateMonitor(G, true, { record: true });
  // Record synapses with explicit indices (the only way allowed in standalone)
  const synapseMon = new StateMonitor(S, 'w', { record: arange(4) });
  run(ms(10));
  // Check time recordings
  assertEqual(nothingMon.t, vMon.t);
  assertEqual(nothingMon.t_, nothingMon.t.values);
  assertEqual(nothingMon.t_, vMon.t_);
  assertAllclose(nothingMon.t, QuantityArray.from(arange(nothingMon.t.length), defaultclock.dt));
  assertEqual(noRecord.t, vMon.t);
  // Check v recording
  const decay = vMon.t_.map((t: number) => Math.exp(-t / 10e-3));
  for (const trace of vMon.v) assertAllclose(trace, decay);
  for (const trace of vMon.v_) assertAllclose(trace, decay);
  for (const [a, b] of [
    [vMon.v, multiMon.v],
    [vMon.v_, multiMon.v_],
    [vMon.v, allMon.v],
    [vMon.v.slice(1, 2), vMon1.v],
    [multiMon.v.slice(1, 2), multiMon1.v],
  ]) {
    assert.equal(a.length, b.length);
    for (const [k, trace] of a.entries()) assertEqual(trace as Any, b[k]);
  }
  assert.equal(noRecord.v.length, 0);
  // Other variables
  for (const [k, trace] of (multiMon.rate_ as Float64Array[]).entries()) assertEqual(trace, G.rate_[k]);
  assertEqual(multiMon.rate[1], multiMon1.rate[0]);
  for (const [k, trace] of (multiMon.v as QuantityArray[]).entries()) {
    assertAllclose(
      trace.values.map((x) => Math.min(Math.max(x, 0.1), 0.9)),
      multiMon.f[k],
    );
  }
  assertAllclose(
    multiMon1.v[0].values.map((x: number) => Math.min(Math.max(x, 0.1), 0.9)),
    multiMon1.f[0],
  );
  assert.ok(
    Array.from(allMon.at(0).not_refractory.values).every((x) => x === 1),
    'not_refractory should be True',
  );
  // Synapses
  const j = Array.from(S.j as Int32Array);
  for (const [k, trace] of (synapseMon.w as QuantityArray[]).entries()) assertAllclose(trace, nS(j[k]));
});

brianTest('test_state_monitor_event_clock', { standalone: true }, () => {
  // Test recording at certain time points
  const G = new NeuronGroup(10, 'dv/dt = -v / (10*ms) : 1');
  G.v = 'rand()';
  const monContinuous = new StateMonitor(G, 'v', { record: true, dt: ms(1) });
  const monEvents = new StateMonitor(G, 'v', { record: true, clock: new EventClock(inMs(arange(10))) });
  run(ms(10));
  assert.equal(monContinuous.N, monEvents.N);
  assertAllclose(monContinuous.t, monEvents.t);
  for (const [k, trace] of (monContinuous.v as QuantityArray[]).entries())
    assertAllclose(trace, monEvents.v[k]);
});

brianTest('test_state_monitor_record_single_timestep', { standalone: true, multipleRuns: true }, (ctx) => {
  const G = new NeuronGroup(1, 'dv/dt = -v/(5*ms) : 1');
  G.v = 1;
  const mon = new StateMonitor(G, 'v', { record: true });
  // Recording before a run should not work
  throwsCode(() => mon.recordSingleTimestep(), 'bad_argument');
  run(ms(0.5));
  mon.recordSingleTimestep();
  ctx.build();
  assert.equal(mon.t.values[0], 0);
  assert.equal(mon.at(0).v.values[0], 1);
  assertAllclose(mon.t.at(mon.t.length - 1), ms(0.5));
  assert.equal(mon.t.length, 6);
  const v = mon.at(0).v.values;
  assert.equal(v[v.length - 1], G.v.values[0]);
});

brianTest('test_state_monitor_bigger_dt', { standalone: true }, () => {
  // Check that it is possible to record with a slower clock, i.e. bigger dt
  const G = new NeuronGroup(1, 'dv/dt = -v/(5*ms) : 1', { method: 'exact' });
  G.v = 1;
  const mon = new StateMonitor(G, 'v', { record: true });
  const slowMon = new StateMonitor(G, 'v', { record: true, dt: defaultclock.dt.mul(5) as Quantity });
  run(new Quantity(dt() * 11, second.dim));
  assert.ok(mon.t.length === mon.v[0].length && mon.v[0].length === 11);
  assert.ok(slowMon.t.length === slowMon.v[0].length && slowMon.v[0].length === 3);
  for (const timepoint of [0, 5, 10]) {
    assert.equal(mon.t.values[timepoint], slowMon.t.values[Math.floor(timepoint / 5)]);
    assert.equal(mon.v[0].values[timepoint], slowMon.v[0].values[Math.floor(timepoint / 5)]);
  }
});

brianTest('test_state_monitor_indexing', { standalone: true }, () => {
  // Check indexing semantics
  const G = new NeuronGroup(10, 'v:volt');
  G.v = QuantityArray.from(arange(10), volt);
  const mon = new StateMonitor(G, 'v', { record: [5, 6, 7] });
  run(new Quantity(2 * dt(), second.dim));
  const expected = [
    [5, 5],
    [6, 6],
    [7, 7],
  ];
  expected.forEach((row, k) => {
    assertEqual(mon.v[k], QuantityArray.from(row, volt));
    assertEqual(mon.v_[k], row);
  });
  assertEqual(mon.at(5).v, mon.v[0]);
  assertEqual(mon.at(7).v, mon.v[2]);
  for (const indices of [[5, 7], Int32Array.from([5, 7])]) {
    const selected = mon.at(indices).v;
    assert.equal(selected.length, 2);
    assertEqual(selected[0], mon.v[0]);
    assertEqual(selected[1], mon.v[2]);
  }
  assertAllclose(mon.t.slice(1), defaultclock.dt);
  throwsCode(() => mon.at(8), 'index_out_of_range');
  throwsCode(() => mon.at('string' as Any), 'bad_argument');
  // Brian's `mon[5.0]` and `mon[[5.0, 6.0]]` (TypeError: float indices) have no JavaScript
  // equivalent: 5.0 and 5 are the same number.
});

brianTest('test_state_monitor_get_states', { standalone: true }, () => {
  const G = new NeuronGroup(
    2,
    `
    dv/dt = -v / (10*ms) : 1
    f = clip(v, 0.1, 0.9) : 1
    rate: Hz`,
    { threshold: 'v>1', reset: 'v=0', refractory: ms(2) },
  );
  G.rate = QuantityArray.from([100, 1000], Hz);
  G.v = 1;
  const mon = new StateMonitor(G, ['v', 'f', 'rate'], { record: true });
  run(new Quantity(10 * dt(), second.dim));
  const allStates = mon.getStates();
  assert.deepEqual(new Set(Object.keys(allStates)), new Set(['v', 'f', 'rate', 't', 'N']));
  // Brian stores (time, element) and its test transposes; getStates gives the traces per
  // element, as `mon.v` does.
  for (const name of ['v', 'f', 'rate']) {
    for (const [k, trace] of (allStates[name] as QuantityArray[]).entries()) assertEqual(trace, mon[name][k]);
  }
  assertEqual(allStates.t as QuantityArray, mon.t);
  assertEqual(allStates.N as number, mon.N);
});

brianTest('test_state_monitor_resize', { standalone: true }, () => {
  // Test for issue #518 (cython did not resize the Variable object)
  const G = new NeuronGroup(2, 'v : 1');
  const mon = new StateMonitor(G, 'v', { record: true });
  defaultclock.dt = ms(0.1);
  run(ms(1));
  assert.equal(mon.t.length, 10);
  assert.equal(mon.v.length, 2);
  assert.equal(mon.v[0].length, 10);
  // Brian also checks the sizes of its internal Variable objects (mon.variables['t'].size):
  // internals, left out.
  assert.equal(mon.N, 10);
});

brianTest('test_state_monitor_synapses', { standalone: true }, (ctx) => {
  // Check that recording from synapses works correctly
  const G = new NeuronGroup(5, 'v : 1', { threshold: 'False', reset: 'v = 0' });
  const S1 = new Synapses(G, G, { model: 'w : 1', onPre: 'v_post += w' });
  S1.runRegularly('w += 1');
  S1.connect({ i: [0, 1], j: [2, 3] });
  S1.w = 'i';
  // We can check the record argument even in standalone mode, since we created the synapses
  // with an array of indices of known length
  let logs = catchLogs(() => new StateMonitor(S1, 'w', { record: [0, 1] }));
  const S1Mon = logs.result;
  assert.equal(logs.records.filter((r) => r.level === 'warning').length, 0);
  throwsCode(() => new StateMonitor(S1, 'w', { record: [0, 2] }), 'index_out_of_range');
  const S2 = new Synapses(G, G, { model: 'w : 1', onPre: 'v_post += w' });
  S2.runRegularly('w += 1');
  S2.connect('i==j'); // Not yet executed for standalone mode
  S2.w = 'i';
  logs = catchLogs(() => new StateMonitor(S2, 'w', { record: [0, 4] }));
  const S2Mon = logs.result;
  const warnings = logs.records.filter((r) => r.level === 'warning');
  if (ctx.device === 'cpp_standalone') {
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].name, 'cannot_check_statemonitor_indices');
  } else {
    assert.equal(warnings.length, 0);
  }
  run(new Quantity(2 * dt(), second.dim));
  assertEqual(S1Mon.w[0], [0, 1]);
  assertEqual(S1Mon.w[1], [1, 2]);
  assertEqual(S2Mon.w[0], [0, 1]);
  assertEqual(S2Mon.w[1], [4, 5]);
});

brianTest('test_statemonitor_namespace', {}, () => {
  // Make sure that StateMonitor is correctly inheriting its source's namespace
  const G = new NeuronGroup(2, 'x = i + y : integer', { namespace: { y: 3 } });
  const mon = new StateMonitor(G, 'x', { record: true });
  run(defaultclock.dt, { namespace: {} });
  assertEqual(mon.x[0], [3]);
  assertEqual(mon.x[1], [4]);
});

brianTest('test_rate_monitor_1', { standalone: true }, () => {
  const G = new NeuronGroup(5, 'v : 1', { threshold: 'v>1' }); // no reset
  G.v = 1.1; // All neurons spike every time step
  const rateMon = new PopulationRateMonitor(G);
  run(new Quantity(10 * dt(), second.dim));
  assertAllclose(rateMon.t, QuantityArray.from(arange(10), defaultclock.dt));
  assertAllclose(
    rateMon.t_,
    arange(10).map((k) => k * dt()),
  );
  assertAllclose(rateMon.rate, QuantityArray.from(new Array(10).fill(1 / dt()), Hz));
  assertAllclose(rateMon.rate_, new Array(10).fill(1 / dt()));
  // Check that indexing into the recorded values works
  assertAllclose(rateMon.t.slice(0, 5), QuantityArray.from(arange(5), defaultclock.dt));
});

brianTest('test_rate_monitor_2', { standalone: true }, () => {
  const G = new NeuronGroup(10, 'v : 1', { threshold: 'v>1' }); // no reset
  G.v.set(1.1, 'i<5'); // Half of the neurons fire every time step
  const rateMon = new PopulationRateMonitor(G);
  const net = new Network(G, rateMon);
  net.run(new Quantity(10 * dt(), second.dim));
  assertAllclose(rateMon.rate, QuantityArray.from(new Array(10).fill(0.5 / dt()), Hz));
  assertAllclose(rateMon.rate_, new Array(10).fill(0.5 / dt()));
});

brianTest('test_rate_monitor_smoothed_rate', {}, () => {
  // Test the filter response by having a single spiking neuron
  const G = new SpikeGeneratorGroup(1, [0], inMs([1]));
  const rMon = new PopulationRateMonitor(G);
  run(ms(3));
  const index = Math.round(1e-3 / dt());
  const rate = rMon.rate;
  const notIndex = arange(rate.length).filter((k) => k !== index);
  assertEqual(rate.take(notIndex), Hz(0));
  assertAllclose(rate.at(index), Hz(1 / dt()));
  // Flat window: using a flat window of size = dt should not change anything
  assertAllclose(rMon.rate, rMon.smoothRate('flat', defaultclock.dt));
  const steps = (n: number) => new Quantity(n * dt(), second.dim);
  const smoothed = rMon.smoothRate('flat', steps(5));
  assertEqual(smoothed.slice(0, index - 2), Hz(0));
  assertEqual(smoothed.slice(index + 3), Hz(0));
  assertAllclose(smoothed.slice(index - 2, index + 3), Hz(0.2 / dt()));
  // Brian 2.5.1 truncates the flat window: int(5.4/2)*2 + 1 = 5 steps (newer Brian rounds to 7).
  const { result: smoothed2 } = catchLogs(() => rMon.smoothRate('flat', steps(5.4)));
  assertEqual(smoothed2.slice(0, index - 2), Hz(0));
  assertEqual(smoothed2.slice(index + 3), Hz(0));
  assertAllclose(smoothed2.slice(index - 2, index + 3), Hz(1 / dt() / 5));
  // Gaussian window
  const width = steps(5);
  const gaussSmoothed = rMon.smoothRate('gaussian', width);
  // 0 outside of window
  assertEqual(gaussSmoothed.slice(0, index - 10), Hz(0));
  assertEqual(gaussSmoothed.slice(index + 11), Hz(0));
  // Gaussian around the spike
  const t = rMon.t_.slice(index - 10, index + 11);
  const gaussian = Array.from(t, (x) => Math.exp(-((x - 1e-3) ** 2) / (2 * width.value ** 2)));
  const total = gaussian.reduce((a, b) => a + b, 0);
  assertAllclose(
    gaussSmoothed.slice(index - 10, index + 11),
    QuantityArray.from(
      gaussian.map((g) => g / total / dt()),
      Hz,
    ),
  );
  // Arbitrary window
  const smoothedFlat = rMon.smoothRate('flat', steps(5));
  const smoothedCustom = rMon.smoothRate([1, 1, 1, 1, 1]);
  assertAllclose(smoothedFlat, smoothedCustom);
});

function checkSmoothRateErrors(mon: Any, incompleteWidth: boolean) {
  if (incompleteWidth)
    throwsCode(() => mon.smoothRate('flat'), 'bad_argument'); // no width
  else throwsCode(() => mon.smoothRate('gaussian'), 'bad_argument');
  throwsCode(() => mon.smoothRate([1, 2, 1], ms(5)), 'bad_argument');
  throwsCode(() => mon.smoothRate('unknown', ms(1)), 'bad_argument');
  throwsCode(() => mon.smoothRate({}), 'bad_argument');
  throwsCode(
    () =>
      mon.smoothRate([
        [1, 2],
        [3, 4],
      ]),
    'bad_argument',
  );
  throwsCode(() => mon.smoothRate([1, 1, 1, 1]), 'bad_argument'); // even number
}

brianTest('test_rate_monitor_smoothed_rate_incorrect', {}, () => {
  // Test the filter response by having a single spiking neuron
  const G = new SpikeGeneratorGroup(1, [0], inMs([1]));
  const rMon = new PopulationRateMonitor(G);
  run(ms(2));
  checkSmoothRateErrors(rMon, true);
});

brianTest('test_rate_monitor_get_states', { standalone: true }, () => {
  const G = new NeuronGroup(5, 'v : 1', { threshold: 'v>1' }); // no reset
  G.v = 1.1; // All neurons spike every time step
  const rateMon = new PopulationRateMonitor(G);
  run(new Quantity(10 * dt(), second.dim));
  const allStates = rateMon.getStates();
  assert.deepEqual(new Set(Object.keys(allStates)), new Set(['rate', 't', 'N']));
  assertEqual(allStates.rate, rateMon.rate);
  assertEqual(allStates.t, rateMon.t);
  assertEqual(allStates.N, rateMon.N);
});

brianTest('test_rate_monitor_subgroups', { standalone: true }, () => {
  defaultclock.dt = ms(0.01);
  const G = new NeuronGroup(
    4,
    `
    dv/dt = rate : 1
    rate : Hz`,
    { threshold: 'v>0.999', reset: 'v=0' },
  );
  G.rate = QuantityArray.from([100, 200, 400, 800], Hz);
  const rateAll = new PopulationRateMonitor(G);
  const rate1 = new PopulationRateMonitor(G.slice(0, 2));
  const rate2 = new PopulationRateMonitor(G.slice(2, 4));
  run(second(1));
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  const rates = Array.from(G.rate_ as Float64Array);
  assertAllclose(mean(rates), mean(rateAll.rate_));
  assertAllclose(mean(rates.slice(0, 2)), mean(rate1.rate_));
  assertAllclose(mean(rates.slice(2)), mean(rate2.rate_));
});

brianTest('test_rate_monitor_subgroups_2', { standalone: true }, () => {
  const G = new NeuronGroup(6, 'do_spike : boolean', { threshold: 'do_spike' });
  G.do_spike = [true, false, false, false, true, true];
  const rateAll = new PopulationRateMonitor(G);
  const rate1 = new PopulationRateMonitor(G.slice(0, 2));
  const rate2 = new PopulationRateMonitor(G.slice(2, 4));
  const rate3 = new PopulationRateMonitor(G.slice(4, 6));
  run(new Quantity(2 * dt(), second.dim));
  assertAllclose(rateAll.rate, Hz(0.5 / dt()));
  assertAllclose(rate1.rate, Hz(0.5 / dt()));
  assertAllclose(rate2.rate, Hz(0));
  assertAllclose(rate3.rate, Hz(1 / dt()));
});

// ====== Tests of the rate binning and smoothing of monitors (Brian 2.10) =====

brianTest('test_population_rate_monitor_binning', {}, () => {
  // 10 neurons, each spiking every 10ms, but staggered by 1ms
  const N = 10;
  const indices: number[] = [];
  const times: number[] = [];
  for (let neuron = 0; neuron < N; neuron++) {
    for (let t = neuron; t < 100; t += 10) {
      indices.push(neuron);
      times.push(t);
    }
  }
  const G = new SpikeGeneratorGroup(N, indices, inMs(times));
  const mon = new PopulationRateMonitor(G);
  run(ms(100));
  // bin_size = 10ms: each bin has 10 spikes over 10 neurons over 10ms = 100 Hz
  let [bins, rates] = mon.binnedRate(ms(10));
  assertAllclose(bins, inMs(arange(10).map((k) => k * 10)));
  assert.equal(rates.length, 10);
  assertAllclose(rates, Hz(10 / (10 * 0.01)), { rtol: 1e-6 });
  // bin_size = 20ms
  [bins, rates] = mon.binnedRate(ms(20));
  assertAllclose(bins, inMs(arange(5).map((k) => k * 20)));
  assert.equal(rates.length, 5);
  assertAllclose(rates, Hz(20 / (10 * 0.02)), { rtol: 1e-6 });
  // bin_size = 1ms: average rate 100 Hz
  [bins, rates] = mon.binnedRate(ms(1));
  assertAllclose(bins, inMs(arange(100)));
  assert.equal(rates.length, 100);
  assertAllclose(rates.mean(), Hz(100), { rtol: 0.01 });
  // bin_size = dt (should return original data)
  [bins, rates] = mon.binnedRate(defaultclock.dt);
  assertAllclose(bins, mon.t);
  assertAllclose(rates, mon.rate);
  // bin_size must be multiple of dt
  throwsCode(() => mon.binnedRate(new Quantity(1.5 * dt(), second.dim)), 'bad_argument');
});

brianTest('test_population_rate_monitor_binning_incomplete_bins', {}, () => {
  // Create spikes such that the last bin is incomplete
  const N = 5;
  const indices = new Array(7).fill([0, 1, 2, 3, 4]).flat();
  const G = new SpikeGeneratorGroup(N, indices, inMs(arange(35)));
  const mon = new PopulationRateMonitor(G);
  run(ms(35));
  // With bin_size = 10ms: 3 complete bins (0-10, 10-20, 20-30), the last 5ms excluded
  const [bins, rates] = mon.binnedRate(ms(10));
  assert.equal(bins.length, 3);
  assert.equal(rates.length, 3);
  assertAllclose(bins, inMs([0, 10, 20]));
  // Each bin has 10 spikes / 5 neurons / 0.01s = 200 Hz
  assertAllclose(rates, Hz(10 / (5 * 0.01)), { rtol: 1e-6 });
});

brianTest('test_population_rate_monitor_binning_midrun', {}, () => {
  const N = 5;
  const indices = new Array(10).fill([0, 1, 2, 3, 4]).flat();
  const G = new SpikeGeneratorGroup(N, indices, inMs(arange(50)));
  // Run first 20ms without monitor
  run(ms(20));
  // Add monitor and run another 30ms
  const mon = new PopulationRateMonitor(G);
  run(ms(30));
  // Monitor only recorded from 20-50ms: 3 bins of 10 ms starting where recording began
  const [bins, rates] = mon.binnedRate(ms(10));
  assert.equal(bins.length, 3);
  assertAllclose(bins, inMs([20, 30, 40]));
  assertAllclose(rates, Hz(10 / (5 * 0.01)), { rtol: 1e-6 });
});

brianTest('test_spike_monitor_binning', {}, () => {
  const G = new SpikeGeneratorGroup(3, [0, 0, 1, 1, 2], inMs([10, 30, 20, 40, 50]));
  const mon = new SpikeMonitor(G);
  run(ms(100));
  // Binning with 20ms bins: 5 bins starting at 0, 20, 40, 60, 80 ms
  const [bins, rates] = mon.binnedRate(ms(20));
  assert.equal(bins.length, 5);
  assert.equal(bins.values[0], 0);
  const r = (i: number, k: number) => rates[i].values[k];
  // Neuron 0: spikes at 10ms (bin 0) and 30ms (bin 1)
  assert.equal(r(0, 0), 50);
  assert.equal(r(0, 1), 50);
  assert.equal(r(0, 2) + r(0, 3) + r(0, 4), 0);
  // Neuron 1: spikes at 20ms (bin 1) and 40ms (bin 2)
  assert.equal(r(1, 1), 50);
  assert.equal(r(1, 2), 50);
  // Neuron 2: spike at 50ms (bin 2)
  assert.equal(r(2, 2), 50);
  assert.equal(r(2, 0) + r(2, 1) + r(2, 3) + r(2, 4), 0);
  assert.equal(rates[0].dim, Hz.dim);
});

brianTest('test_smooth_rates_spike_monitor', {}, () => {
  // A neuron with a burst of spikes from 40 to 60 ms
  const G = new SpikeGeneratorGroup(10, new Array(21).fill(0), inMs(arange(40, 61)));
  const mon = new SpikeMonitor(G);
  run(ms(100));
  // Gaussian smoothing
  const smoothed = mon.smoothRate('gaussian', ms(5));
  // (neurons, time)
  assert.equal(smoothed.length, 10);
  // Peak should be around 50ms (middle of burst)
  const peakTime = smoothed[0].argmax() * dt();
  assert.ok(peakTime > 45e-3 && peakTime < 55e-3, `peak at ${peakTime}`);
  // Flat window smoothing
  const smoothedFlat = mon.smoothRate('flat', ms(10));
  assert.equal(smoothedFlat.length, smoothed.length);
  assert.equal(smoothedFlat[0].length, smoothed[0].length);
  // Custom window
  const smoothedCustom = mon.smoothRate([0.25, 0.5, 0.25]);
  assert.equal(smoothedCustom.length, smoothed.length);
  assert.equal(smoothedCustom[0].length, smoothed[0].length);
});

brianTest('test_smooth_rates_population_monitor', {}, () => {
  const N = 100;
  const G = new NeuronGroup(N, 'rate : Hz', { threshold: 'rand() < rate*dt' });
  G.rate = Hz(50);
  const mon = new PopulationRateMonitor(G);
  run(ms(200));
  const smoothedGauss = mon.smoothRate('gaussian', ms(10));
  const smoothedFlat = mon.smoothRate('flat', ms(10));
  // Smoothed rates have the same length as the original
  assert.equal(smoothedGauss.length, mon.rate.length);
  assert.equal(smoothedFlat.length, mon.rate.length);
  // Smoothed versions have less variance
  const variance = (q: QuantityArray) => q.std().value ** 2;
  assert.ok(variance(smoothedGauss) < variance(mon.rate));
  assert.ok(variance(smoothedFlat) < variance(mon.rate));
});

brianTest('test_subgroup_spike_monitor', {}, () => {
  // Binning works correctly with subgroups
  const N = 10;
  const G = new NeuronGroup(N, 'v:1', { threshold: 'i<5 and rand()<0.1' });
  // Monitor only neurons 2-7
  const mon = new SpikeMonitor(G.slice(2, 8));
  run(ms(100));
  const [, rates] = mon.binnedRate(ms(10));
  // Should have 6 neurons (indices 2-7)
  assert.equal(rates.length, 6);
  // Only neurons 0,1,2 of the subgroup (2,3,4 of the full group) can spike
  if (mon.num_spikes > 0) {
    assert.ok(Array.from(mon.i as Int32Array).every((i) => i < 5));
    // In binned output, only first 3 rows can be non-zero
    for (const row of rates.slice(3)) assert.equal(row.sum().value, 0);
  }
});

brianTest('test_rate_monitor_errors', {}, () => {
  const G = new NeuronGroup(10, 'v : 1', { threshold: 'v > 1000' }); // no spikes needed
  const mon = new SpikeMonitor(G);
  run(ms(10));
  checkSmoothRateErrors(mon, false);
});

brianTest('test_monitor_str_repr', {}, () => {
  // Basic test that string representations are not empty
  const G = new NeuronGroup(2, 'dv/dt = -v/(10*ms) : 1', { threshold: 'v>1', reset: 'v=0' });
  const spikeMon = new SpikeMonitor(G);
  const stateMon = new StateMonitor(G, 'v', { record: true });
  const rateMon = new PopulationRateMonitor(G);
  for (const obj of [spikeMon, stateMon, rateMon]) {
    assert.ok(String(obj).length > 0);
    assert.ok(String(obj) !== '[object Object]', String(obj));
  }
});
