/**
 * Brian 2's test_refractory.py, translated (test names kept; parametrized tests under pytest's
 * ids, e.g. `test_refractoriness_variables[5*ms]`).
 * Skipped: none.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  Equations,
  ms,
  Network,
  NeuronGroup,
  type Quantity,
  QuantityArray,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  timestep,
} from '../../src/index.ts';
import { assertAllclose, assertEqual, warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_refractory.py');

brianTest('test_add_refractoriness', {}, () => {
  // Brian calls its internal add_refractoriness on the equations; brian-ts adds the variables
  // when the group is built.
  const eqs = new Equations(`dv/dt = -x*v/second : volt (unless refractory)
    dw/dt = -w/second : amp
    x : 1`);
  const G = new NeuronGroup(1, eqs, { refractory: ms(1) });
  // Check that the parameters were added
  assert.ok(G.variables.has('not_refractory'));
  assert.ok(G.variables.has('lastspike'));
});

brianTest('test_missing_refractory_warning', {}, () => {
  // Forgotten refractory argument
  const logs = warningsOf(
    () =>
      new NeuronGroup(1, 'dv/dt = -v / (10*ms) : 1 (unless refractory)', {
        threshold: 'v > 1',
        reset: 'v = 0',
      }),
  );
  assert.deepEqual(logs, ['no_refractory']);
});

const ts = (t: Quantity) => timestep(t, defaultclock.dt);
const range = (xs: Float64Array, from: number, to: number) => xs.subarray(from, to);

/** The checks of test_refractoriness_basic and test_refractoriness_variables. */
function checkRefractoriness(mon: StateMonitor, exact: boolean): void {
  const v = mon.at(0).v.values as Float64Array;
  const w = mon.at(0).w.values as Float64Array;
  // No difference before the spike
  assertAllclose(range(v, 0, ts(ms(10))), range(w, 0, ts(ms(10))));
  // v is not updated during refractoriness
  const inRefractoriness = range(v, ts(ms(10)), ts(ms(15)));
  if (exact) assertEqual(inRefractoriness, new Float64Array(inRefractoriness.length));
  else assertAllclose(inRefractoriness, new Float64Array(inRefractoriness.length));
  // w should evolve as before
  assertAllclose(range(w, 0, ts(ms(5))), range(w, ts(ms(10)) + 1, ts(ms(15)) + 1));
  assert.ok(range(w, ts(ms(10)) + 1, ts(ms(15)) + 1).every((x) => x > 0));
  // After refractoriness, v should increase again
  assert.ok(range(v, ts(ms(15)), ts(ms(20))).every((x) => x > 0));
}

brianTest('test_refractoriness_basic', { standalone: true }, () => {
  const G = new NeuronGroup(1, 'dv/dt = 99.999*Hz : 1 (unless refractory)\ndw/dt = 99.999*Hz : 1', {
    threshold: 'v>1',
    reset: 'v=0;w=0',
    refractory: ms(5),
  });
  // It should take 10ms to reach the threshold, then v should stay at 0 for 5ms, while w
  // continues to increase
  const mon = new StateMonitor(G, ['v', 'w'], { record: true, when: 'end' });
  run(ms(20));
  checkRefractoriness(mon, true);
});

for (const refTime of [
  '5*ms',
  '(t-lastspike + 1e-3*dt) < 5*ms',
  'time_since_spike + 1e-3*dt < 5*ms',
  'ref_subexpression',
  '(t-lastspike + 1e-3*dt) < ref',
  'ref',
  'ref_no_unit*ms',
]) {
  brianTest(`test_refractoriness_variables[${refTime}]`, { standalone: true }, () => {
    // Try a string evaluating to a quantity, and an explicit boolean condition -- all should do
    // the same thing. (Brian's dtype argument asks for the clock's float64, brian-ts's default.)
    const G = new NeuronGroup(
      1,
      `dv/dt = 99.999*Hz : 1 (unless refractory)
       dw/dt = 99.999*Hz : 1
       ref : second
       ref_no_unit : 1
       time_since_spike = (t - lastspike) +1e-3*dt : second
       ref_subexpression = (t - lastspike + 1e-3*dt) < ref : boolean`,
      { threshold: 'v>1', reset: 'v=0;w=0', refractory: refTime },
    );
    G.ref = ms(5);
    G.ref_no_unit = 5;
    const mon = new StateMonitor(G, ['v', 'w'], { record: true, when: 'end' });
    run(ms(20));
    checkRefractoriness(mon, false);
  });
}

brianTest('test_refractoriness_threshold_basic', { standalone: true }, () => {
  const G = new NeuronGroup(1, 'dv/dt = 199.99*Hz : 1', {
    threshold: 'v > 1',
    reset: 'v=0',
    refractory: ms(10),
  });
  // The neuron should spike after 5ms but then not spike for the next 10ms. The state variable
  // should continue to integrate so there should be a spike after 15ms
  const spikeMon = new SpikeMonitor(G);
  run(ms(16));
  assertAllclose(spikeMon.t, QuantityArray.from([5, 15], ms));
});

brianTest('test_refractoriness_repeated', { standalone: true }, () => {
  // Create a group that spikes whenever it can
  const group = new NeuronGroup(1, '', {
    threshold: 'True',
    refractory: defaultclock.dt.mul(10) as Quantity,
  });
  const spikeMon = new SpikeMonitor(group);
  run(defaultclock.dt.mul(10000) as Quantity);
  const t = spikeMon.t_;
  assert.equal(t[0], 0);
  assertAllclose(
    Array.from(t.subarray(1), (x, k) => x - t[k]),
    (defaultclock.dt.mul(10) as Quantity).value,
  );
});

brianTest(
  'test_refractoriness_repeated_legacy',
  {
    standalone: true,
    notSupported: {
      all: 'the refractory timing of Brian <= 2.1.2 (prefs.legacy.refractory_timing) is not offered: brian-ts has only the timing of Brian >= 2.1.3',
    },
  },
  () => {},
);

for (const [id, refTime] of [
  ['ref_time0', ms(10)],
  ['10*ms', '10*ms'],
  ['timestep(t-lastspike, dt) < timestep(10*ms, dt)', 'timestep(t-lastspike, dt) < timestep(10*ms, dt)'],
  ['timestep(t-lastspike, dt) < timestep(ref, dt)', 'timestep(t-lastspike, dt) < timestep(ref, dt)'],
  ['ref', 'ref'],
  ['ref_no_unit*ms', 'ref_no_unit*ms'],
] as const) {
  brianTest(`test_refractoriness_threshold[${id}]`, { standalone: true }, () => {
    // Try a quantity, a string evaluating to a quantity, and an explicit boolean condition --
    // all should do the same thing
    const G = new NeuronGroup(1, 'dv/dt = 199.999*Hz : 1\nref : second\nref_no_unit : 1', {
      threshold: 'v > 1',
      reset: 'v=0',
      refractory: refTime,
    });
    G.ref = ms(10);
    G.ref_no_unit = 10;
    // The neuron should spike after 5ms but then not spike for the next 10ms. The state
    // variable should continue to integrate so there should be a spike after 15ms
    const spikeMon = new SpikeMonitor(G);
    run(ms(16));
    assertAllclose(spikeMon.t, QuantityArray.from([5, 15], ms));
  });
}

brianTest('test_refractoriness_types', {}, () => {
  // make sure that using a wrong type of refractoriness does not work
  for (const [model, refractory] of [
    ['', '3*Hz'],
    ['ref: Hz', 'ref'],
    ['', '3'],
    ['ref: 1', 'ref'],
  ]) {
    const group = new NeuronGroup(1, model, { refractory });
    assert.throws(() => new Network(group).run(ms(0)), { code: 'dimension_mismatch' }, refractory);
  }
});

brianTest('test_conditional_write_set', {}, () => {
  // Test that the conditional_write attribute is set correctly
  const G = new NeuronGroup(1, 'dv/dt = 10*Hz : 1 (unless refractory)\ndw/dt = 10*Hz : 1', {
    refractory: ms(2),
  });
  const variable = (name: string) => G.variables.get(name) as { conditionalWrite?: unknown };
  assert.equal(variable('v').conditionalWrite, G.variables.get('not_refractory'));
  assert.equal(variable('w').conditionalWrite, undefined);
});

brianTest('test_conditional_write_behaviour', { standalone: true }, () => {
  const H = new NeuronGroup(1, 'v:1', { threshold: 'v>-1' });
  const eqs = `dv/dt = (2-v)/tau : 1 (unless refractory)
    dx/dt = 0/tau : 1 (unless refractory)
    dy/dt = 0/tau : 1`;
  const reset = `v = 0
    x -= 0.05
    y -= 0.05`;
  const G = new NeuronGroup(1, eqs, {
    threshold: 'v>1',
    reset,
    refractory: ms(1),
    namespace: { tau: ms(1) },
  });
  const Sx = new Synapses(H, G, { onPre: 'x += dt*100*Hz' });
  Sx.connect(true);
  const Sy = new Synapses(H, G, { onPre: 'y += dt*100*Hz' });
  Sy.connect(true);
  new StateMonitor(G, true, { record: true });
  run(ms(10));
  assert.ok(G.x_[0] < 0.2);
  assert.ok(G.y_[0] > 0.2);
  assert.ok(G.v_[0] < 1.1);
});

brianTest('test_conditional_write_automatic_and_manual', { standalone: true }, () => {
  const source = new NeuronGroup(1, '', { threshold: 'True' }); // spiking all the time
  // only refractory for the first time step
  const target = new NeuronGroup(2, 'dv/dt = 0/ms : 1 (unless refractory)\ndw/dt = 0/ms : 1', {
    threshold: 't == 0*ms',
    refractory: 'False',
  });
  // Cell is spiking/refractory only in the first time step
  const syn = new Synapses(source, target, {
    onPre: `v += 1
      w += 1 * int(not_refractory_post)`,
  });
  syn.connect();
  const mon = new StateMonitor(target, ['v', 'w'], { record: true, when: 'end' });
  run(defaultclock.dt.mul(2) as Quantity);
  // Synapse should not have been effective in the first time step
  const column = (name: string, step: number) => (mon[`${name}_`] as Float64Array[]).map((tr) => tr[step]);
  assertAllclose(column('v', 0), 0);
  assertAllclose(column('v', 1), 1);
  assertAllclose(column('w', 0), 0);
  assertAllclose(column('w', 1), 1);
});
