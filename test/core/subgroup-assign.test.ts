import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mV, NeuronGroup, startScope } from '../../src/index.ts';

/**
 * Assigning a whole subgroup (`G[2:4].v = 3*mV`, `G[2:4].x = [7, 8]`) writes its elements only.
 * It used to write the parent's whole storage (a value) or refuse an array of the subgroup's size.
 */
test('a value or an array assigned to a subgroup writes only its elements', () => {
  startScope();
  const G = new NeuronGroup(6, 'v : volt\nx : 1');
  const sub = G.slice(2, 4);
  sub.v = mV(3);
  sub.x = 5;
  assert.deepEqual(Array.from(G.v_), [0, 0, 0.003, 0.003, 0, 0]);
  assert.deepEqual(Array.from(G.x_), [0, 0, 5, 5, 0, 0]);
  sub.x = [7, 8];
  assert.deepEqual(Array.from(G.x_), [0, 0, 7, 8, 0, 0]);
  // Nested: a subgroup of a subgroup.
  sub.slice(1, 2).x = 9;
  assert.deepEqual(Array.from(G.x_), [0, 0, 7, 9, 0, 0]);
});
