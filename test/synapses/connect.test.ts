import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, NeuronGroup, run, Synapses, seed, startScope } from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

function pairs(S: Synapses): string[] {
  return Array.from(S.i, (i, k) => `${i}-${S.j[k]}`);
}

function groups(nPre = 4, nPost = 3) {
  startScope();
  const P = new NeuronGroup(nPre, 'x : 1', { threshold: 'False' });
  const Q = new NeuronGroup(nPost, 'y : 1');
  P.x = 'i';
  Q.y = 'i*10';
  return { P, Q };
}

test('connect() with no arguments is all-to-all, in pre-major order', () => {
  const { P, Q } = groups();
  const S = new Synapses(P, Q);
  S.connect();
  assert.equal(S.N, 12);
  assert.deepEqual(pairs(S).slice(0, 4), ['0-0', '0-1', '0-2', '1-0']);
});

test('connect() with a condition over i, j and pre/post variables', () => {
  const { P, Q } = groups();
  const S = new Synapses(P, Q);
  S.connect({ condition: 'i != j and x_pre + y_post > 10' });
  assert.deepEqual(pairs(S), ['0-2', '1-2', '2-1', '3-1', '3-2']);
});

test('connect() with a synaptic subexpression in the condition (Brian 2.5.1 gives the same pairs)', () => {
  // Failed on main before issue 13: "The identifier "d" could not be resolved".
  startScope();
  const G = new NeuronGroup(5, 'x : 1');
  G.x = 'i';
  const S = new Synapses(G, G, { model: 'd = abs(x_pre - x_post) : 1' });
  S.connect('d < 1.5 and i != j');
  // Brian 2.5.1: [(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2), (3, 4), (4, 3)]
  assert.deepEqual(pairs(S), ['0-1', '1-0', '1-2', '2-1', '2-3', '3-2', '3-4', '4-3']);
});

test('connect() with explicit arrays, repeated calls accumulate, n copies', () => {
  const { P, Q } = groups();
  const S = new Synapses(P, Q);
  S.connect({ i: [0, 3], j: [2, 1] });
  S.connect({ i: 1, j: 0, n: 2 });
  assert.deepEqual(pairs(S), ['0-2', '3-1', '1-0', '1-0']);
  throwsCode(() => S.connect({ i: [5], j: [0] }), 'index_out_of_range');
});

test('connect() with generator syntax and skipIfInvalid', () => {
  const { P, Q } = groups(5, 5);
  const S = new Synapses(P, Q);
  S.connect({ j: 'k for k in range(i-1, i+2) if k != i', skipIfInvalid: true });
  assert.deepEqual(pairs(S), ['0-1', '1-0', '1-2', '2-1', '2-3', '3-2', '3-4', '4-3']);
  const T = new Synapses(P, Q);
  T.connect({ j: 'i' });
  assert.deepEqual(pairs(T), ['0-0', '1-1', '2-2', '3-3', '4-4']);
  const U = new Synapses(P, Q);
  throwsCode(() => U.connect({ j: 'i + 1' }), 'index_out_of_range');
  const V = new Synapses(P, Q);
  V.connect({ i: 'j' });
  assert.deepEqual(pairs(V).sort(), ['0-0', '1-1', '2-2', '3-3', '4-4']);
});

test('connect() with sample(size=…) picks exactly that many distinct targets', () => {
  const { P, Q } = groups(3, 50);
  seed(1);
  const S = new Synapses(P, Q);
  S.connect({ j: 'k for k in sample(N_post, size=7)' });
  assert.equal(S.N, 21);
  for (let i = 0; i < 3; i++) {
    const targets = Array.from(S.j).filter((_, k) => S.i[k] === i);
    assert.equal(new Set(targets).size, 7);
  }
});

test('connect() with p: the number of synapses follows the binomial distribution', () => {
  const { P, Q } = groups(200, 200);
  seed(3);
  const S = new Synapses(P, Q);
  S.connect({ p: 0.1 });
  const n = 200 * 200;
  const sd = Math.sqrt(n * 0.1 * 0.9);
  assert.ok(Math.abs(S.N - n * 0.1) < 5 * sd, `${S.N} synapses`);
  const T = new Synapses(P, Q);
  T.connect({ j: 'k for k in sample(N_post, p=0.1)' });
  assert.ok(Math.abs(T.N - n * 0.1) < 5 * sd, `${T.N} synapses (sample)`);
  const U = new Synapses(P, Q);
  U.connect({ condition: 'i < 100', p: 'j/200.0' });
  const expected = (100 * 199) / 2 / 1;
  assert.ok(Math.abs(U.N - expected / 1) < 5 * Math.sqrt(expected), `${U.N} synapses (p expression)`);
});

test('synaptic variables: string setters with pre/post variables, conditions, N_incoming', () => {
  const { P, Q } = groups();
  const S = new Synapses(P, Q, { model: 'w : 1' });
  S.connect();
  S.w = 'x_pre + y_post / N_incoming';
  assert.equal(S.w.at(1, 2).at(0).valueOf(), 1 + 20 / 4);
  S.w['i == 0 and j > 0'] = 7;
  assert.deepEqual(Array.from(S.w.at(0, undefined).values), [0, 7, 7]);
  throwsCode(() => {
    S.w = 'unknown_pre * 2';
  }, 'unknown_identifier');
});

test('N_incoming and N_outgoing: one count per neuron (as Brian), read per synapse through j and i', () => {
  startScope();
  const A = new NeuronGroup(3, 'x : 1');
  const B = new NeuronGroup(4, 'y : 1');
  const S = new Synapses(A, B);
  S.connect({ i: [0, 0, 0, 1, 2, 2], j: [0, 1, 3, 3, 3, 1] });
  assert.deepEqual(Array.from(S.N_outgoing_pre), [3, 1, 2]);
  assert.deepEqual(Array.from(S.N_incoming_post), [1, 2, 0, 3]);
  assert.deepEqual(Array.from(S.N_outgoing_ as Int32Array), [3, 3, 3, 1, 2, 2]);
  assert.deepEqual(Array.from(S.N_incoming_ as Int32Array), [1, 2, 3, 3, 3, 2]);
  S.connect({ i: 1, j: 2 });
  assert.deepEqual(Array.from(S.N_incoming_post), [1, 2, 1, 3]);
  assert.deepEqual(Array.from(S.N_outgoing_ as Int32Array), [3, 3, 3, 2, 2, 2, 2]);
});

test('bad synapse input gives coded errors', () => {
  const { P, Q } = groups();
  const S = new Synapses(P, Q, { onPre: 'y += 1*ms' });
  S.connect();
  const err = throwsCode(() => run(ms(1)), 'dimension_mismatch');
  assert.ok(err.message.includes('onPre'));
  throwsCode(() => new Synapses(P, Q, { model: 'x : 1' }), 'equation_duplicate_variable');
  startScope();
  const A = new NeuronGroup(2, 'dv/dt = -v/ms : 1\nI : 1');
  new Synapses(A, A, { model: 'I_post = 1 : 1 (summed)' }).connect();
  new Synapses(A, A, { model: 'I_post = 2 : 1 (summed)' }).connect();
  throwsCode(() => run(ms(1)), 'summed_variable_conflict');
  throwsCode(() => new Synapses(A, A, { model: 'v_post = 2 : 1 (summed)' }), 'bad_argument');
  startScope();
  const B = new NeuronGroup(2, 'v : 1', { threshold: 'True' });
  new Synapses(B, B, { onPre: 'nothing_post += 1' }).connect();
  throwsCode(() => run(ms(1)), 'unknown_identifier');
});
