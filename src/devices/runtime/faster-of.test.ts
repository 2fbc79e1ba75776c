import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fasterOf } from './faster-of.ts';

/** Two ways that record their calls and advance a fake clock by their cost. */
function ways(costs: { a: number; b: number }) {
  let clock = 0;
  const log: string[] = [];
  const way = (name: 'a' | 'b') => () => {
    clock += costs[name];
    log.push(name);
  };
  return { a: way('a'), b: way('b'), log, now: () => clock };
}

describe('fasterOf', () => {
  it('calls exactly one way per step, and settles on the faster one', () => {
    const costs = { a: 5, b: 1 };
    const w = ways(costs);
    const step = fasterOf(w.a, w.b, undefined, w.now);
    for (let k = 0; k < 3000; k++) step(0, 1, k);
    assert.equal(w.log.length, 3000);
    // Rounds of 9 calls each way at 0, 1042, 2084: the rest is b.
    assert.equal(w.log.filter((x) => x === 'a').length, 27);
    assert.deepEqual(w.log.slice(18, 1042), new Array(1024).fill('b'));
  });

  it('follows a change of speed at the next round', () => {
    const costs = { a: 1, b: 5 };
    const w = ways(costs);
    const step = fasterOf(w.a, w.b, undefined, w.now);
    for (let k = 0; k < 1042; k++) step(0, 1, k);
    assert.equal(w.log.at(-1), 'a');
    costs.a = 20;
    for (let k = 0; k < 2084; k++) step(0, 1, k);
    // Older rounds count half: after two rounds at 20 against 5, b wins.
    assert.equal(w.log.at(-1), 'b');
  });

  it('takes a fixed way without timing', () => {
    const w = ways({ a: 1, b: 5 });
    const step = fasterOf(w.a, w.b, 'b', () => assert.fail('no timing'));
    for (let k = 0; k < 50; k++) step(0, 1, k);
    assert.deepEqual(w.log, new Array(50).fill('b'));
  });
});
