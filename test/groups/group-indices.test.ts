import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NeuronGroup, startScope } from '../../src/index.ts';

/** `G.indices` as Brian 2.5.1 gives it (values printed by Brian for the same script). */
test("G.indices: storage indices for all or numbers, indices inside the group for a condition (Brian's quirk)", () => {
  startScope();
  const G = new NeuronGroup(10, 'v : 1');
  G.v = 'i';
  const SG = G.slice(2, 5);
  // Brian: SG.indices[:] == [2 3 4], SG.indices[0] == 2, SG.indices[[0, 2]] == [2 4],
  // SG.indices['v > 2'] == [1 2], G[2:5][1:].indices[:] == [3 4]
  assert.deepEqual(Array.from(SG.indices()), [2, 3, 4]);
  assert.deepEqual(Array.from(SG.indices.get(0)), [2]);
  assert.deepEqual(Array.from(SG.indices.get([0, 2])), [2, 4]);
  assert.deepEqual(Array.from(SG.indices.get('v > 2')), [1, 2]);
  assert.deepEqual(Array.from(SG.slice(1).indices()), [3, 4]);
  assert.deepEqual(Array.from(G.indices()), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(Array.from(G.indices.get('v >= 7')), [7, 8, 9]);
});
