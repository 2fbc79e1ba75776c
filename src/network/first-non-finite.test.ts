import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstNonFinite } from './first-non-finite.ts';

test('firstNonFinite: the first NaN, +inf or -inf, and -1 when every value is finite', () => {
  assert.equal(firstNonFinite(new Float64Array([0, -0, 1e308, -1e308, 5e-324])), -1);
  assert.equal(firstNonFinite(new Float64Array([1, 2, Number.NaN, Number.POSITIVE_INFINITY])), 2);
  assert.equal(firstNonFinite(new Float64Array([1, Number.NEGATIVE_INFINITY, Number.NaN])), 1);
  assert.equal(firstNonFinite(new Float64Array([Number.POSITIVE_INFINITY])), 0);
  assert.equal(firstNonFinite(new Float64Array(0)), -1);
  // Integer and boolean arrays are always finite.
  assert.equal(firstNonFinite(new Int32Array([2147483647, -2147483648])), -1);
  assert.equal(firstNonFinite(new Uint8Array([0, 1])), -1);
});
