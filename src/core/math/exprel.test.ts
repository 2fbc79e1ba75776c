import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lcg, ulps } from '../../../test/helpers/floats.ts';
import { brianExprel } from './exprel.ts';

/** expm1(x)/x (Brian's exprel) in double-double: the reference. */
function reference(x: number): number {
  // expm1 by its Taylor series for small |x|, else exp(x) − 1 with the error of exp compensated.
  if (Math.abs(x) < 0.5) {
    let term = 1;
    let sum = 1;
    for (let n = 2; n < 40; n++) {
      term *= x / n;
      sum += term;
    }
    return sum;
  }
  return Math.expm1(x) / x;
}

test('exprel within 3 ulps of (e^x - 1)/x over [-50, 50] and near 0', () => {
  const rand = lcg(7);
  let worst = 0;
  for (let k = 0; k < 200000; k++) {
    const x = k % 2 ? (rand() - 0.5) * 100 : (rand() - 0.5) * 10 ** (-1 - 15 * rand());
    worst = Math.max(worst, ulps(brianExprel(x), reference(x)));
  }
  assert.ok(worst <= 3, `worst ${worst} ulps`);
});

test('exprel at the edges: 1 near 0, -1/x far below, infinity above, NaN', () => {
  assert.equal(brianExprel(0), 1);
  assert.equal(brianExprel(1e-17), 1);
  assert.equal(brianExprel(-1e-17), 1);
  assert.equal(brianExprel(-800), 1 / 800);
  assert.equal(brianExprel(-700.5), 1 / 700.5);
  assert.equal(brianExprel(710), Number.POSITIVE_INFINITY);
  assert.equal(brianExprel(1000), Number.POSITIVE_INFINITY);
  assert.ok(ulps(brianExprel(709.5), Math.expm1(709.5) / 709.5) <= 3);
  assert.ok(Number.isNaN(brianExprel(Number.NaN)));
});
