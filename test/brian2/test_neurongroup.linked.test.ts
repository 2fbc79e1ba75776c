/**
 * Brian 2's test_neurongroup.py, translated (test names kept), part 2: linked variables.
 * Skipped tests of the file are listed in test_neurongroup.test.ts.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  linkedVar,
  ms,
  mV,
  Network,
  NeuronGroup,
  QuantityArray,
  run,
  StateMonitor,
  Synapses,
} from '../../src/index.ts';
import { arange, assertAllclose, assertEqual, linspace, repeat } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_neurongroup.py');

const times = (xs: readonly number[], f: number) => xs.map((x) => x * f);

brianTest('test_linked_variable_correct', { standalone: true }, () => {
  const G1 = new NeuronGroup(10, 'dv/dt = -v / tau : volt', { namespace: { tau: ms(10) } });
  G1.v = QuantityArray.from(linspace(0, 20, 10), mV);
  const G2 = new NeuronGroup(10, 'v : volt (linked)');
  G2.v = linkedVar(G1.v);
  const mon1 = new StateMonitor(G1, 'v', { record: true });
  const mon2 = new StateMonitor(G2, 'v', { record: true });
  run(ms(10));
  for (let k = 0; k < 10; k++) assertAllclose(mon1.v[k], mon2.v[k]);
  // Make sure that printing the variable values works
  assert.ok(String(G2.v).length > 0);
  assert.ok(G2.v.quantity.toString().length > 0);
});

brianTest('test_linked_variable_incorrect', {}, () => {
  const G1 = new NeuronGroup(10, 'x : volt\ny : 1');
  const G2 = new NeuronGroup(20, 'x: volt');
  const G3 = new NeuronGroup(10, 'l : volt (linked)\nnot_linked : volt');
  // incorrect unit
  assert.throws(
    () => {
      G3.l = linkedVar(G1.y);
    },
    { code: 'dimension_mismatch' },
  );
  // incorrect group size
  assert.throws(
    () => {
      G3.l = linkedVar(G2.x);
    },
    { code: 'bad_argument' },
  );
  // incorrect use of linkedVar
  assert.throws(
    () => {
      G3.l = linkedVar(G1.x, 'x' as never);
    },
    { code: 'bad_argument' },
  );
  assert.throws(
    () => {
      G3.l = linkedVar(G1 as never);
    },
    { code: 'bad_argument' },
  );
  // Not a linked variable
  assert.throws(
    () => {
      G3.not_linked = linkedVar(G1.x);
    },
    { code: 'bad_argument' },
  );
});

brianTest('test_linked_variable_scalar', { standalone: true }, () => {
  const G1 = new NeuronGroup(1, 'dx/dt = -x / (10*ms) : 1');
  const G2 = new NeuronGroup(10, 'dy/dt = (-y + x) / (20*ms) : 1\nx : 1 (linked)');
  G1.x = 1;
  G2.y = linspace(0, 1, 10);
  G2.x = linkedVar(G1.x);
  new StateMonitor(G2, 'y', { record: true });
  // We don't test anything for now, except that it runs without raising an error
  run(defaultclock.dt);
  // Make sure that printing the variable values works
  assert.ok(String(G2.x).length > 0);
  // Brian: np.isscalar(G2.x[:])
  assert.equal(G2.x.scalar, true);
  // Check that subgroups work correctly (see github issue #916)
  const sg1 = G2.slice(0, 5);
  const sg2 = G2.slice(5);
  assertEqual(sg1.x, G2.x);
  assertEqual(sg2.x, G2.x);
});

brianTest('test_linked_variable_indexed', {}, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : 1 (linked)');
  G.x = times(arange(10), 0.1);
  G.y = linkedVar(G.x, { index: arange(10).reverse() });
  // G.y should refer to an inverted version of G.x
  assertAllclose(G.y.quantity, times(arange(10).reverse(), 0.1));
});

brianTest('test_linked_variable_index_variable', {}, () => {
  const G = new NeuronGroup(10, 'x : 1\nindex_var : integer\nnot_an_index_var : 1\ny : 1 (linked)');
  G.x = times(arange(10), 0.1);
  assert.throws(
    () => {
      G.y = linkedVar(G.x, { index: 'not_an_index_var' });
    },
    { code: 'type_mismatch' },
  );
  G.y = linkedVar(G.x, { index: 'index_var' });
  G.index_var = arange(10).reverse();
  // G.y should refer to an inverted version of G.x
  assertAllclose(G.y.quantity, times(arange(10).reverse(), 0.1));
});

brianTest('test_linked_variable_repeat', {}, () => {
  const G1 = new NeuronGroup(5, 'w : 1');
  const G2 = new NeuronGroup(10, 'v : 1 (linked)');
  G2.v = linkedVar(G1.w, { index: repeat(arange(5), 2) });
  G1.w = times(arange(5), 0.1);
  assertAllclose(G2.v.quantity, times(repeat(arange(5), 2), 0.1));
});

brianTest('test_linked_double_linked1', {}, () => {
  const G1 = new NeuronGroup(10, 'x : 1');
  const G2 = new NeuronGroup(10, 'y : 1 (linked)');
  G2.y = linkedVar(G1.x);
  const G3 = new NeuronGroup(10, 'z: 1 (linked)');
  G3.z = linkedVar(G2.y);
  G1.x = arange(10);
  assertAllclose(G3.z.quantity, arange(10));
});

brianTest('test_linked_double_linked2', {}, () => {
  const G1 = new NeuronGroup(5, 'x : 1');
  const G2 = new NeuronGroup(5, 'y : 1 (linked)');
  G2.y = linkedVar(G1.x);
  const G3 = new NeuronGroup(10, 'z: 1 (linked)');
  G3.z = linkedVar(G2.y, { index: repeat(arange(5), 2) });
  G1.x = times(arange(5), 0.1);
  assertAllclose(G3.z.quantity, times(repeat(arange(5), 2), 0.1));
});

brianTest('test_linked_double_linked3', {}, () => {
  const G1 = new NeuronGroup(5, 'x : 1');
  const G2 = new NeuronGroup(10, 'y : 1 (linked)');
  G2.y = linkedVar(G1.x, { index: repeat(arange(5), 2) });
  const G3 = new NeuronGroup(10, 'z: 1 (linked)');
  G3.z = linkedVar(G2.y);
  G1.x = times(arange(5), 0.1);
  assertAllclose(G3.z.quantity, times(repeat(arange(5), 2), 0.1));
});

brianTest('test_linked_double_linked4', {}, () => {
  const G1 = new NeuronGroup(5, 'x : 1');
  const G2 = new NeuronGroup(10, 'y : 1 (linked)');
  G2.y = linkedVar(G1.x, { index: repeat(arange(5), 2) });
  const G3 = new NeuronGroup(10, 'z: 1 (linked)');
  G3.z = linkedVar(G2.y, { index: arange(10).reverse() });
  G1.x = times(arange(5), 0.1);
  assertAllclose(G3.z.quantity, times(repeat(arange(5), 2).reverse(), 0.1));
});

brianTest('test_linked_triple_linked', {}, () => {
  const G1 = new NeuronGroup(2, 'a : 1');
  const G2 = new NeuronGroup(4, 'b : 1 (linked)');
  G2.b = linkedVar(G1.a, { index: repeat(arange(2), 2) });
  const G3 = new NeuronGroup(4, 'c: 1 (linked)');
  G3.c = linkedVar(G2.b, { index: arange(4).reverse() });
  const G4 = new NeuronGroup(8, 'd: 1 (linked)');
  G4.d = linkedVar(G3.c, { index: repeat(arange(4), 2) });
  G1.a = times(arange(2), 0.1);
  assertAllclose(G4.d.quantity, times(repeat(repeat(arange(2), 2).reverse(), 2), 0.1));
});

brianTest('test_linked_subgroup', {}, () => {
  const G1 = new NeuronGroup(10, 'x : 1');
  G1.x = times(arange(10), 0.1);
  const G2 = G1.slice(3, 8);
  const G3 = new NeuronGroup(5, 'y:1 (linked)');
  G3.y = linkedVar(G2.x);
  assertAllclose(G3.y.quantity, times(arange(3, 8), 0.1));
});

brianTest('test_linked_subgroup2', {}, () => {
  const G1 = new NeuronGroup(10, 'x : 1');
  G1.x = times(arange(10), 0.1);
  const G2 = G1.slice(3, 8);
  const G3 = new NeuronGroup(10, 'y:1 (linked)');
  G3.y = linkedVar(G2.x, { index: repeat(arange(5), 2) });
  assertAllclose(G3.y.quantity, times(repeat(arange(3, 8), 2), 0.1));
});

/** The `I` trace of element `k` of a monitor, raw values. */
const trace = (mon: StateMonitor, name: string, k: number) => Array.from(mon.at(k)[name].values);

brianTest('test_linked_subexpression', { standalone: true }, () => {
  const G = new NeuronGroup(2, 'dv/dt = 100*Hz : 1', { threshold: 'v>1', reset: 'v=0' });
  G.v = [0, 0.5];
  const G2 = new NeuronGroup(10, 'I = clip(x, 0, inf) : 1\nx : 1 (linked)');
  G2.x = linkedVar(G.v, { index: repeat([0, 1], 5) });
  const mon = new StateMonitor(G2, 'I', { record: true });
  run(ms(5));
  // Due to the linking, the first 5 and the second 5 recorded I vectors should be identical
  for (let i = 0; i < 5; i++) assert.deepEqual(trace(mon, 'I', i), trace(mon, 'I', 0));
  for (let i = 0; i < 5; i++) assert.deepEqual(trace(mon, 'I', i + 5), trace(mon, 'I', 5));
});

brianTest('test_linked_subexpression_2', { standalone: true }, () => {
  const G = new NeuronGroup(2, 'dv/dt = 100*Hz : 1\nI = clip(v, 0, inf) : 1', {
    threshold: 'v>1',
    reset: 'v=0',
  });
  G.v = [0, 0.5];
  const G2 = new NeuronGroup(2, 'I_l : 1 (linked) ');
  G2.I_l = linkedVar(G.I);
  const mon1 = new StateMonitor(G, 'I', { record: true });
  const mon = new StateMonitor(G2, 'I_l', { record: true });
  run(ms(5));
  assert.deepEqual(trace(mon, 'I_l', 0), trace(mon1, 'I', 0));
  assert.deepEqual(trace(mon, 'I_l', 1), trace(mon1, 'I', 1));
});

brianTest('test_linked_subexpression_3', { standalone: true }, () => {
  const G = new NeuronGroup(2, 'dv/dt = 100*Hz : 1\nI = clip(v, 0, inf) : 1', {
    threshold: 'v>1',
    reset: 'v=0',
  });
  G.v = [0, 0.5];
  const G2 = new NeuronGroup(10, 'I_l : 1 (linked) ');
  G2.I_l = linkedVar(G.I, { index: repeat([0, 1], 5) });
  const mon1 = new StateMonitor(G, 'I', { record: true });
  const mon = new StateMonitor(G2, 'I_l', { record: true });
  run(ms(5));
  for (let i = 0; i < 5; i++) assert.deepEqual(trace(mon, 'I_l', i), trace(mon1, 'I', 0));
  for (let i = 0; i < 5; i++) assert.deepEqual(trace(mon, 'I_l', i + 5), trace(mon1, 'I', 1));
});

brianTest('test_linked_subexpression_synapse', {}, () => {
  const G = new NeuronGroup(2, 'dv/dt = 100*Hz : 1', { threshold: 'v>1', reset: 'v=0' });
  G.v = [0, 0.5];
  const G2 = new NeuronGroup(10, 'I = clip(x, 0, inf) : 1\nx : 1 (linked)');
  // This will not be able to include references to `I` as `I_pre` etc., since the indirect
  // indexing would have to change depending on the synapses
  G2.x = linkedVar(G.v, { index: repeat([0, 1], 5) });
  const S = new Synapses(G2, G2, { model: '' });
  S.connect({ condition: 'i==j' });
  for (const name of ['I', 'I_pre', 'I_post', 'x', 'x_pre', 'x_post']) {
    assert.ok(!S.variables.has(name), name);
  }
});

brianTest('test_linked_variable_indexed_incorrect', {}, () => {
  const G = new NeuronGroup(10, 'x : 1\ny : 1 (linked)');
  G.x = times(arange(10), 0.1);
  const link = (index: unknown) => () => {
    G.y = linkedVar(G.x, { index: index as number[] });
  };
  assert.throws(link(times(arange(10), 1.5)), { code: 'bad_argument' });
  assert.throws(link(Array.from({ length: 5 }, (_, k) => [2 * k, 2 * k + 1])), { code: 'bad_argument' });
  assert.throws(link(arange(5)), { code: 'bad_argument' });
  assert.throws(link(arange(10).map((k) => k - 1)), { code: 'index_out_of_range' });
  assert.throws(link(arange(10).map((k) => k + 1)), { code: 'index_out_of_range' });
});

brianTest('test_linked_synapses', {}, () => {
  const G = new NeuronGroup(10, '');
  const S = new Synapses(G, G, { model: 'w:1' });
  S.connect();
  const G2 = new NeuronGroup(100, 'x : 1 (linked)');
  assert.throws(
    () => {
      G2.x = linkedVar(S, 'w');
    },
    { code: 'bad_argument' },
  );
});

brianTest('test_linked_var_in_reset', { standalone: true }, () => {
  const G1 = new NeuronGroup(3, 'x:1');
  const G2 = new NeuronGroup(3, 'x_linked : 1 (linked)\ny:1', {
    threshold: 'y>1',
    reset: 'y=0; x_linked += 1',
  });
  G2.x_linked = linkedVar(G1, 'x');
  G2.y = [0, 1.1, 0];
  // In this context, x_linked should not be considered as a scalar variable and therefore the
  // reset statement should be allowed
  run(defaultclock.dt.mul(3));
  assertAllclose(G1.x.quantity, [0, 1, 0]);
});

brianTest('test_linked_var_in_reset_size_1', { standalone: true }, () => {
  const G1 = new NeuronGroup(1, 'x:1');
  const G2 = new NeuronGroup(1, 'x_linked : 1 (linked)\ny:1', {
    threshold: 'y>1',
    reset: 'y=0; x_linked += 1',
  });
  G2.x_linked = linkedVar(G1, 'x');
  G2.y = 1.1;
  run(defaultclock.dt.mul(3));
  assertAllclose(G1.x.quantity, 1);
});

brianTest('test_linked_var_in_reset_incorrect', {}, () => {
  // Raise an error if a scalar variable (linked variable from a group of size 1) is set in a
  // reset statement of a group with size > 1
  const G1 = new NeuronGroup(1, 'x:1');
  const G2 = new NeuronGroup(2, 'x_linked : 1 (linked)\ny:1', {
    threshold: 'y>1',
    reset: 'y=0; x_linked += 1',
  });
  G2.x_linked = linkedVar(G1, 'x');
  G2.y = 1.1;
  const net = new Network(G1, G2);
  // It is not well-defined what x_linked +=1 means in this context (as for any other shared variable)
  assert.throws(() => net.run(ms(0)), { code: 'shared_write_in_vector_code' });
});
