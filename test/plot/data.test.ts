import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimationIndex } from '../../src/plot/decimate.ts';
import { binValues } from '../../src/plot/index.ts';
import { integerTicks } from '../../src/plot/ticks.ts';

describe('decimationIndex', () => {
  it('keeps every point of a short series', () => {
    const x = Float64Array.from({ length: 50 }, (_, k) => k);
    assert.equal(decimationIndex(x, x, 100).length, 50);
  });

  it('thins a long series to at most four points per column and keeps its extremes', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, k) => k);
    const y = Float64Array.from({ length: n }, (_, k) => Math.sin(k / 50));
    y[31_337] = 9; // a lone spike must survive
    y[77_777] = -9;
    const keep = decimationIndex(x, y, 500);
    assert.ok(keep.length <= 4 * 501, `${keep.length} points kept`);
    assert.ok(keep.includes(31_337) && keep.includes(77_777));
    assert.ok(keep.includes(0) && keep.includes(n - 1));
    assert.ok(
      keep.every((k, j) => j === 0 || k > keep[j - 1]),
      'indices stay in order',
    );
  });

  it('keeps NaN gaps so the line still breaks there', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, k) => k);
    const y = Float64Array.from({ length: n }, (_, k) => (k === 5000 ? Number.NaN : 1));
    assert.ok(decimationIndex(x, y, 100).includes(5000));
  });
});

describe('binValues', () => {
  it('counts values into equal bins, the last bin including its right edge', () => {
    const { edges, counts, outside } = binValues([0, 1, 2, 3, 4], 4);
    assert.deepEqual(Array.from(edges), [0, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(counts), [1, 1, 1, 2]);
    assert.equal(outside, 0);
  });

  it('uses given edges, counts what falls outside and skips NaN', () => {
    const { counts, outside } = binValues([-1, 0.5, 1.5, 1.7, 5, Number.NaN], [0, 1, 2]);
    assert.deepEqual(Array.from(counts), [1, 2]);
    assert.equal(outside, 2);
  });

  it('rejects edges that do not increase', () => {
    assert.throws(() => binValues([1], [0, 0]), { code: 'bad_argument' });
    assert.throws(() => binValues([1], 0), { code: 'bad_argument' });
  });
});

describe('integerTicks', () => {
  it('gives whole-number ticks in steps of 1, 2 or 5 × 10^k', () => {
    assert.deepEqual(integerTicks(0, 3), [0, 1, 2, 3]);
    assert.deepEqual(integerTicks(-0.5, 99.5), [0, 20, 40, 60, 80]);
    assert.deepEqual(integerTicks(0, 9999), [0, 2000, 4000, 6000, 8000]);
    assert.deepEqual(integerTicks(0.2, 0.8), []);
  });
});
