import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lcg, ulps } from '../../../test/helpers/floats.ts';
import { brianLog } from './log.ts';

/** [x, ln x correctly rounded], from test/reference/scripts/log_correctly_rounded.py. */
const CORRECTLY_ROUNDED = JSON.parse(
  readFileSync(new URL('./log.reference.json', import.meta.url), 'utf8'),
) as [number, number][];

describe('brianLog', () => {
  it('is within 1 ulp of the correctly rounded result, subnormal inputs and x near 1 included', () => {
    assert.ok(CORRECTLY_ROUNDED.length > 700);
    let exact = 0;
    for (const [x, expected] of CORRECTLY_ROUNDED) {
      const got = brianLog(x);
      if (got === expected) exact++;
      else assert.ok(ulps(got, expected) <= 1, `log(${x}) = ${got}, correctly rounded ${expected}`);
    }
    // mostly correctly rounded, not just within an ulp
    assert.ok(exact / CORRECTLY_ROUNDED.length > 0.9, `${exact} of ${CORRECTLY_ROUNDED.length} exact`);
  });
  it('is within 1 ulp of Math.log over the whole range', () => {
    const rnd = lcg(5);
    for (let k = 0; k < 200000; k++) {
      const x =
        k % 3 === 0 ? rnd() * 4 : k % 3 === 1 ? 10 ** ((rnd() - 0.5) * 616) : 1 + (rnd() - 0.5) * 1e-6;
      if (!(x > 0)) continue;
      assert.ok(ulps(brianLog(x), Math.log(x)) <= 1, `log(${x}) = ${brianLog(x)}, Math.log ${Math.log(x)}`);
    }
  });
  it('has the special values of log', () => {
    assert.equal(brianLog(1), 0);
    assert.equal(brianLog(0), -Infinity);
    assert.equal(brianLog(-0), -Infinity);
    assert.ok(Number.isNaN(brianLog(-1)));
    assert.ok(Number.isNaN(brianLog(-Infinity)));
    assert.ok(Number.isNaN(brianLog(Number.NaN)));
    assert.equal(brianLog(Infinity), Infinity);
    assert.equal(brianLog(Math.E), 1);
    assert.equal(brianLog(2), Math.LN2);
    assert.equal(brianLog(Number.MIN_VALUE), Math.log(Number.MIN_VALUE));
    assert.equal(brianLog(Number.MAX_VALUE), Math.log(Number.MAX_VALUE));
  });
});
