/**
 * Brian 2's test_synapses.py, translated (test names kept), part 1: creation and connect()
 * (condition, p, n, explicit indices, generator syntax). The other parts are in
 * test_synapses_*.test.ts; the skipped tests are listed in test_synapses.test.ts.
 */
import assert from 'node:assert/strict';
import { catchLogs, ms, NeuronGroup, run, Synapses } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { arange, assertEqual } from './asserts.ts';
import { brianSuite } from './harness.ts';
import { compareConnections, eye, matrix, ones, zeros } from './synapses-compare.ts';

const { brianTest } = brianSuite('test_synapses.py');

// biome-ignore lint/suspicious/noExplicitAny: the tests pass values TypeScript would refuse, as Brian's do
type Any = any;

/** Runs `fn` and ignores the warnings it logs (Brian's `with catch_logs() as _:`). */
function quietly(fn: () => void): void {
  catchLogs(fn);
}

brianTest('test_creation', {}, () => {
  const G = new NeuronGroup(42, 'v: 1', { threshold: 'False' });
  let S = new Synapses(G, G, { model: 'w:1', onPre: 'v+=w' });
  assert.ok(S.source.name === S.target.name && S.target.name === G.name);
  assert.equal(S.N, 0);
  S = new Synapses(G, undefined, { model: 'w:1', onPre: 'v+=w' });
  assert.ok(S.source.name === S.target.name && S.target.name === G.name);
});

brianTest('test_creation_errors', {}, () => {
  const G = new NeuronGroup(42, 'v: 1', { threshold: 'False' });
  // The old Synapses(..., connect=...) syntax, and Python's pre=/on_pre= aliases: brian-ts has
  // no aliases, so both are unknown options.
  throwsCode(
    () => new Synapses(G, G, { model: 'w:1', onPre: 'v+=w', connect: true } as Any),
    'unknown_option',
  );
  throwsCode(() => new Synapses(G, G, { model: 'w:1', pre: 'v+=w', onPre: 'v+=w' } as Any), 'unknown_option');
  throwsCode(
    () => new Synapses(G, G, { model: 'w:1', post: 'v+=w', onPost: 'v+=w' } as Any),
    'unknown_option',
  );
});

brianTest('test_connect_errors', {}, () => {
  const G = new NeuronGroup(42, '');
  const S = new Synapses(G, G);
  // Not a boolean condition
  throwsCode(() => S.connect('i*2'), 'type_mismatch');
  // Unit error
  throwsCode(() => S.connect('i > 3*mV'), 'dimension_mismatch');
  // Syntax error
  throwsCode(() => S.connect('sin(3, 4) > 1'), 'wrong_argument_count');
  // Unit error in p argument
  throwsCode(() => S.connect('1*mV'), 'type_mismatch');
  // Syntax error in p argument
  throwsCode(() => S.connect({ p: 'sin(3, 4)' }), 'wrong_argument_count');
});

brianTest('test_name_clashes', {}, () => {
  const G1 = new NeuronGroup(1, 'a : 1');
  const G2 = new NeuronGroup(1, 'b : 1');
  throwsCode(() => new Synapses(G1, G2, { model: 'a : 1' }), 'equation_duplicate_variable');
  throwsCode(() => new Synapses(G1, G2, { model: 'b : 1' }), 'equation_duplicate_variable');
  // Using _pre or _post as variable names is confusing (even if it is non-ambiguous in
  // unconnected NeuronGroups)
  throwsCode(() => new Synapses(G1, G2, { model: 'x_pre : 1' }), 'invalid_identifier');
  throwsCode(() => new Synapses(G1, G2, { model: 'x_post : 1' }), 'invalid_identifier');
  throwsCode(() => new Synapses(G1, G2, { model: 'x_pre = 1 : 1' }), 'invalid_identifier');
  throwsCode(() => new Synapses(G1, G2, { model: 'x_post = 1 : 1' }), 'invalid_identifier');
  throwsCode(() => new NeuronGroup(1, 'x_pre : 1'), 'invalid_identifier');
  throwsCode(() => new NeuronGroup(1, 'x_post : 1'), 'invalid_identifier');
  throwsCode(() => new NeuronGroup(1, 'x_pre = 1 : 1'), 'invalid_identifier');
  throwsCode(() => new NeuronGroup(1, 'x_post = 1 : 1'), 'invalid_identifier');
  // this should all be ok
  new Synapses(G1, G2, { model: 'c : 1' });
  new Synapses(G1, G2, { model: 'a_syn : 1' });
  new Synapses(G1, G2, { model: 'b_syn : 1' });
});

brianTest('test_incoming_outgoing', { standalone: true }, () => {
  const G1 = new NeuronGroup(5, '');
  const G2 = new NeuronGroup(5, '');
  const S = new Synapses(G1, G2, { model: '' });
  S.connect({ i: [0, 0, 0, 1, 1, 2], j: [0, 1, 2, 1, 2, 3] });
  run(ms(0)); // to make this work for standalone
  // First source neuron has 3 outgoing synapses, the second 2, the third 1
  assertEqual(S.N_outgoing.at(0, undefined), 3);
  assertEqual(S.N_outgoing.at(1, undefined), 2);
  assertEqual(S.N_outgoing.at(2, undefined), 1);
  assertEqual(S.N_outgoing.at([3, 4], undefined).length, 0);
  assertEqual(S.N_outgoing_pre, [3, 2, 1, 0, 0]);
  // First target neuron receives 1 input, the second+third each 2, the fourth receives 1
  assertEqual(S.N_incoming.at(undefined, 0), 1);
  assertEqual(S.N_incoming.at(undefined, 1), 2);
  assertEqual(S.N_incoming.at(undefined, 2), 2);
  assertEqual(S.N_incoming.at(undefined, 3), 1);
  assertEqual(S.N_incoming.at(undefined, [4]).length, 0);
  assertEqual(S.N_incoming_post, [1, 2, 2, 1, 0]);
});

brianTest('test_connection_arrays', { standalone: true }, () => {
  const G = new NeuronGroup(42, '');
  const G2 = new NeuronGroup(17, '');
  // one-to-one
  const S1 = new Synapses(G2);
  S1.connect({ i: arange(17), j: arange(17) });
  // full
  const S2 = new Synapses(G, G2);
  const X: number[] = [];
  const Y: number[] = [];
  for (let y = 0; y < 17; y++) {
    for (let x = 0; x < 42; x++) {
      X.push(x);
      Y.push(y);
    }
  }
  S2.connect({ i: X, j: Y });
  // Multiple synapses
  const expected3 = zeros(42, 17);
  expected3[3][3] = 2;
  const S3 = new Synapses(G, G2);
  S3.connect({ i: [3, 3], j: [3, 3] });

  run(ms(0)); // for standalone
  compareConnections(S1, eye(17));
  compareConnections(S2, ones(42, 17));
  compareConnections(S3, expected3);

  // Incorrect usage
  const S = new Synapses(G, G2);
  throwsCode(() => S.connect({ i: [1.1, 2.2], j: [1.1, 2.2] }), 'bad_argument');
  throwsCode(() => S.connect({ i: [1, 2], j: 'string' }), 'bad_argument');
  throwsCode(() => S.connect({ i: [1, 2], j: [1, 2], n: 'i' }), 'bad_argument');
  throwsCode(() => S.connect([1, 2] as Any), 'positional_argument');
  throwsCode(() => S.connect({ i: [1, 2, 3], j: [1, 2] }), 'bad_argument');
  throwsCode(
    () =>
      S.connect({
        i: [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        j: [[1], [1], [1]],
      } as Any),
    'bad_argument',
  );
  throwsCode(() => S.connect({ i: [41, 42], j: [0, 1] }), 'index_out_of_range'); // source index > max
  throwsCode(() => S.connect({ i: [0, 1], j: [16, 17] }), 'index_out_of_range'); // target index > max
  throwsCode(() => S.connect({ i: [0, -1], j: [0, 1] }), 'index_out_of_range'); // source index < 0
  throwsCode(() => S.connect({ i: [0, 1], j: [0, -1] }), 'index_out_of_range'); // target index < 0
  throwsCode(() => S.connect({ condition: 'i==j', j: arange(10) }), 'bad_argument');
  throwsCode(() => S.connect({ condition: 'i==j', n: {} } as Any), 'bad_argument');
  throwsCode(() => S.connect({ condition: 'i==j', p: {} } as Any), 'bad_argument');
  throwsCode(() => S.connect(new (class NotOptions {})() as Any), 'positional_argument');
});

brianTest('test_connection_string_deterministic_full', { standalone: true }, () => {
  const G = new NeuronGroup(17, '');
  const G2 = new NeuronGroup(4, '');
  const S1 = new Synapses(G, G2, { model: '' });
  S1.connect(true);
  const S2 = new Synapses(G, G2, { model: '' });
  S2.connect('True');
  run(ms(0)); // for standalone
  compareConnections(S1, ones(17, 4));
  compareConnections(S2, ones(17, 4));
});

brianTest('test_connection_string_deterministic_full_no_self', { standalone: true }, () => {
  const G = new NeuronGroup(17, 'v : 1');
  G.v = 'i';
  const G2 = new NeuronGroup(4, 'v : 1');
  G2.v = '17 + i';
  const expectedNoSelf = matrix(17, 17, (i, j) => (i === j ? 0 : 1));
  const S1 = new Synapses(G, G);
  S1.connect('i != j');
  const S2 = new Synapses(G, G);
  S2.connect('v_pre != v_post');
  const S3 = new Synapses(G, G);
  S3.connect({ condition: 'i != j' });
  run(ms(0)); // for standalone
  compareConnections(S1, expectedNoSelf);
  compareConnections(S2, expectedNoSelf);
  compareConnections(S3, expectedNoSelf);
});

brianTest('test_connection_string_deterministic_full_one_to_one', { standalone: true }, () => {
  const G = new NeuronGroup(17, 'v : 1');
  G.v = 'i';
  const G2 = new NeuronGroup(4, 'v : 1');
  G2.v = '17 + i';
  const S1 = new Synapses(G, G);
  S1.connect('i == j');
  const S2 = new Synapses(G, G);
  S2.connect('v_pre == v_post');
  const S3 = new Synapses(G, G, {
    model: `
      sub_1 = v_pre : 1
      sub_2 = v_post : 1
      w:1`,
  });
  S3.connect('sub_1 == sub_2');
  const S4 = new Synapses(G, G);
  S4.connect({ j: 'i' });
  run(ms(0)); // for standalone
  compareConnections(S1, eye(17));
  compareConnections(S2, eye(17));
  compareConnections(S3, eye(17));
  compareConnections(S4, eye(17));
});

brianTest('test_connection_string_deterministic_full_custom', { standalone: true }, (ctx) => {
  const G = new NeuronGroup(17, '');
  new NeuronGroup(4, '');
  // Everything except for the upper [2, 2] quadrant
  const number = 2;
  const expectedCustom = matrix(17, 17, (i, j) => (i < number && j < number ? 0 : 1));
  const S1 = new Synapses(G, G);
  // Brian reads `number` from the calling frame; brian-ts from the namespace.
  S1.connect({ condition: '(i >= number) or (j >= number)', namespace: { number } });
  const S2 = new Synapses(G, G);
  S2.connect({
    condition: '(i >= explicit_number) or (j >= explicit_number)',
    namespace: { explicit_number: number },
  });
  // check that this mistaken syntax raises an error
  throwsCode(() => S2.connect('k for k in range(1)'), 'bad_argument');
  // check that trying to connect to a neuron outside the range raises an error
  if (ctx.device !== 'cpp_standalone') throwsCode(() => S2.connect({ j: '20' }), 'index_out_of_range');
  run(ms(0)); // for standalone
  compareConnections(S1, expectedCustom);
  compareConnections(S2, expectedCustom);
});

brianTest('test_connection_string_deterministic_multiple_and', { standalone: true }, () => {
  // In Brian versions 2.1.0-2.1.2, this fails on the numpy target (github issue 900)
  const group = new NeuronGroup(10, '');
  const synapses = new Synapses(group, group);
  synapses.connect('i>=5 and i<10 and j>=5');
  run(ms(0)); // for standalone
  assert.equal(synapses.N, 25);
});

brianTest('test_connection_random_with_condition', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const S1 = new Synapses(G, G);
  S1.connect({ condition: 'i!=j', p: 0.0 });
  const S2 = new Synapses(G, G);
  S2.connect({ condition: 'i!=j', p: 1.0 });
  const expected2 = matrix(4, 4, (i, j) => (i === j ? 0 : 1));
  const S3 = new Synapses(G, G);
  S3.connect({ condition: 'i>=2', p: 0.0 });
  const S4 = new Synapses(G, G);
  S4.connect({ condition: 'i>=2', p: 1.0 });
  const expected4 = matrix(4, 4, (i) => (i >= 2 ? 1 : 0));
  const S5 = new Synapses(G, G);
  S5.connect({ condition: 'j<2', p: 0.0 });
  const S6 = new Synapses(G, G);
  S6.connect({ condition: 'j<2', p: 1.0 });
  const expected6 = matrix(4, 4, (_, j) => (j < 2 ? 1 : 0));
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(S2, expected2);
  assert.equal(S3.N, 0);
  compareConnections(S4, expected4);
  assert.equal(S5.N, 0);
  compareConnections(S6, expected6);
});

brianTest('test_connection_random_with_condition_2', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  // Just checking that everything works in principle (we can't check the actual connections)
  const make = (condition: string, p: number | string) => {
    const S = new Synapses(G, G);
    S.connect({ condition, p });
    return S;
  };
  const S7 = make('i!=j', 0.01);
  const S8 = make('i!=j', 0.03);
  const S9 = make('i!=j', 0.3);
  const S10 = make('i>=2', 0.01);
  const S11 = make('i>=2', 0.03);
  const S12 = make('i>=2', 0.3);
  const S13 = make('j>=2', 0.01);
  const S14 = make('j>=2', 0.03);
  const S15 = make('j>=2', 0.3);
  const S16 = make('i!=j', 'i*0.1');
  const S17 = make('i!=j', 'j*0.1');
  // Forces the use of the "jump algorithm"
  const bigGroup = new NeuronGroup(10000, '');
  const S18 = new Synapses(bigGroup, bigGroup);
  S18.connect({ condition: 'i != j', p: 0.001 });
  // See github issue #835 -- this failed when using numpy
  const S19 = new Synapses(bigGroup, bigGroup);
  S19.connect({ condition: 'i < int(N_post*0.5)', p: 0.001 });
  quietly(() => run(ms(0))); // for standalone
  const none = (S: Synapses, f: (i: number, j: number) => boolean) =>
    assert.ok(!Array.from(S.i as Int32Array).some((i, k) => f(i, S.j[k])));
  const all = (S: Synapses, f: (i: number, j: number) => boolean) =>
    assert.ok(Array.from(S.i as Int32Array).every((i, k) => f(i, S.j[k])));
  for (const S of [S7, S8, S9]) none(S, (i, j) => i === j);
  for (const S of [S10, S11, S12]) all(S, (i) => i >= 2);
  for (const S of [S13, S14, S15]) all(S, (_, j) => j >= 2);
  none(S16, (i) => i === 0);
  none(S17, (_, j) => j === 0);
});

brianTest('test_connection_random_with_indices', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const G2 = new NeuronGroup(7, '');
  const S1 = new Synapses(G, G2);
  S1.connect({ i: 0, j: 0, p: 0.0 });
  const S2 = new Synapses(G, G2);
  S2.connect({ i: 0, j: 0, p: 1.0 });
  const expected2 = zeros(4, 7);
  expected2[0][0] = 1;
  const S3 = new Synapses(G, G2);
  S3.connect({ i: [0, 1], j: [0, 2], p: 1.0 });
  const expected3 = zeros(4, 7);
  expected3[0][0] = 1;
  expected3[1][2] = 1;
  // Just checking that it works in principle
  const make = (i: number | number[], j: number | number[], p: number) => {
    const S = new Synapses(G, G);
    S.connect({ i, j, p });
    return S;
  };
  const S4 = make(0, 0, 0.01);
  const S5 = make([0, 1], [0, 2], 0.01);
  const S6 = make(0, 0, 0.03);
  const S7 = make([0, 1], [0, 2], 0.03);
  const S8 = make(0, 0, 0.3);
  const S9 = make([0, 1], [0, 2], 0.3);
  quietly(() => run(ms(0))); // for standalone
  compareConnections(S1, zeros(4, 7));
  compareConnections(S2, expected2);
  compareConnections(S3, expected3);
  for (const [S, max] of [
    [S4, 1],
    [S5, 2],
    [S6, 1],
    [S7, 2],
    [S8, 1],
    [S9, 2],
  ] as const) {
    assert.ok(S.N >= 0 && S.N <= max);
  }
});

brianTest('test_connection_random_without_condition', { standalone: true }, () => {
  const G = new NeuronGroup(
    4,
    `
    v: 1
    x : integer`,
  );
  G.x = 'i';
  const G2 = new NeuronGroup(
    7,
    `
    v: 1
    y : 1`,
  );
  G2.y = '1.0*i/N';
  const S1 = new Synapses(G, G2);
  S1.connect({ p: 0.0 });
  const S2 = new Synapses(G, G2);
  S2.connect({ p: 1.0 });
  // Just make sure using values between 0 and 1 work in principle
  const S3 = new Synapses(G, G2);
  S3.connect({ p: 0.3 });
  // Use pre-/post-synaptic variables for "stochastic" connections that are actually deterministic
  const S4 = new Synapses(G, G2);
  S4.connect({ p: 'int(x_pre==2)*1.0' });
  const S5 = new Synapses(G, G2);
  S5.connect({ p: 'int(x_pre==2 and y_post > 0.5)*1.0' });
  quietly(() => run(ms(0))); // for standalone
  compareConnections(S1, zeros(4, 7));
  compareConnections(S2, ones(4, 7));
  assert.ok(S3.N >= 0 && S3.N <= 4 * 7);
  assert.equal(S4.N, 7);
  assertEqual(S4.i, 2);
  assertEqual(S4.j, arange(7));
  assert.equal(S5.N, 3);
  assertEqual(S5.i, 2);
  assertEqual(S5.j, [4, 5, 6]);
});

brianTest('test_connection_multiple_synapses', { standalone: true }, () => {
  const G = new NeuronGroup(42, 'v: 1');
  G.v = 'i';
  const G2 = new NeuronGroup(17, 'v: 1');
  G2.v = 'i';
  const make = (n: number | string) => {
    const S = new Synapses(G, G2);
    S.connect({ n });
    return S;
  };
  const S1 = make(0);
  const S2 = make(2);
  const S3 = make('j');
  const S4 = make('i');
  const S5 = make('int(i>j)*2');
  const S6 = make('int(v_pre>v_post)*2');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(
    S2,
    matrix(42, 17, () => 2),
  );
  compareConnections(
    S3,
    matrix(42, 17, (_, j) => j),
  );
  compareConnections(
    S4,
    matrix(42, 17, (i) => i),
  );
  const expected = matrix(42, 17, (i, j) => (j < i ? 2 : 0));
  compareConnections(S5, expected);
  compareConnections(S6, expected);
});

brianTest('test_incorrect_connect_N_incoming_outgoing', {}, () => {
  // See github issue #1227
  const source = new NeuronGroup(5, '');
  const target = new NeuronGroup(3, '');
  const syn = new Synapses(source, target);
  const e1 = throwsCode(() => syn.connect('N_incoming < 5'), 'unknown_identifier');
  assert.match(e1.message, /N_incoming/);
  const e2 = throwsCode(() => syn.connect('N_outgoing < 5'), 'unknown_identifier');
  assert.match(e2.message, /N_outgoing/);
});
