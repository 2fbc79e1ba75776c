import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import type { ScalarType } from '../../functions.ts';
import { expandPowers } from './expand-powers.ts';
import { FUNCTIONS } from './testing.ts';

const types = new Map<string, ScalarType>([
  ['k', 'integer'],
  ['b', 'boolean'],
]);
const expand = (text: string) => exprToString(expandPowers(parseExpression(text), types, FUNCTIONS));

describe('expandPowers', () => {
  it('writes x**2, x**3, x**4 as products in the order g++ -ffast-math uses', () => {
    assert.equal(expand('m**2'), 'm * m');
    assert.equal(expand('m**3 * h'), 'm * m * m * h');
    assert.equal(expand('n**4'), 'n * n * (n * n)');
    assert.equal(expand('n**4.0'), 'n * n * (n * n)');
  });
  it('expands non-trivial pure bases (shared later by CSE)', () => {
    assert.equal(expand('(v - E)**2'), '(v - E) * (v - E)');
    assert.equal(expand('exp(v)**3'), 'exp(v) * exp(v) * exp(v)');
  });
  it('leaves other exponents, integer bases and stateful bases alone', () => {
    assert.equal(expand('x**5'), 'x**5');
    assert.equal(expand('x**0.5'), 'x**0.5');
    assert.equal(expand('x**-2'), 'x**-2');
    assert.equal(expand('x**y'), 'x**y');
    assert.equal(expand('k**2'), 'k**2');
    assert.equal(expand('rand()**2'), 'rand()**2');
  });
  it('x*x equals x**2 exactly; (x*x)*x is within 1 ulp of x**3', () => {
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 10000; k++) {
      const x = (next() - 0.5) * 10 ** (next() * 20 - 10);
      assert.equal(x * x, x ** 2);
      const cube = x * x * x;
      const ulp = Math.abs(x ** 3) * 2 ** -52;
      assert.ok(Math.abs(cube - x ** 3) <= ulp, `x=${x}`);
    }
  });
});
