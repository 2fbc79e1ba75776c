import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { add, mul, name, num } from './build.ts';
import { evaluate } from './evaluate.ts';
import { simplify } from './simplify.ts';

const s = (text: string) => exprToString(simplify(parseExpression(text)));

describe('simplify', () => {
  test('folds constants with Python semantics', () => {
    assert.equal(s('2*3 + 1'), '7');
    assert.equal(s('1/2'), '0.5'); // true division, never integer division
    assert.equal(s('7//2'), '3');
    assert.equal(s('-7//2'), '-4');
    assert.equal(s('-7 % 3'), '2');
    assert.equal(s('7.0//2'), '3.0');
    assert.equal(s('2**-1'), '0.5');
    assert.equal(s('2**10'), '1024');
    assert.equal(s('int(2.7)'), '2');
    assert.equal(s('int(-2.7)'), '-2');
    assert.equal(s('exp(0)'), '1.0');
    assert.equal(s('3 < 4'), 'True');
  });

  test('keeps division by zero and negative roots unevaluated', () => {
    assert.equal(s('1/0'), '1 / 0');
    assert.equal(s('(-8)**0.5'), '(-8)**0.5');
  });

  test('applies the identities of 0 and 1', () => {
    assert.equal(s('x + 0'), 'x');
    assert.equal(s('x*1'), 'x');
    assert.equal(s('x*0'), '0');
    assert.equal(s('x**1'), 'x');
    assert.equal(s('x**0'), '1');
    assert.equal(s('0/tau'), '0');
  });

  test('collects numeric factors, like terms and powers', () => {
    assert.equal(s('2*x*3 + x'), '7 * x');
    assert.equal(s('x - x'), '0');
    assert.equal(s('tau*tau**-1'), '1');
    assert.equal(s('x*x'), 'x**2');
    assert.equal(s('k_1/6 + 2*k_2/6 + 2*k_3/6 + k_4/6'), 'k_1 / 6 + k_2 / 3 + k_3 / 3 + k_4 / 6');
    assert.equal(s('-(v - El)/tau'), '(El - v) / tau');
    assert.equal(s('dt*(-v/tau) + v'), 'v - dt * v / tau');
  });

  test('keeps float literals floats', () => {
    assert.equal(s('1.0*x'), '1.0 * x');
    assert.equal(s('0.5*x + 0.5*x'), '1.0 * x');
  });

  test('never merges calls of stateful functions', () => {
    assert.equal(s('rand() - rand()'), 'rand() - rand()');
    assert.equal(s('randn()*randn()'), 'randn() * randn()');
    assert.equal(s('exp(x) - exp(x)'), '0');
  });

  test('leaves // and % between non-numbers alone', () => {
    assert.equal(s('(2*i)//2'), '2 * i // 2');
    assert.equal(s('i % 2 + 1 - 1'), 'i % 2');
  });

  test('preserves the value of random expressions', () => {
    const values = { a: 1.7, b: -0.3, c: 2.5, v: 0.25, tau: 0.02, i: 7 };
    for (const text of [
      '(a + b)*(a - b)/c**2 - a/(b*c)',
      '-(v - a)/tau + b*exp(-v/tau)/(1 + c)',
      '2**-2*a + a**0.5*a**1.5 - (a*b)**2',
      'i//2 + i % 3 + int(v*10)/3',
      '-a**2 + (-a)**2 + 3*(a - (b - c))',
    ]) {
      const e = parseExpression(text);
      const before = evaluate(e, values) as number;
      const after = evaluate(simplify(e), values) as number;
      assert.ok(
        Math.abs(before - after) <= 1e-14 * Math.max(1, Math.abs(before)),
        `${text}: ${before} vs ${after}`,
      );
    }
  });

  test('keeps keyword arguments (connect generators)', () => {
    assert.equal(s('sample(N_post, p=0.1*2)'), 'sample(N_post, p=0.2)');
  });

  test('works on trees made with the builders', () => {
    assert.equal(exprToString(simplify(add(mul(num(2), name('x')), name('x'), num(0)))), '3 * x');
  });

  test('new nodes carry the given span', () => {
    const span = { start: 3, end: 9 };
    const out = simplify(parseExpression('2*3 + 1'), span);
    assert.deepEqual({ start: out.span.start, end: out.span.end }, span);
  });
});
