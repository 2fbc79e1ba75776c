import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotientThreshold } from './quotient-threshold.ts';

/** The doubles next to x, by bit pattern (no arithmetic that could round). */
function neighbours(x: number): [number, number] {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  const up = new Float64Array(1);
  const down = new Float64Array(1);
  const bu = new BigInt64Array(up.buffer);
  const bd = new BigInt64Array(down.buffer);
  if (x > 0) {
    bu[0] = b[0] + 1n;
    bd[0] = b[0] - 1n;
  } else if (x < 0) {
    bu[0] = b[0] - 1n;
    bd[0] = b[0] + 1n;
  } else {
    up[0] = Number.MIN_VALUE;
    down[0] = -Number.MIN_VALUE;
  }
  return [down[0], up[0]];
}

/** T is the threshold: T passes `x / d >= m`, the double below it does not. */
function assertThreshold(m: number, d: number): void {
  const t = quotientThreshold(m, d);
  const [below] = neighbours(t);
  assert.ok(t / d >= m, `T = ${t} must pass for m = ${m}, d = ${d}`);
  if (t !== Number.NEGATIVE_INFINITY)
    assert.ok(!(below / d >= m), `${below} must fail for m = ${m}, d = ${d}`);
}

describe('quotientThreshold', () => {
  it('is the exact threshold of x / d >= m for refractory periods and time steps in use', () => {
    for (const d of [1e-4, 5e-5, 0.1e-3, 1e-5, 0.025e-3, 1 / 3, 1e-3, 2 ** -14, 0.1]) {
      for (let n = -5; n <= 2000; n++) assertThreshold(n, d);
      // n ≤ 0 compares with the double just above n - 1 (bound-timestep-comparisons.ts)
      for (let n = -5; n <= 0; n++) assertThreshold(-((1 - n) * (1 - 2 ** -53)), d);
    }
  });

  it('is exact for random m and d, and where m·d over- or underflows (bisection)', () => {
    let s = 12345;
    const rand = () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    for (let k = 0; k < 2000; k++) {
      const m = Math.round((rand() - 0.3) * 10 ** Math.floor(rand() * 8));
      const d = rand() * 10 ** -Math.floor(rand() * 8);
      if (d > 0) assertThreshold(m, d);
    }
    assertThreshold(1e300, 1e100); // m·d = ∞
    assertThreshold(3, 1e-320); // subnormal divisor
    assertThreshold(1e-300, 1e-300); // m·d underflows to 0
    assert.equal(quotientThreshold(Number.NEGATIVE_INFINITY, 1), Number.NEGATIVE_INFINITY);
    assert.equal(quotientThreshold(Number.POSITIVE_INFINITY, 1), Number.POSITIVE_INFINITY);
  });

  it('agrees with the division for values around the threshold (the test it replaces)', () => {
    const dt = 1e-4;
    for (let n = 1; n < 200; n++) {
      const t = quotientThreshold(n, dt);
      let x = t;
      for (let k = 0; k < 5; k++) x = neighbours(x)[0];
      for (let k = 0; k < 10; k++, x = neighbours(x)[1]) assert.equal(x >= t, x / dt >= n);
    }
  });

  it('is NaN (no x passes) for m NaN or a divisor that is not positive', () => {
    assert.ok(Number.isNaN(quotientThreshold(Number.NaN, 1)));
    assert.ok(Number.isNaN(quotientThreshold(1, 0)));
    assert.ok(Number.isNaN(quotientThreshold(1, -1)));
  });
});
