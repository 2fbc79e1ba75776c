import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseDescription } from './description.ts';

describe('integrator descriptions', () => {
  test('split each step into its deterministic and stochastic parts', () => {
    const d = parseDescription(`
      x_support = x + dt*f(x, t) + dt**.5 * g(x, t)
      g_support = g(x_support, t)
      k = 1/(2*dt**.5)*(g_support - g(x, t))*(dW**2)
      x_new = x + dt*f(x,t) + g(x, t) * dW + k`);
    assert.deepEqual(
      d.steps.map((s) => [s.name, exprToString(s.deterministic), s.stochastic && exprToString(s.stochastic)]),
      [
        ['x_support', 'dt * f(x, t) + x', 'dt**0.5 * g(x, t)'],
        ['g_support', '0', 'g(x_support, t)'],
        ['k', '0', 'dW**2 * g_support / (2 * dt**0.5) - dW**2 * g(x, t) / (2 * dt**0.5)'],
      ],
    );
    assert.equal(exprToString(d.output.deterministic), 'dt * f(x, t) + k + x');
    assert.equal(exprToString(d.output.stochastic!), 'dW * g(x, t)');
  });

  test('reject malformed descriptions', () => {
    const bad = [
      'k = dt*f(x, t)', // no x_new
      'x_new = x + dt*f(x, t)*f(x, t)', // not linear in f
      'x_new = x + dt*exp(f(x, t))',
      'x_new = x + dt*f(x)', // f takes (x, t)
      'x_new = x + dt*f(f(x, t), t)',
      'x_new = y + dt*f(x, t)', // unknown name
      'k = 1\nk = 2\nx_new = x', // redefinition
      'k += 1\nx_new = x',
    ];
    for (const text of bad) {
      assert.throws(
        () => parseDescription(text),
        (e: unknown) => e instanceof BrianError && e.code === 'syntax_error',
        text,
      );
    }
  });
});
