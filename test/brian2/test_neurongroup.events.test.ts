/**
 * Brian 2's test_neurongroup.py, translated (test names kept), part 4: custom events, code run
 * regularly, random numbers, arithmetic semantics.
 * Skipped tests of the file are listed in test_neurongroup.test.ts.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  ms,
  mV,
  Network,
  NeuronGroup,
  QuantityArray,
  run,
  StateMonitor,
  seed,
} from '../../src/index.ts';
import {
  arange,
  assertAllclose,
  assertEqual,
  linspace,
  pyFloorDiv,
  pyMod,
  variance,
  warningsOf,
} from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_neurongroup.py');

const steps = (n: number) => defaultclock.dt.mul(n);

brianTest('test_custom_events', {}, () => {
  const G = new NeuronGroup(2, 'event_time1 : second\nevent_time2 : second', {
    events: {
      event1: 't>=i*ms and t<i*ms+dt',
      event2: 't>=(i+1)*ms and t<(i+1)*ms+dt',
    },
  });
  G.runOnEvent('event1', 'event_time1 = t');
  G.runOnEvent('event2', 'event_time2 = t');
  const net = new Network(G);
  net.run(ms(2.1));
  assertAllclose(G.event_time1.quantity, QuantityArray.from([0, 1], ms));
  assertAllclose(G.event_time2.quantity, QuantityArray.from([1, 2], ms));
});

brianTest('test_custom_events_schedule', {}, () => {
  // In the same time step: event2 will be checked and its code executed before event1 is
  // checked and its code executed
  const G = new NeuronGroup(2, 'x : 1\nevent_time : second', {
    events: { event1: 'x>0', event2: 't>=(i+1)*ms and t<(i+1)*ms+dt' },
  });
  G.setEventSchedule('event1', { when: 'after_resets' });
  G.runOnEvent('event2', 'x = 1', { when: 'resets' });
  G.runOnEvent('event1', 'event_time = t\nx = 0', { when: 'after_resets', order: 1 });
  const net = new Network(G);
  net.run(ms(2.1));
  assertAllclose(G.event_time.quantity, QuantityArray.from([1, 2], ms));
});

brianTest('test_incorrect_custom_event_definition', {}, () => {
  // Incorrect event name
  assert.throws(() => new NeuronGroup(1, '', { events: { '1event': 'True' } }), {
    code: 'invalid_identifier',
  });
  // duplicate definition of 'spike' event
  assert.throws(() => new NeuronGroup(1, '', { threshold: 'True', events: { spike: 'False' } }), {
    code: 'bad_argument',
  });
  // not a threshold (Brian: at run(); brian-ts: the options are checked at construction)
  assert.throws(() => new NeuronGroup(1, '', { events: { my_event: mV(10) as never } }), {
    code: 'bad_argument',
  });
  // schedule for a non-existing event
  const G = new NeuronGroup(1, '', { threshold: 'False', events: { my_event: 'True' } });
  assert.throws(() => G.setEventSchedule('another_event'), { code: 'bad_argument' });
  // code for a non-existing event
  assert.throws(() => G.runOnEvent('another_event', ''), { code: 'bad_argument' });
});

brianTest('test_random_vector_values', {}, () => {
  // Make sure that the "loop-invariant optimisation" does not pull out the random number
  // generation and therefore makes all neurons receiving the same values
  const G = new NeuronGroup(100, 'dv/dt = -v / tau + xi*tau**-0.5: 1', { namespace: { tau: ms(10) } });
  G.v = 'rand()';
  assert.ok(variance(G.v_) > 0);
  G.v = 0;
  new Network(G).run(defaultclock.dt);
  assert.ok(variance(G.v_) > 0);
});

brianTest('test_random_values_random_seed', { standalone: true }, () => {
  const G = new NeuronGroup(100, 'v1 : 1\nv2 : 1');
  seed();
  G.v1 = 'rand() + randn()';
  seed();
  G.v2 = 'rand() + randn()';
  run(ms(0)); // for standalone
  const v1 = Array.from(G.v1_ as ArrayLike<number>);
  const v2 = Array.from(G.v2_ as ArrayLike<number>);
  assert.ok(variance(v1) > 0);
  assert.ok(variance(v2) > 0);
  assert.ok(variance(v1.map((x, k) => x - v2[k])) > 0);
});

brianTest('test_random_values_fixed_seed', { standalone: true }, () => {
  const G = new NeuronGroup(100, 'v1 : 1\nv2 : 1');
  seed(12345678);
  G.v1 = 'rand() + randn()';
  seed(12345678);
  G.v2 = 'rand() + randn()';
  run(ms(0)); // for standalone
  assert.ok(variance(G.v1_) > 0);
  assert.ok(variance(G.v2_) > 0);
  assertAllclose(G.v1_, G.v2_);
});

/**
 * Brian keeps, per configuration, a few numbers drawn after `seed(9876)` so that they stay the
 * same across versions, and skips the test for configurations it has no numbers for. brian-ts
 * draws from its own generator (not numpy's Mersenne Twister), the same stream on every device:
 * these are its numbers, recorded from this implementation.
 */
const RANDOM_VALUES: readonly [number[], number[]] = [
  [0.9932380838958158, 0.9155481117936428, 0.7507184756935974, 0.5351907313159961, 0.005947489248267601],
  [-1.359828941574431, 1.3132516591339962, 0.6069859838768433, 0.8386962691494942, -0.110541809036218],
];

brianTest(
  'test_random_values_fixed_seed_numbers',
  {
    standalone: true,
    knownFailure: {
      all: "a documented difference: brian-ts draws from a counter-based generator (Threefry, issue 18: the same numbers on every device, thread and process count), so seed(9876) does not reproduce numpy's Mersenne Twister stream that Brian's numbers come from",
    },
  },
  () => {
    const G = new NeuronGroup(100, 'v1 : 1\nv2 : 1');
    seed(9876);
    G.v1 = 'rand()';
    G.v2 = 'randn()';
    run(ms(0)); // for standalone
    const every20 = (xs: ArrayLike<number>) => Array.from(xs).filter((_, k) => k % 20 === 0);
    assertAllclose(every20(G.v1_), RANDOM_VALUES[0]);
    assertAllclose(every20(G.v2_), RANDOM_VALUES[1]);
  },
);

brianTest('test_random_values_fixed_and_random', { standalone: true, multipleRuns: true }, (ctx) => {
  const G = new NeuronGroup(10, 'dv/dt = -v/(10*ms) + 0.1*xi/sqrt(ms) : 1', { method: 'euler' });
  const mon = new StateMonitor(G, 'v', { record: true });
  // first run
  seed(13579);
  G.v = 'rand()';
  seed();
  run(steps(2));
  // second run
  seed(13579);
  G.v = 'rand()';
  seed();
  run(steps(2));
  ctx.build();

  const traces = mon.v_ as Float64Array[];
  for (const tr of traces) {
    // First time step should be identical (same seed)
    assert.ok(Math.abs(tr[0] - tr[2]) < 0.0001);
    // Increase in second time step should be different (random seed)
    assert.ok(Math.abs(tr[1] - tr[0] - (tr[3] - tr[2])) > 1e-6);
  }
});

brianTest('test_no_code', {}, () => {
  // Make sure that we are not unnecessarily creating code for a state updater that has
  // nothing to do
  const group1 = new NeuronGroup(10, 'v: 1', { threshold: 'False' });
  // The refractory argument will automatically add a statement for each time step, so we'll
  // need a state updater here
  const group2 = new NeuronGroup(10, 'v: 1', { threshold: 'False', refractory: ms(2) });
  run(ms(0));
  assert.equal(group1.stateUpdater.kernel, undefined);
  assert.notEqual(group2.stateUpdater.kernel, undefined);
});

brianTest('test_run_regularly_scheduling', { standalone: true }, () => {
  const G = new NeuronGroup(1, 'v1 : 1\nv2 : 1\nv3 : 1');
  G.runRegularly('v1 += 1');
  G.runRegularly('v2 = v1', { when: 'end' });
  G.runRegularly('v3 = v1', { when: 'before_start' });
  run(steps(2));
  assertAllclose(G.v1.quantity, 2);
  assertAllclose(G.v2.quantity, 2);
  assertAllclose(G.v3.quantity, 1);
});

brianTest('test_run_regularly_scheduling_2', { standalone: true }, () => {
  // This form is relevant for Brian2GeNN, where we are not allowed to change the "when"
  // attribute, but can change the order.
  const G = new NeuronGroup(1, 'v1 : 1\nv2 : 1\nv3 : 1');
  const mon1 = new StateMonitor(G, 'v1', { record: 0, order: 1 });
  const mon2 = new StateMonitor(G, 'v1', { record: 0, order: 3 });
  const mon3 = new StateMonitor(G, 'v2', { record: 0, order: 4 });
  const mon4 = new StateMonitor(G, 'v2', { record: 0, order: 6 });
  G.runRegularly('v3 = v1', { order: 0 });
  G.runRegularly('v1 += 1', { order: 2 });
  G.runRegularly('v2 = v1', { order: 5 });
  run(steps(2));
  assertAllclose(G.v1.quantity, 2);
  assertAllclose(G.v2.quantity, 2);
  assertAllclose(G.v3.quantity, 1);
  assertAllclose(mon1.v1[0], [0, 1]);
  assertAllclose(mon2.v1[0], [1, 2]);
  assertAllclose(mon3.v2[0], [0, 1]);
  assertAllclose(mon4.v2[0], [1, 2]);
});

brianTest('test_run_regularly_dt', { standalone: true }, () => {
  const G = new NeuronGroup(1, 'v : 1');
  G.runRegularly('v += 1', { dt: steps(2) });
  const M = new StateMonitor(G, 'v', { record: 0, when: 'end' });
  run(steps(10));
  assertAllclose(G.v.quantity, 5);
  const v = M.v_[0] as Float64Array;
  const diff = Array.from(v.subarray(1), (x, k) => x - v[k]);
  assertAllclose(diff, [0, 1, 0, 1, 0, 1, 0, 1, 0]);
});

brianTest('test_run_at', { standalone: true }, () => {
  const G = new NeuronGroup(1, 'v : 1');
  G.runAt('v += 1', QuantityArray.from([0, 1, 3]).mul(defaultclock.dt));
  const M = new StateMonitor(G, 'v', { record: 0, when: 'end' });
  run(steps(4));
  assertAllclose(G.v.quantity, 3);
  assertAllclose(M.v[0], [1, 2, 2, 3]);
});

brianTest('test_run_regularly_shared', { standalone: true }, () => {
  // Check that shared variables are handled correctly in run_regularly operations.
  const G = new NeuronGroup(
    10,
    `individual_var: 1
     shared_var: 1 (shared)
     individual_var_i: integer
     shared_var_i: integer (shared)
     individual_var_b: boolean
     shared_var_b: boolean (shared)`,
  );
  G.runRegularly(
    `shared_var = 1.0
     shared_var_i = 2
     shared_var_b = True
     individual_var = 1.0
     individual_var_i = 2
     individual_var_b = True`,
    { dt: defaultclock.dt },
  );
  run(defaultclock.dt);
  assertEqual(G.shared_var.quantity, 1.0);
  assertEqual(G.individual_var.quantity, Array(10).fill(1));
  assertEqual(G.shared_var_i.quantity, 2);
  assertEqual(G.individual_var_i.quantity, Array(10).fill(2));
  assertEqual(G.shared_var_b.quantity, 1);
  assertEqual(G.individual_var_b.quantity, Array(10).fill(1));
});

/**
 * Brian's semantics tests also pass `dtype={'a': np.int32, 'b': np.int64, 'x': float, 'y': float}`;
 * brian-ts stores every integer variable as int32 and every float as float64 (per-variable dtypes
 * are not offered), so `b` is int32 here: its values (-150…149) are the same in both.
 */
const SEMANTICS_MODEL = 'a : integer\nb : integer\nx : 1\ny : 1\nfvalue : 1\nivalue : integer';

brianTest('test_semantics_floor_division', { standalone: true }, () => {
  // See github issues #815, #661, and #1495
  const G = new NeuronGroup(300, SEMANTICS_MODEL);
  const intValues = arange(-150, 150);
  const floatValues = linspace(-100, 100, 300);
  G.ivalue = intValues;
  G.fvalue = floatValues;
  const logs = warningsOf(() => {
    G.runRegularly('a = ivalue//98\nb = ivalue//98\nx = fvalue//98\ny = fvalue//98');
    run(defaultclock.dt);
  });
  assert.deepEqual(logs, []);
  assertEqual(
    G.a_,
    intValues.map((k) => pyFloorDiv(k, 98)),
  );
  assertEqual(
    G.b_,
    intValues.map((k) => pyFloorDiv(k, 98)),
  );
  assertAllclose(
    G.x_,
    floatValues.map((k) => pyFloorDiv(k, 98)),
  );
  assertAllclose(
    G.y_,
    floatValues.map((k) => pyFloorDiv(k, 98)),
  );
});

brianTest('test_semantics_floating_point_division', { standalone: true }, () => {
  // See github issues #815 and #661
  const G = new NeuronGroup(11, 'x1 : 1\nx2 : 1\ny1 : 1\ny2 : 1\nfvalue : 1\nivalue : integer');
  const intValues = arange(-5, 6);
  const floatValues = arange(-5, 6);
  G.ivalue = intValues;
  G.fvalue = floatValues;
  warningsOf(() => {
    G.runRegularly('x1 = ivalue/3\nx2 = fvalue/3\ny1 = ivalue/3\ny2 = fvalue/3');
    run(defaultclock.dt);
  });
  const third = (xs: number[]) => xs.map((k) => k / 3);
  assertAllclose(G.x1_, third(intValues));
  assertAllclose(G.y1_, third(intValues));
  assertAllclose(G.x2_, third(floatValues));
  assertAllclose(G.y2_, third(floatValues));
});

brianTest('test_semantics_mod', { standalone: true }, () => {
  // See github issues #815 and #661
  const G = new NeuronGroup(300, SEMANTICS_MODEL);
  const intValues = arange(-150, 150);
  const floatValues = linspace(-100, 100, 300);
  G.ivalue = intValues;
  G.fvalue = floatValues;
  const logs = warningsOf(() => {
    G.runRegularly('a = ivalue % 98\nb = ivalue % 98\nx = fvalue % 98\ny = fvalue % 98');
    run(defaultclock.dt);
  });
  assert.deepEqual(logs, []);
  assertEqual(
    G.a_,
    intValues.map((k) => pyMod(k, 98)),
  );
  assertEqual(
    G.b_,
    intValues.map((k) => pyMod(k, 98)),
  );
  assertAllclose(
    G.x_,
    floatValues.map((k) => pyMod(k, 98)),
  );
  assertAllclose(
    G.y_,
    floatValues.map((k) => pyMod(k, 98)),
  );
});
