/**
 * Brian 2's test_synapses.py, translated (test names kept), part 3: synaptic state variables
 * (setting, indexing by synapse number, by (i, j, k) and by condition, pre/post views, shared
 * variables and subexpressions, linked variables). The skipped tests are listed in
 * test_synapses.test.ts.
 */
import assert from 'node:assert/strict';
import {
  defaultclock,
  Hz,
  ms,
  mV,
  Network,
  NeuronGroup,
  QuantityArray,
  run,
  SpikeGeneratorGroup,
  Synapses,
  volt,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { arange, assertAllclose, assertEqual } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_synapses.py');

// biome-ignore lint/suspicious/noExplicitAny: the tests pass values TypeScript would refuse, as Brian's do
type Any = any;

brianTest('test_state_variable_assignment', {}, () => {
  const G = new NeuronGroup(10, 'v: volt');
  G.v = 'i*mV';
  const S = new Synapses(G, G, { model: 'w:volt' });
  S.connect(true);
  const i = Array.from(S.i as Int32Array);
  const j = Array.from(S.j as Int32Array);
  const inMV = (xs: number[]) => QuantityArray.from(xs, mV);
  // with unit checking
  const withUnits: [unknown, QuantityArray][] = [
    [mV(5), inMV(i.map(() => 5))],
    [mV(7), inMV(i.map(() => 7))],
    [inMV(i), inMV(i)],
    ['5*mV', inMV(i.map(() => 5))],
    ['i*mV', inMV(i)],
    ['i*mV +j*mV', inMV(i.map((x, k) => x + j[k]))],
    // reference to pre- and postsynaptic state variables
    ['v_pre', inMV(i)],
    ['v_post', inMV(j)],
  ];
  for (const [assignment, expected] of withUnits) {
    S.w = volt(0);
    S.w = assignment;
    assertAllclose(S.w.quantity, expected, { message: `Assigning ${assignment} gave incorrect result` });
    S.w = volt(0);
    S.w.set(assignment as Any);
    assertAllclose(S.w.quantity, expected, { message: `Assigning ${assignment} gave incorrect result` });
  }
  // without unit checking
  const inVolt = (xs: number[]) => QuantityArray.from(xs, volt);
  const withoutUnits: [unknown, QuantityArray][] = [
    [5, inVolt(i.map(() => 5))],
    [7, inVolt(i.map(() => 7))],
    [Float64Array.from(i), inVolt(i)],
    ['5', inVolt(i.map(() => 5))],
    ['i', inVolt(i)],
    ['i +j', inVolt(i.map((x, k) => x + j[k]))],
  ];
  for (const [assignment, expected] of withoutUnits) {
    // Brian's `S.w_ = x` and `S.w_[:] = x` are the same assignment here (no slices in JS).
    S.w = volt(0);
    S.w_ = assignment;
    assertAllclose(S.w.quantity, expected, { message: `Assigning ${assignment} gave incorrect result` });
  }
});

brianTest('test_state_variable_indexing', {}, () => {
  const G1 = new NeuronGroup(5, 'v:volt');
  G1.v = 'i*mV';
  const G2 = new NeuronGroup(7, 'v:volt');
  G2.v = '10*mV + i*mV';
  const S = new Synapses(G1, G2, { model: 'w:1', multisynapticIndex: 'k' });
  S.connect({ n: 2 });
  S.w.set('5*i + j', S.at(undefined, undefined, 0));
  S.w.set('35 + 5*i + j', S.at(undefined, undefined, 1));
  const all = undefined;
  const n = (x: { length: number }) => x.length;
  // Slicing (Python slices become index lists)
  assert.equal(n(S.w.values), 5 * 7 * 2);
  assert.equal(n(S.w.at(all, all)), 5 * 7 * 2);
  assert.equal(n(S.w.at(all, all, all)), 5 * 7 * 2);
  assert.equal(n(S.w.at(arange(0, 5, 2), all)), 3 * 7 * 2);
  assert.equal(n(S.w.at(0, all)), 7 * 2);
  assert.equal(n(S.w.at(0, all, all)), 7 * 2);
  assert.equal(n(S.w.at(arange(2), all)), 2 * 7 * 2);
  assert.equal(n(S.w.at(arange(0, 4, 2), all, all)), 2 * 7 * 2);
  assert.equal(n(S.w.at(all, 0)), 5 * 2);
  assert.equal(n(S.w.at(all, 0, all)), 5 * 2);
  assert.equal(n(S.w.at(all, arange(2))), 2 * 5 * 2);
  assert.equal(n(S.w.at(all, arange(0, 4, 2), all)), 2 * 5 * 2);
  assert.equal(n(S.w.at(all, all, 0)), 5 * 7);
  assert.equal(n(S.w.at(all, all, arange(2))), 5 * 7 * 2);
  assert.equal(n(S.w.at(all, all, arange(0, 2, 2))), 5 * 7);
  // 1d indexing is directly indexing synapses!
  assert.equal(n(S.w.get([0, 1])), 2);
  assert.equal(n(S.w.get(arange(3, 5))), 2);
  assert.equal(n(S.w.get(arange(5 * 7 * 2))), 5 * 7 * 2);
  assert.equal(S.w.at(3).value, S.w.get([3]).values[0]);
  // Array-indexing
  assertEqual(S.w.at(all, arange(3)), S.w.at(all, [0, 1, 2]));
  assertEqual(S.w.at(all, arange(3)), S.w.at(arange(5), [0, 1, 2]));
  // string-based indexing
  assertEqual(S.w.at(arange(3), all), S.w.get('i<3'));
  assertEqual(S.w.at(all, arange(3)), S.w.get('j<3'));
  assertEqual(S.w.at(all, all, 0), S.w.get('k == 0'));
  assertEqual(S.w.at(arange(3), all), S.w.get('v_pre < 2.5*mV'));
  assertEqual(S.w.at(all, arange(3)), S.w.get('v_post < 12.5*mV'));
  // invalid indices
  throwsCode(() => (S.w.at as Any)(1, 2, 3, 4), 'bad_argument');
  throwsCode(() => S.w.get(new (class NotAnIndex {})() as Any), 'bad_argument');
  throwsCode(() => S.w.get(1.5), 'bad_argument');
});

brianTest('test_indices', {}, () => {
  const G = new NeuronGroup(10, 'v : 1');
  const S = new Synapses(G, G, { model: '' });
  S.connect();
  G.v = 'i';
  assertEqual(S.at().indices, arange(100));
  assert.equal(S.at(5, undefined).length, 10);
  assertEqual(S.at('v_pre >=5').indices, S.at(arange(5, 10), undefined).indices);
  assertEqual(S.at('j >=5').indices, S.at(undefined, arange(5, 10)).indices);
});

brianTest('test_subexpression_references', {}, () => {
  const G = new NeuronGroup(
    10,
    `
    v : 1
    v2 = 2*v : 1`,
  );
  G.v = arange(10);
  const S = new Synapses(G, G, {
    model: `
      w : 1
      u = v2_post + 1 : 1
      x = v2_pre + 1 : 1`,
  });
  S.connect('i==(10-1-j)');
  assertEqual(
    S.u.values,
    arange(10)
      .reverse()
      .map((x) => x * 2 + 1),
  );
  assertEqual(
    S.x.values,
    arange(10).map((x) => x * 2 + 1),
  );
});

brianTest('test_constant_variable_subexpression_in_synapses', { standalone: true }, () => {
  const G = new NeuronGroup(10, '');
  const S = new Synapses(G, G, {
    model: `
      dv1/dt = -v1**2 / (10*ms) : 1 (clock-driven)
      dv2/dt = -v_const**2 / (10*ms) : 1 (clock-driven)
      dv3/dt = -v_var**2 / (10*ms) : 1 (clock-driven)
      dv4/dt = -v_noflag**2 / (10*ms) : 1 (clock-driven)
      v_const = v2 : 1 (constant over dt)
      v_var = v3 : 1
      v_noflag = v4 : 1`,
    method: 'rk2',
  });
  S.connect({ j: 'i' });
  S.v1 = '1.0*i/N';
  S.v2 = '1.0*i/N';
  S.v3 = '1.0*i/N';
  S.v4 = '1.0*i/N';
  run(ms(10));
  // "variable over dt" subexpressions are directly inserted into the equation
  assertAllclose(S.v3.values, S.v1.values);
  assertAllclose(S.v4.values, S.v1.values);
  // "constant over dt" subexpressions will keep a fixed value over the time step and therefore
  // give a slightly different result for multi-step methods
  const v1 = S.v1.values;
  const v2 = S.v2.values;
  let sum = 0;
  for (let k = 0; k < v1.length; k++) sum += (v2[k] - v1[k]) ** 2;
  assert.ok(sum > 1e-10, `sum of squared differences ${sum}`);
});

brianTest('test_nested_subexpression_references', { standalone: true }, () => {
  const G = new NeuronGroup(
    10,
    `
    v : 1
    v2 = 2*v : 1
    v3 = 1.5*v2 : 1`,
    { threshold: 'v>=5' },
  );
  const G2 = new NeuronGroup(10, 'v : 1');
  G.v = arange(10);
  const S = new Synapses(G, G2, { onPre: 'v_post += v3_pre' });
  S.connect({ j: 'i' });
  run(defaultclock.dt);
  assertAllclose(G2.v.values.slice(0, 5), 0.0);
  assertAllclose(
    G2.v.values.slice(5),
    arange(5).map((x) => (5 + x) * 3),
  );
});

brianTest('test_equations_unit_check', {}, () => {
  const group = new NeuronGroup(1, 'v : volt', { threshold: 'True' });
  const syn = new Synapses(group, group, {
    model: `
      sub1 = 3 : 1
      sub2 = sub1 + 1*mV : volt`,
    onPre: 'v += sub2',
  });
  syn.connect();
  const net = new Network(group, syn);
  throwsCode(() => net.run(ms(0)), 'dimension_mismatch');
});

brianTest('test_scalar_parameter_access', {}, () => {
  const G = new NeuronGroup(
    10,
    `
    v : 1
    scalar : Hz (shared)`,
    { threshold: 'False' },
  );
  const S = new Synapses(G, G, {
    model: `
      w : 1
      s : Hz (shared)
      number : 1 (shared)`,
    onPre: 'v+=w*number',
  });
  S.connect();
  // Try setting a scalar variable
  S.s = Hz(100);
  assertAllclose(S.s.quantity, Hz(100));
  S.s.set(Hz(200));
  assertAllclose(S.s.quantity, Hz(200));
  S.s = 's - 50*Hz + number*Hz';
  assertAllclose(S.s.quantity, Hz(150));
  S.s.set('50*Hz');
  assertAllclose(S.s.quantity, Hz(50));
  // Set a postsynaptic scalar variable
  S.scalar_post = Hz(100);
  assertAllclose(G.scalar.quantity, Hz(100));
  S.scalar_post.set(Hz(100));
  assertAllclose(G.scalar.quantity, Hz(100));
  // Check the second method of accessing that works
  assertAllclose(S.s.quantity, Hz(50));
  // Check error messages
  throwsCode(() => S.s.at(0), 'index_out_of_range');
  throwsCode(() => S.s.at(1), 'index_out_of_range');
  throwsCode(() => S.s.get([0]), 'index_out_of_range');
  throwsCode(() => S.s.get('i>5'), 'index_out_of_range');
  throwsCode(() => S.s.set(QuantityArray.from([0, 1], Hz)), 'bad_argument');
  throwsCode(() => S.s.set(Hz(100), 0), 'index_out_of_range');
  throwsCode(() => S.s.set(Hz(100), 1), 'index_out_of_range');
  throwsCode(() => S.s.set(Hz(100), 'i>5'), 'index_out_of_range');
});

brianTest('test_scalar_subexpression', {}, () => {
  const G = new NeuronGroup(
    10,
    `
    v : 1
    number : 1 (shared)`,
    { threshold: 'False' },
  );
  const S = new Synapses(G, G, {
    model: `
      s : 1 (shared)
      sub = number_post + s : 1 (shared)`,
    onPre: 'v+=s',
  });
  S.connect();
  S.s = 100;
  G.number = 50;
  assert.equal(S.sub.values[0], 150);
  throwsCode(
    () =>
      new Synapses(G, G, {
        model: `
          s : 1 (shared)
          sub = v_post + s : 1 (shared)`,
        onPre: 'v+=s',
      }),
    'shared_subexpression',
  );
});

function scalarSim(model: string, setS: boolean) {
  const inp = new SpikeGeneratorGroup(2, [0, 1], QuantityArray.from([0, 0], ms));
  const out = new NeuronGroup(2, 'v : 1');
  const syn = new Synapses(inp, out, { model, onPre: 'v += s + w' });
  syn.connect({ j: 'i' });
  syn.w = [1, 2];
  if (setS) syn.s = 5;
  run(defaultclock.dt.mul(2) as Any);
  assertAllclose(out.v.values, [6, 7]);
}

brianTest('test_sim_with_scalar_variable', { standalone: true }, () => {
  scalarSim(
    `
    w : 1
    s : 1 (shared)`,
    true,
  );
});

brianTest('test_sim_with_scalar_subexpression', { standalone: true }, () => {
  scalarSim(
    `
    w : 1
    s = 5 : 1 (shared)`,
    false,
  );
});

brianTest('test_sim_with_constant_subexpression', { standalone: true }, () => {
  scalarSim(
    `
    w : 1
    s = 5 : 1 (constant over dt)`,
    false,
  );
});

brianTest('test_external_variables', { standalone: true }, () => {
  // Make sure that external variables are correctly resolved
  const source = new SpikeGeneratorGroup(1, [0], QuantityArray.from([0], ms));
  const target = new NeuronGroup(1, 'v:1');
  // Brian reads w_var and amplitude from the calling frame; brian-ts from the namespace.
  const syn = new Synapses(source, target, {
    model: 'w=w_var : 1',
    onPre: 'v+=amplitude*w',
    namespace: { w_var: 1, amplitude: 2 },
  });
  syn.connect();
  run(defaultclock.dt);
  assert.equal(target.v.values[0], 2);
});

brianTest('test_pre_post_variables', {}, () => {
  const G = new NeuronGroup(10, 'v : 1', { threshold: 'False' });
  const G2 = new NeuronGroup(
    10,
    `
    v : 1
    w : 1`,
    { threshold: 'False' },
  );
  const S = new Synapses(G, G2, { model: 'x : 1' });
  // Check for the most important variables (Brian's `var in S.variables`)
  for (const name of [
    'v_pre',
    'v',
    'v_post',
    'w',
    'w_post',
    'x',
    'N_pre',
    'N_post',
    'N_incoming',
    'N_outgoing',
    'i',
    'j',
    't',
    'dt',
  ]) {
    assert.ok(S.variable(name), name);
  }
  // Check that postsynaptic variables without suffix refer to the correct variable
  assert.equal(S.variable('v'), S.variable('v_post'));
  assert.equal(S.variable('w'), S.variable('w_post'));
  // Check that internal pre-/post-synaptic variables are not accessible
  for (const name of ['_spikespace_pre', '_spikespace', '_spikespace_post']) {
    throwsCode(() => S.variable(name), 'unknown_variable');
  }
});

brianTest('test_synaptic_subgroups', {}, () => {
  const source = new NeuronGroup(5, '');
  const target = new NeuronGroup(3, '');
  const syn = new Synapses(source, target);
  syn.connect();
  assert.equal(syn.N, 15);
  const from3 = syn.at(3, undefined);
  assert.equal(from3.length, 3);
  assertEqual(syn.state('i').get(from3), 3);
  assertEqual(syn.state('j').get(from3), arange(3));
  const to2 = syn.at(undefined, 2);
  assert.equal(to2.length, 5);
  assertEqual(syn.state('j').get(to2), 2);
  assertEqual(syn.state('i').get(to2), arange(5));
  const mixed = syn.at(arange(1, 3), arange(2));
  assert.equal(mixed.length, 4);
  const is = syn.state('i').get(mixed).values;
  const js = syn.state('j').get(mixed).values;
  const connections = new Set(Array.from(is, (i, k) => `${i},${js[k]}`));
  assert.deepEqual(connections, new Set(['1,0', '1,1', '2,0', '2,1']));
});

brianTest('test_setting_from_weight_matrix', {}, () => {
  // fully connected weight matrix, weights[source_index][target_index]
  const weights = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  const source = new NeuronGroup(2, '');
  const target = new NeuronGroup(3, '');
  const syn = new Synapses(source, target, { model: 'w : 1' });
  syn.connect();
  syn.w = weights.flat();
  weights.forEach((row, i) => {
    row.forEach((w, j) => {
      assertEqual(syn.w.at(i, j), w);
    });
  });
});

// Linked variables in Synapses arrived with Brian 2.9; Brian 2.5.1, the reference, refuses the
// (linked) flag in Synapses equations ("Equations of type 'parameter' cannot have a flag
// 'linked'"), and so does brian-ts. These two tests check that refusal.
brianTest('test_linked_to_shared_variables', {}, () => {
  const group = new NeuronGroup(10, '');
  throwsCode(
    () =>
      new Synapses(group, group, {
        model: `x1 : 1 (linked)
                x2 : 1 (linked)`,
      }),
    'equation_bad_flag',
  );
});

brianTest('test_linked_to_non_shared_variables', {}, () => {
  const group = new NeuronGroup(10, 'y: 1');
  throwsCode(
    () =>
      new Synapses(group, group, {
        model: `x : 1 (linked)
                x_ind: integer
                not_an_index : 1`,
      }),
    'equation_bad_flag',
  );
});
