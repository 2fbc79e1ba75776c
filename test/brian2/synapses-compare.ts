/**
 * Brian's `_compare(synapses, expected)` from test_synapses.py: the connection matrix (synapse
 * counts per pre/post pair) equals `expected`, and N_incoming/N_outgoing (per synapse and per
 * neuron) and the multisynaptic index agree with it. Not a test file itself.
 */
import assert from 'node:assert/strict';
import type { Synapses } from '../../src/index.ts';

/** `expected[i][j]`: the number of synapses from source i to target j. */
export function compareConnections(S: Synapses, expected: readonly (readonly number[])[]): void {
  const nSource = S.source.N;
  const nTarget = S.target.N;
  const matrix = Array.from({ length: nSource }, () => new Array<number>(nTarget).fill(0));
  const pre = Array.from(S.i as ArrayLike<number>);
  const post = Array.from(S.j as ArrayLike<number>);
  pre.forEach((i, k) => {
    matrix[i][post[k]] += 1;
  });
  assert.deepEqual(
    matrix,
    expected.map((row) => Array.from(row)),
  );
  const incoming = new Array<number>(nTarget).fill(0);
  const outgoing = new Array<number>(nSource).fill(0);
  matrix.forEach((row, i) => {
    row.forEach((c, j) => {
      incoming[j] += c;
      outgoing[i] += c;
    });
  });
  assert.deepEqual(
    Array.from(S.N_outgoing.values as ArrayLike<number>),
    pre.map((i) => outgoing[i]),
    'N_outgoing returned an incorrect value',
  );
  assert.deepEqual(Array.from(S.N_outgoing_pre), outgoing, 'N_outgoing_pre returned an incorrect value');
  assert.deepEqual(
    Array.from(S.N_incoming.values as ArrayLike<number>),
    post.map((j) => incoming[j]),
    'N_incoming returned an incorrect value',
  );
  assert.deepEqual(Array.from(S.N_incoming_post), incoming, 'N_incoming_post returned an incorrect value');
  if (S.multisynapticIndex !== undefined) {
    const seen = new Map<string, number>();
    const numbers = pre.map((i, k) => {
      const key = `${i},${post[k]}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n;
    });
    assert.deepEqual(
      Array.from(S.state(S.multisynapticIndex).values as ArrayLike<number>),
      numbers,
      'synapse_number returned an incorrect value',
    );
  }
}

/** numpy's `np.ones((n, m))` etc. as nested lists. */
export function matrix(n: number, m: number, fill: (i: number, j: number) => number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => fill(i, j)));
}

export const ones = (n: number, m: number) => matrix(n, m, () => 1);
export const zeros = (n: number, m: number) => matrix(n, m, () => 0);
export const eye = (n: number) => matrix(n, n, (i, j) => (i === j ? 1 : 0));
