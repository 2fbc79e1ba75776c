import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lcg, ulps } from '../../../test/helpers/floats.ts';
import { brianExprel, EXPREL_SERIES } from './exprel.ts';

/** [x, (e^x − 1)/x correctly rounded], from test/reference/scripts/exprel_reference.py. */
const CORRECTLY_ROUNDED = JSON.parse(
  readFileSync(new URL('./exprel.reference.json', import.meta.url), 'utf8'),
) as [number, number][];

describe('brianExprel', () => {
  it('is within 2 ulp of the correctly rounded result (1 ulp for |x| < ln2/2), mostly exact', () => {
    assert.ok(CORRECTLY_ROUNDED.length > 3400);
    let exact = 0;
    for (const [x, expected] of CORRECTLY_ROUNDED) {
      const got = brianExprel(x);
      if (got === expected) exact++;
      const bound = Math.abs(x) < Math.LN2 / 2 ? 1 : 2;
      assert.ok(ulps(got, expected) <= bound, `exprel(${x}) = ${got}, correctly rounded ${expected}`);
    }
    assert.ok(exact / CORRECTLY_ROUNDED.length > 0.8, `${exact} of ${CORRECTLY_ROUNDED.length} exact`);
  });
  it("is within 3 ulp of Math.expm1(x)/x (numpy's formula, Brian's reference) over [-750, 710]", () => {
    const rnd = lcg(2024);
    for (let k = 0; k < 200000; k++) {
      const x =
        k % 4 === 0
          ? (rnd() - 0.5) * 60
          : k % 4 === 1
            ? -750 + rnd() * 1459.78
            : k % 4 === 2
              ? (rnd() - 0.5) * 2
              : (rnd() - 0.5) * 10 ** (-20 * rnd());
      if (x === 0) continue;
      const numpy = Math.expm1(x) / x;
      assert.ok(ulps(brianExprel(x), numpy) <= 3, `exprel(${x}) = ${brianExprel(x)}, expm1(x)/x ${numpy}`);
    }
  });
  it("has Brian's values at the edges", () => {
    assert.equal(brianExprel(0), 1);
    assert.equal(brianExprel(-0), 1);
    assert.equal(brianExprel(1e-17), 1);
    assert.equal(brianExprel(-1e-17), 1);
    assert.equal(brianExprel(Number.MIN_VALUE), 1);
    assert.equal(brianExprel(1e-8), 1.000000005);
    assert.equal(brianExprel(-1e-8), 0.999999995);
    for (const x of [-38, -40, -100, -700, -709.5, -710, -745, -746, -800, -1e300]) {
      assert.equal(brianExprel(x), -1 / x, `exprel(${x})`);
    }
    assert.equal(brianExprel(Number.NEGATIVE_INFINITY), 0);
    assert.equal(brianExprel(709.78), Math.expm1(709.78) / 709.78);
    for (const x of [709.79, 710, 717, 1000, Number.POSITIVE_INFINITY]) {
      assert.equal(brianExprel(x), Number.POSITIVE_INFINITY, `exprel(${x})`);
    }
    assert.ok(Number.isNaN(brianExprel(Number.NaN)));
  });
  it('has the Taylor coefficients 1/n!, n = 2…13', () => {
    assert.equal(EXPREL_SERIES.length, 12);
    assert.equal(EXPREL_SERIES[0], 0.5);
    assert.equal(EXPREL_SERIES[1], 1 / 6);
    assert.equal(EXPREL_SERIES[11], 1 / 6227020800);
  });
});
