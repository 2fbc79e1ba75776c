import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { reciprocalConstants } from './reciprocal-constants.ts';

const rewrite = (text: string) => exprToString(reciprocalConstants(parseExpression(text)));

describe('reciprocalConstants', () => {
  it('divides by a literal as a multiplication by its reciprocal', () => {
    assert.equal(rewrite('x / 0.005'), 'x * 200.0');
    assert.equal(rewrite('(v - E) / 0.018'), `(v - E) * ${1 / 0.018}`);
    assert.equal(rewrite('x / 4'), 'x * 0.25');
  });
  it('leaves non-literal divisors, zero, and literals without a normal reciprocal', () => {
    assert.equal(rewrite('x / y'), 'x / y');
    assert.equal(rewrite('x / 0.0'), 'x / 0.0');
    assert.equal(rewrite('x / 1e-310'), 'x / 1e-310');
    assert.equal(rewrite('x / 1e308'), 'x / 1e+308');
    assert.equal(rewrite('x // 0.5'), 'x // 0.5');
  });
  it('is exact for powers of two and within 1 ulp otherwise', () => {
    for (const x of [1, 3, 0.1, -7.25, 1e-300, 12345.678]) {
      assert.equal(x * 0.25, x / 4);
      for (const c of [0.005, 0.018, 0.001, 2e-10, 3]) {
        const q = x / c;
        assert.ok(Math.abs(x * (1 / c) - q) <= Math.abs(q) * 2 ** -52, `${x}/${c}`);
      }
    }
  });
});
