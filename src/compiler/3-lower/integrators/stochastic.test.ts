import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execute, type Value } from '../../../symbolic/evaluate.ts';
import { euler, heun, milstein } from './explicit-methods.ts';
import { context, odes, run, seededRandn } from './test-support.ts';
import type { StateUpdateMethod } from './types.ts';

const code = (method: StateUpdateMethod, text: string) => {
  const eqs = odes(text);
  return method.integrate(eqs, context(eqs));
};

describe('noise', () => {
  test('is drawn once per source and step and scaled by sqrt(dt)', () => {
    let calls = 0;
    const state = run(
      code(euler, 'dv/dt = sigma*xi + 2*sigma*xi_b'),
      { v: 0 },
      {
        dt: 0.04,
        steps: 1,
        values: { sigma: 1 },
        functions: {
          randn: () => {
            calls++;
            return 1;
          },
        },
      },
    );
    assert.equal(calls, 2);
    assert.ok(Math.abs((state.get('v') as number) - 3 * 0.2) < 1e-15);
  });

  test('Ornstein–Uhlenbeck process with euler: stationary mean and variance', () => {
    // dv = -v/tau dt + sigma*sqrt(2/tau) dW; Euler–Maruyama's stationary variance is
    // sigma^2/(1 - a/2) with a = dt/tau.
    const statements = code(euler, 'dv/dt = -v/tau + sigma*(2/tau)**0.5*xi');
    const dt = 1e-4;
    const tau = 1e-3;
    const sigma = 2;
    const randn = seededRandn(12345);
    const state = new Map<string, Value>([
      ['v', 0],
      ['dt', dt],
      ['tau', tau],
      ['sigma', sigma],
    ]);
    let sum = 0;
    let sumSq = 0;
    const burnIn = 1000;
    const n = 100000;
    for (let k = 0; k < burnIn + n; k++) {
      execute(statements, state, { randn });
      if (k < burnIn) continue;
      const v = state.get('v') as number;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    const expected = sigma ** 2 / (1 - dt / tau / 2);
    assert.ok(Math.abs(mean) < 0.15, `mean ${mean}`);
    assert.ok(Math.abs(variance / expected - 1) < 0.08, `variance ${variance} vs ${expected}`);
  });

  test('heun and milstein converge to the Stratonovich solution of geometric Brownian motion', () => {
    // dx = mu*x dt + s*x ∘ dW  has the pathwise solution x0*exp(mu*T + s*W_T).
    const mu = 5;
    const s = 20;
    const T = 0.01;
    const fine = 4096;
    const randn = seededRandn(7);
    const z = Array.from({ length: fine }, () => randn());
    const W = z.reduce((a, b) => a + b, 0) * Math.sqrt(T / fine);
    const exact = Math.exp(mu * T + s * W);
    const error = (method: StateUpdateMethod, steps: number) => {
      const block = fine / steps;
      const normals = Array.from({ length: steps }, (_, j) => {
        let acc = 0;
        for (let i = 0; i < block; i++) acc += z[j * block + i];
        return acc / Math.sqrt(block);
      });
      let k = 0;
      const state = run(
        code(method, 'dx/dt = mu*x + s*x*xi'),
        { x: 1 },
        {
          dt: T / steps,
          steps,
          values: { mu, s },
          functions: { randn: () => normals[k++] },
        },
      );
      return Math.abs((state.get('x') as number) - exact);
    };
    for (const method of [heun, milstein]) {
      const coarse = error(method, 64);
      const finer = error(method, 1024);
      assert.ok(finer < coarse / 4, `${method.name}: ${coarse} → ${finer}`);
      assert.ok(finer < 1e-2 * exact, `${method.name}: ${finer} vs ${exact}`);
    }
  });
});
