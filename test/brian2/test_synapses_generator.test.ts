/**
 * Brian 2's test_synapses.py, translated (test names kept), part 2: connect() with the generator
 * syntax (`j='k for k in range(…)/sample(…) if …'`). The skipped tests are listed in
 * test_synapses.test.ts.
 */
import assert from 'node:assert/strict';
import type { Expr } from '../../src/compiler/1-parse/ast.ts';
import { exprToString } from '../../src/compiler/1-parse/expr-utils.ts';
import { parseGenerator } from '../../src/compiler/1-parse/parse-generator.ts';
import { catchLogs, ms, NeuronGroup, run, Synapses } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { arange, assertEqual } from './asserts.ts';
import { brianSuite } from './harness.ts';
import { compareConnections, eye, matrix, ones, zeros } from './synapses-compare.ts';

const { brianTest } = brianSuite('test_synapses.py');

function quietly(fn: () => void): void {
  catchLogs(fn);
}

const pairs = (S: Synapses) => Array.from(S.i as Int32Array, (i, k) => [i, S.j[k] as number] as const);
const allPairs = (S: Synapses, f: (i: number, j: number) => boolean) => pairs(S).every(([i, j]) => f(i, j));

/** Brian's `parse_synapse_generator` dict, from brian-ts's parsed generator. */
function parsed(text: string) {
  const g = parseGenerator(text);
  const str = (e: Expr | undefined) => (e === undefined ? undefined : exprToString(e));
  const it = g.iterator;
  const args = it?.args ?? [];
  const [low, high, step] =
    args.length === 1 ? ['0', str(args[0]), '1'] : [str(args[0]), str(args[1]), str(args[2]) ?? '1'];
  const kw = new Map(it?.keywords.map((k) => [k.name, str(k.value)]));
  return {
    element: str(g.element),
    inner_variable: g.variable,
    iterator_func: it?.kind,
    low,
    high,
    step,
    p: kw.get('p'),
    size: kw.get('size'),
    sample_size: kw.has('size') ? 'fixed' : 'random',
    if_expression: str(g.condition) ?? 'True',
  };
}

brianTest('test_synapse_generator_syntax', {}, () => {
  let p = parsed('k for k in sample(1, N, p=p) if abs(i-k)<10');
  assert.equal(p.element, 'k');
  assert.equal(p.inner_variable, 'k');
  assert.equal(p.iterator_func, 'sample');
  assert.equal(p.low, '1');
  assert.equal(p.high, 'N');
  assert.equal(p.step, '1');
  assert.equal(p.p, 'p');
  assert.equal(p.size, undefined);
  assert.equal(p.sample_size, 'random');
  assert.equal(p.if_expression, 'abs(i - k) < 10');
  p = parsed('k for k in sample(N, size=5) if abs(i-k)<10');
  assert.equal(p.element, 'k');
  assert.equal(p.inner_variable, 'k');
  assert.equal(p.iterator_func, 'sample');
  assert.equal(p.low, '0');
  assert.equal(p.high, 'N');
  assert.equal(p.step, '1');
  assert.equal(p.p, undefined);
  assert.equal(p.size, '5');
  assert.equal(p.sample_size, 'fixed');
  assert.equal(p.if_expression, 'abs(i - k) < 10');
  p = parsed('k+1 for k in range(i-100, i+100, 2)');
  assert.equal(p.element, 'k + 1');
  assert.equal(p.inner_variable, 'k');
  assert.equal(p.iterator_func, 'range');
  assert.equal(p.low, 'i - 100');
  assert.equal(p.high, 'i + 100');
  assert.equal(p.step, '2');
  assert.equal(p.if_expression, 'True');
  // Brian's SyntaxError for these: one of brian-ts's syntax error codes. Brian's case `k+1` is
  // left out: parse_synapse_generator only parses the generator form, while brian-ts's parser
  // also reads the mapping form that connect(j='k+1') takes in both simulators.
  for (const bad of [
    'mad rubbish',
    'k for k in range()',
    'k for k in range(1,2,3,4)',
    'k for k in range(1,2,3) if ',
    'k[1:3] for k in range(1,2,3)',
    'k for k in x',
    'k for k in x[1:5]',
    'k for k in sample()',
    'k for k in sample(N, p=0.1, size=5)',
    'k for k in sample(N, q=0.1)',
  ]) {
    assert.throws(
      () => parseGenerator(bad),
      (e: Error & { code?: string }) =>
        [
          'generator_syntax',
          'syntax_error',
          'unexpected_token',
          'unexpected_character',
          'unterminated_expression',
        ].includes(e.code ?? ''),
      bad,
    );
  }
});

brianTest('test_synapse_generator_out_of_range', {}, () => {
  const G = new NeuronGroup(16, 'v : 1');
  const G2 = new NeuronGroup(4, 'v : 1');
  G2.v = '16 + i';
  const S1 = new Synapses(G, G2, { model: '' });
  throwsCode(() => S1.connect({ j: 'k for k in range(0, N_post*2)' }), 'index_out_of_range');
  // This should be fine
  let S2 = new Synapses(G, G, { model: '' });
  S2.connect({ j: 'i+k for k in range(0, 5) if i <= N_post-5' });
  const expected = matrix(16, 16, (i, j) => (j >= i && j < i + 5 && i < 16 - 4 ? 1 : 0));
  compareConnections(S2, expected);
  // This should be fine (see #1037)
  S2 = new Synapses(G, G, { model: '' });
  S2.connect({ j: 'i+k for k in range(0, 5) if i <= N_post-5 and rand() <= 1' });
  compareConnections(S2, expected);
  // This could in principle be fine, but we cannot test the condition without accessing the
  // post-synaptic variable outside of its range.
  const S3 = new Synapses(G, G, { model: '' });
  const e = throwsCode(
    () => S3.connect({ j: 'i+k for k in range(0, 5) if i <= N_post-5 and v_post >= 0' }),
    'index_out_of_range',
  );
  assert.match(e.message, /outside allowed range/);
});

brianTest('test_synapse_generator_deterministic', { standalone: true }, () => {
  const G = new NeuronGroup(16, 'v : 1');
  G.v = 'i';
  const G2 = new NeuronGroup(4, 'v : 1');
  G2.v = '16 + i';
  const make = (source: NeuronGroup, target: NeuronGroup, j: string) => {
    const S = new Synapses(source, target);
    S.connect({ j });
    return S;
  };
  const S1 = make(G, G2, 'k for k in range(N_post)');
  const S2 = make(G, G, 'k for k in range(N_post) if k != i');
  // slightly confusing with j on the RHS, but it should work...
  const S3 = make(G, G, 'k for k in range(N_post) if j != i');
  const S4 = make(G, G, 'k for k in range(N_post) if v_post != v_pre');
  const S5 = make(G, G, 'k for k in range(N_post) if k == i'); // inefficient
  const S6 = make(G, G, 'k for k in range(N_post) if j == i'); // inefficient
  const S7 = make(G, G, 'k for k in range(N_post) if v_pre == v_post'); // inefficient
  const S8 = make(G, G, 'i for _ in range(1)'); // efficient
  const S9 = make(G, G, 'i'); // short form of the above
  quietly(() => run(ms(0))); // for standalone
  const noSelf = matrix(16, 16, (i, j) => (i === j ? 0 : 1));
  compareConnections(S1, ones(16, 4));
  for (const S of [S2, S3, S4]) compareConnections(S, noSelf);
  for (const S of [S5, S6, S7, S8, S9]) compareConnections(S, eye(16));
});

brianTest('test_synapse_generator_deterministic_over_postsynaptic', { standalone: true }, () => {
  const G = new NeuronGroup(16, 'v : 1');
  G.v = 'i';
  const G2 = new NeuronGroup(4, 'v : 1');
  G2.v = '16 + i';
  const make = (target: NeuronGroup, spec: { i?: string; j?: string }) => {
    const S = new Synapses(G, target);
    S.connect(spec);
    return S;
  };
  const S1 = make(G2, { i: 'k for k in range(N_pre)' });
  const S2 = make(G, { i: 'k for k in range(N_pre) if k != j' });
  // slightly confusing with i on the RHS, but it should work...
  const S3 = make(G, { i: 'k for k in range(N_pre) if i != j' });
  const S4 = make(G, { j: 'k for k in range(N_pre) if v_pre != v_post' });
  const S5 = make(G, { i: 'k for k in range(N_pre) if k == j' }); // inefficient
  const S6 = make(G, { i: 'k for k in range(N_pre) if i == j' }); // inefficient
  const S7 = make(G, { i: 'k for k in range(N_pre) if v_pre == v_post' }); // inefficient
  const S8 = make(G, { i: 'j for _ in range(1)' }); // efficient
  const S9 = make(G, { i: 'j' }); // short form of the above
  quietly(() => run(ms(0))); // for standalone
  const noSelf = matrix(16, 16, (i, j) => (i === j ? 0 : 1));
  compareConnections(S1, ones(16, 4));
  for (const S of [S2, S3, S4]) compareConnections(S, noSelf);
  for (const S of [S5, S6, S7, S8, S9]) compareConnections(S, eye(16));
});

brianTest('test_synapse_generator_deterministic_2', { standalone: true }, () => {
  const G = new NeuronGroup(16, '');
  const G2 = new NeuronGroup(4, '');
  const make = (s: NeuronGroup, t: NeuronGroup, j: string, skipIfInvalid = false) => {
    const S = new Synapses(s, t);
    S.connect({ j, skipIfInvalid });
    return S;
  };
  // Ring structure
  const S10 = make(G, G, '(i + (-1)**k) % N_post for k in range(2)');
  const ring = zeros(16, 16);
  for (let k = 0; k < 15; k++) {
    ring[k][k + 1] = 1; // Next cell
    ring[k + 1][k] = 1; // Previous cell
  }
  ring[0][15] = 1; // wrap around the ring
  ring[15][0] = 1;
  // Diverging connection pattern
  const S11 = make(G2, G, 'i*4 + k for k in range(4)');
  const diverging = matrix(4, 16, (i, j) => (Math.floor(j / 4) === i ? 1 : 0));
  // Diverging connection pattern within population (no self-connections)
  const S11b = make(G2, G2, 'k for k in range(i-3, i+4) if i!=k', true);
  const divergingB = matrix(4, 4, (i, j) => (i === j ? 0 : 1));
  // Converging connection pattern
  const S12 = make(G, G2, 'int(i/4)');
  const converging = matrix(16, 4, (i, j) => (Math.floor(i / 4) === j ? 1 : 0));
  // skip if invalid
  const S13 = make(G2, G2, 'i+(-1)**k for k in range(2)', true);
  const offdiagonal = matrix(4, 4, (i, j) => (Math.abs(i - j) === 1 ? 1 : 0));
  // Converging connection pattern with restriction
  const S14 = make(G, G2, 'int(i/4) if i % 2 == 0');
  const convergingRestricted = matrix(16, 4, (i, j) => (Math.floor(i / 4) === j && i % 2 === 0 ? 1 : 0));
  // Connecting to post indices >= source index
  const diagonal = matrix(16, 16, (i, j) => (j >= i ? 1 : 0));
  const S15 = make(G, G, 'i + k for k in range(0, N_post-i)');
  const S15b = make(G, G, 'i + k for k in range(0, N_post)', true);
  const S15c = make(G, G, 'i + k for k in range(0, N_post) if j < N_post');
  const S15d = make(G, G, 'i + k for k in range(0, N_post) if i + k < N_post');
  quietly(() => run(ms(0))); // for standalone
  compareConnections(S10, ring);
  compareConnections(S11, diverging);
  compareConnections(S11b, divergingB);
  compareConnections(S12, converging);
  compareConnections(S13, offdiagonal);
  compareConnections(S14, convergingRestricted);
  for (const S of [S15, S15b, S15c, S15d]) compareConnections(S, diagonal);
});

brianTest('test_synapse_generator_random', { standalone: true }, () => {
  const G = new NeuronGroup(4, 'x : integer');
  G.x = 'i';
  const G2 = new NeuronGroup(7, '');
  const make = (j: string) => {
    const S = new Synapses(G, G2);
    S.connect({ j });
    return S;
  };
  const S1 = make('k for k in sample(N_post, p=0)');
  const S2 = make('k for k in sample(N_post, p=1)');
  const S3 = make('k for k in sample(N_post, p=0.3)');
  const S4 = make('k for k in sample(N_post, p=int(x_pre==2)*1.0)');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(S2, ones(4, 7));
  assert.ok(S3.N >= 0 && S3.N <= 28);
  assert.equal(S4.N, 7);
  assertEqual(S4.i, 2);
  assertEqual(S4.j, arange(7));
});

brianTest('test_synapse_generator_random_over_postsynaptic', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const G2 = new NeuronGroup(7, 'y : 1');
  G2.y = 'i';
  const make = (i: string) => {
    const S = new Synapses(G, G2);
    S.connect({ i });
    return S;
  };
  const S1 = make('k for k in sample(N_pre, p=0)');
  const S2 = make('k for k in sample(N_pre, p=1)');
  const S3 = make('k for k in sample(N_pre, p=0.3)');
  const S4 = make('k for k in sample(N_pre, p=int(y_post==2)*1.0)');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(S2, ones(4, 7));
  assert.ok(S3.N >= 0 && S3.N <= 28);
  assert.equal(S4.N, 4);
  assertEqual(S4.i, arange(4));
  assertEqual(S4.j, 2);
});

function steppedRandom(generator: (p: string) => string, expectedS4: number[]) {
  const G = new NeuronGroup(4, 'x : integer');
  G.x = 'i';
  const G2 = new NeuronGroup(7, '');
  const make = (p: string) => {
    const S = new Synapses(G, G2);
    S.connect({ j: generator(p) });
    return S;
  };
  const S1 = make('p=0');
  const S2 = make('p=1');
  // 0.25 is the cutoff between the general method and the "jump method": a value above and below
  const S3 = make('p=0.2');
  const S3b = make('p=0.3');
  const S4 = make('p=int(x_pre==2)*1.0');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(
    S2,
    matrix(4, 7, (_, j) => (j >= 2 && j % 2 === 0 ? 1 : 0)),
  );
  for (const S of [S3, S3b]) {
    assert.ok(S.N >= 0 && S.N <= 4 * 3);
    assert.ok(allPairs(S, (_, j) => j % 2 === 0 && j >= 2));
  }
  assert.equal(S4.N, 3);
  assertEqual(S4.i, 2);
  assertEqual(S4.j, expectedS4);
}

brianTest('test_synapse_generator_random_positive_steps', { standalone: true }, () => {
  steppedRandom((p) => `k for k in sample(2, N_post, 2, ${p})`, [2, 4, 6]);
});

brianTest('test_synapse_generator_random_negative_steps', { standalone: true }, () => {
  steppedRandom((p) => `k for k in sample(N_post-1, 0, -2, ${p})`, [6, 4, 2]);
});

brianTest('test_synapse_generator_fixed_random', { standalone: true }, () => {
  const G = new NeuronGroup(4, 'x : integer');
  G.x = 'i';
  const G2 = new NeuronGroup(7, '');
  const make = (j: string) => {
    const S = new Synapses(G, G2);
    S.connect({ j });
    return S;
  };
  const S1 = make('k for k in sample(N_post, size=0)');
  const S2 = make('k for k in sample(N_post, size=N_post)');
  const S3 = make('k for k in sample(N_post, size=3)');
  const S4 = make('k for k in sample(N_post, size=int(x_pre==2)*N_post)');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(S2, ones(4, 7));
  // Each neuron should have 3 outgoing connections
  assertEqual(S3.N_outgoing_pre, [3, 3, 3, 3]);
  // Synapses should be sorted and unique
  for (let source = 0; source < 4; source++) {
    const js = Array.from(S3.state('j').at(source, undefined).values);
    assert.equal(new Set(js).size, 3);
    assert.deepEqual(
      js,
      [...js].sort((a, b) => a - b),
    );
  }
  assert.equal(S4.N, 7);
  assertEqual(S4.i, 2);
  assertEqual(S4.j, arange(7));
});

brianTest('test_synapse_generator_fixed_random_over_postsynaptic', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const G2 = new NeuronGroup(7, 'y : integer');
  G2.y = 'i';
  const make = (i: string) => {
    const S = new Synapses(G, G2);
    S.connect({ i });
    return S;
  };
  const S1 = make('k for k in sample(N_pre, size=0)');
  const S2 = make('k for k in sample(N_pre, size=N_pre)');
  const S3 = make('k for k in sample(N_pre, size=3)');
  const S4 = make('k for k in sample(N_pre, size=int(y_post==2)*N_pre)');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(S2, ones(4, 7));
  // Each neuron should have 3 incoming connections
  assertEqual(S3.N_incoming_post, [3, 3, 3, 3, 3, 3, 3]);
  // Synapses should be sorted and unique
  for (let target = 0; target < 7; target++) {
    const is = Array.from(S3.state('i').at(undefined, target).values);
    assert.equal(new Set(is).size, 3);
    assert.deepEqual(
      is,
      [...is].sort((a, b) => a - b),
    );
  }
  assert.equal(S4.N, 4);
  assertEqual(S4.j, 2);
  assertEqual(S4.i, arange(4));
});

function steppedFixed(generator: (size: string) => string, expectedS4: number[]) {
  const G = new NeuronGroup(4, 'x : integer');
  G.x = 'i';
  const G2 = new NeuronGroup(7, '');
  const make = (size: string) => {
    const S = new Synapses(G, G2, { model: 'w:1' });
    S.connect({ j: generator(size) });
    return S;
  };
  const S1 = make('size=0');
  const S2 = make('size=3');
  // Just make sure using intermediate values work in principle
  const S3 = make('size=2');
  const S4 = make('size=int(x_pre==2)*3');
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(
    S2,
    matrix(4, 7, (_, j) => (j >= 2 && j % 2 === 0 ? 1 : 0)),
  );
  assert.equal(S3.N, 4 * 2);
  assertEqual(S3.N_outgoing_pre, 2);
  assert.ok(allPairs(S3, (_, j) => j % 2 === 0 && j >= 2));
  for (let x = 0; x < 4; x++) {
    const js = Array.from(S3.state('j').at(x, undefined).values);
    assert.equal(js.length, new Set(js).size);
  }
  assert.equal(S4.N, 3);
  assertEqual(S4.i, 2);
  assertEqual(S4.j, expectedS4);
}

brianTest('test_synapse_generator_fixed_random_positive_steps', { standalone: true }, () => {
  steppedFixed((size) => `k for k in sample(2, N_post, 2, ${size})`, [2, 4, 6]);
});

brianTest('test_synapse_generator_fixed_random_negative_steps', { standalone: true }, () => {
  steppedFixed((size) => `k for k in sample(N_post-1, 0, -2, ${size})`, [6, 4, 2]);
});

/** Brian accepts any of BrianObjectException, IndexError, RuntimeError (at connect or at run). */
function throwsSampleSizeError(fn: () => void): void {
  assert.throws(fn, (e: Error & { code?: string }) =>
    ['index_out_of_range', 'bad_argument', 'standalone_run_error'].includes(e.code ?? ''),
  );
}

brianTest('test_synapse_generator_fixed_random_error1', { standalone: true }, () => {
  const G = new NeuronGroup(5, '');
  const G2 = new NeuronGroup(7, '');
  const S = new Synapses(G, G2);
  throwsSampleSizeError(() => {
    // Won't work for i=4
    S.connect({ j: 'k for k in sample(N_post, size=i+4)' });
    run(ms(0)); // for standalone
  });
});

brianTest('test_synapse_generator_fixed_random_error2', { standalone: true }, () => {
  const G = new NeuronGroup(5, '');
  const G2 = new NeuronGroup(7, '');
  const S = new Synapses(G, G2);
  throwsSampleSizeError(() => {
    // Won't work for i=4
    S.connect({ j: 'k for k in sample(N_post, size=3-i)' });
    run(ms(0)); // for standalone
  });
});

brianTest('test_synapse_generator_fixed_random_skip_if_invalid', { standalone: true }, () => {
  const G = new NeuronGroup(5, '');
  const G2 = new NeuronGroup(7, '');
  const S1 = new Synapses(G, G2);
  const S2 = new Synapses(G, G2);
  // > N_post for i=4
  S1.connect({ j: 'k for k in sample(N_post, size=i+4)', skipIfInvalid: true });
  // < 0 for i=4
  S2.connect({ j: 'k for k in sample(N_post, size=3-i)', skipIfInvalid: true });
  run(ms(0)); // for standalone
  assertEqual(S1.N_outgoing_pre, [4, 5, 6, 7, 7]);
  assertEqual(S2.N_outgoing_pre, [3, 2, 1, 0, 0]);
});

brianTest('test_synapse_generator_random_with_condition', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const make = (j: string) => {
    const S = new Synapses(G, G);
    S.connect({ j });
    return S;
  };
  const S1 = make('k for k in sample(N_post, p=0) if i != k');
  const S2 = make('k for k in sample(N_post, p=1) if i != k');
  const S3 = make('k for k in sample(N_post, p=0) if i >= 2');
  const S4 = make('k for k in sample(N_post, p=1.0) if i >= 2');
  const S5 = make('k for k in sample(N_post, p=0) if j < 2'); // inefficient
  const S6 = make('k for k in sample(2, p=0)'); // better
  const S7 = make('k for k in sample(N_post, p=1.0) if j < 2'); // inefficient
  const S8 = make('k for k in sample(2, p=1.0)'); // better
  quietly(() => run(ms(0))); // for standalone
  assert.equal(S1.N, 0);
  compareConnections(
    S2,
    matrix(4, 4, (i, j) => (i === j ? 0 : 1)),
  );
  assert.equal(S3.N, 0);
  compareConnections(
    S4,
    matrix(4, 4, (i) => (i >= 2 ? 1 : 0)),
  );
  assert.equal(S5.N, 0);
  assert.equal(S6.N, 0);
  const expected7 = matrix(4, 4, (_, j) => (j < 2 ? 1 : 0));
  compareConnections(S7, expected7);
  compareConnections(S8, expected7);
});

brianTest('test_synapse_generator_random_with_condition_2', { standalone: true }, () => {
  const G = new NeuronGroup(4, '');
  const make = (j: string) => {
    const S = new Synapses(G, G);
    S.connect({ j });
    return S;
  };
  const ps = ['0.001', '0.03', '0.1', '0.9'];
  const noSelf = ps.map((p) => make(`k for k in sample(N_post, p=${p}) if i != k`));
  const fromTwo = ps.map((p) => make(`k for k in sample(N_post, p=${p}) if i >= 2`));
  const toTwo = ps.map((p) => make(`k for k in sample(N_post, p=${p}) if j < 2`));
  const below2 = ps.map((p) => make(`k for k in sample(2, p=${p})`));
  // Some more tests specific to the generator syntax
  const S25 = make('i+1 for _ in sample(1, p=0.5) if i < N_post-1');
  const S26 = make('i+k for k in sample(N_post-i, p=0.5)');
  quietly(() => run(ms(0))); // for standalone
  const bounded = (S: Synapses) => assert.ok(S.N >= 0 && S.N <= 4 * 3);
  for (const S of noSelf) {
    assert.ok(allPairs(S, (i, j) => i !== j));
    bounded(S);
  }
  for (const S of fromTwo) {
    assert.ok(allPairs(S, (i) => i >= 2));
    bounded(S);
  }
  for (const S of [...toTwo, ...below2]) {
    assert.ok(allPairs(S, (_, j) => j < 2));
    bounded(S);
  }
  assert.ok(S25.N >= 0 && S25.N <= 4);
  assert.ok(allPairs(S25, (i, j) => j === i + 1));
  assert.ok(S26.N >= 0 && S26.N <= ((1 + 4) * 4) / 2);
  assert.ok(allPairs(S26, (i, j) => j >= i));
});

brianTest('test_synapse_generator_range_noint', {}, () => {
  // arguments to `range` should only be integers (issue #781)
  const G = new NeuronGroup(42, '');
  const S = new Synapses(G, G);
  const cases: [string, string][] = [
    ['k for k in range(42.0)', 'high'],
    ['k for k in range(0.0, 42)', 'low'],
    ['k for k in range(0, 42.0)', 'high'],
    ['k for k in range(0, 42, 1.0)', 'step'],
    ['k for k in range(True, 42)', 'low'],
    ['k for k in range(0, True)', 'high'],
    ['k for k in range(0, 42, True)', 'step'],
  ];
  for (const [j, which] of cases) {
    const e = throwsCode(() => S.connect({ j }), 'type_mismatch');
    assert.match(
      e.message,
      new RegExp(`The '${which}' argument of the range function was .+, but it needs to be an integer\\.`),
      j,
    );
  }
});
