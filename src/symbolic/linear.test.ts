import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { toExpr, toNode } from './convert.ts';
import { conditionallyLinearParts, linearDecomposition } from './linear.ts';

function lin(text: string, vars: string[]): string {
  const d = linearDecomposition(parseExpression(text), vars);
  if (!d) return 'nonlinear';
  const coefficients = [...d.coefficients].sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    ...coefficients.map(([v, c]) => `${v}: ${exprToString(c)}`),
    `const: ${exprToString(d.constant)}`,
  ].join('; ');
}

describe('linearDecomposition', () => {
  test('expands as sympy does', () => {
    assert.equal(lin('(a + v)/tau', ['v']), 'v: 1 / tau; const: a / tau');
    assert.equal(
      lin('(ge + gi - (v - El))/taum', ['v', 'ge', 'gi']),
      'ge: 1 / taum; gi: 1 / taum; v: -1 / taum; const: El / taum',
    );
    assert.equal(
      lin('int(not_refractory)*(ge - (v - El))/taum', ['v', 'ge']),
      'ge: int(not_refractory) / taum; v: -int(not_refractory) / taum; const: El * int(not_refractory) / taum',
    );
    assert.equal(lin('(v + w)*(1 + a)**2', ['v', 'w']), 'v: 2 * a + a**2 + 1; w: 2 * a + a**2 + 1; const: 0');
    assert.equal(lin('3', ['v']), 'const: 3');
    assert.equal(lin('v*exp(a)/(1 + b)', ['v']), 'v: exp(a) / (b + 1); const: 0');
  });

  test('rejects nonlinear expressions', () => {
    for (const text of [
      'v*exp(v)',
      'v**2',
      'v*w',
      '1/(1 + v)',
      '(v + w)**2',
      'exp(v)',
      'sqrt(v)',
      'int(v > 1)',
    ]) {
      assert.equal(lin(text, ['v', 'w']), 'nonlinear', text);
    }
  });
});

describe('conditionallyLinearParts (Brian exponential_euler split)', () => {
  const split = (text: string, x: string) => {
    const parts = conditionallyLinearParts(toNode(parseExpression(text)), x);
    return parts ? `A = ${exprToString(toExpr(parts.a))}; B = ${exprToString(toExpr(parts.b))}` : 'rejected';
  };

  test('splits HH gating and conductance equations', () => {
    assert.equal(split('alpham*(1 - m) - betam*m', 'm'), 'A = -alpham - betam; B = alpham');
    assert.equal(
      split('(gl*(El - v) - gk*n**4*(v - Ek))/Cm', 'v'),
      'A = -gk * n**4 / Cm - gl / Cm; B = Ek * gk * n**4 / Cm + El * gl / Cm',
    );
    assert.equal(split('c', 'x'), 'A = 0; B = c');
  });

  test('follows sympy collect where x stays inside A or B, as Brian', () => {
    assert.equal(split('-x*exp(x)/tau', 'x'), 'A = -exp(x) / tau; B = 0');
    assert.equal(split('(-x + sin(x))/tau', 'x'), 'A = -1 / tau; B = sin(x) / tau');
  });

  test('rejects other powers of x and equations without an x term', () => {
    for (const text of ['x**2 + 1', 'exp(x)', 'sqrt(x)', '1/x + x', '(I - x)**2']) {
      assert.equal(split(text, 'x'), 'rejected', text);
    }
  });
});
