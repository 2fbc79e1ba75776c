import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execute, type Value } from '../../../symbolic/evaluate.ts';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseStatements } from '../../1-parse/parse-statements.ts';
import { exponentialEuler } from './exponential_euler.ts';
import { context, odes, run } from './test-support.ts';

const code = (text: string) => {
  const eqs = odes(text);
  return exponentialEuler.integrate(eqs, context(eqs));
};
const lines = (text: string) => code(text).map((s) => `${s.target} = ${exprToString(s.value)}`);

describe('exponential_euler', () => {
  test('is exact for a gating variable with frozen rates', () => {
    const state = run(
      code('dm/dt = alpham*(1 - m) - betam*m'),
      { m: 0.1 },
      {
        dt: 1e-4,
        steps: 30,
        values: { alpham: 400, betam: 100 },
      },
    );
    const mInf = 0.8;
    assert.ok(Math.abs((state.get('m') as number) - (mInf + (0.1 - mInf) * Math.exp(-500 * 3e-3))) < 1e-14);
  });

  test('writes the update as Brian does', () => {
    assert.deepEqual(lines('dv/dt = (I - v)/tau'), [
      '_BA_v = -I',
      '_v = (_BA_v + v) * exp(-dt / tau) - _BA_v',
      'v = _v',
    ]);
    assert.deepEqual(lines('dv/dt = -v/tau'), ['_v = exp(-dt / tau) * v', 'v = _v']);
    assert.deepEqual(lines('dx/dt = c'), ['_x = c * dt + x', 'x = _x']);
  });

  test('cancels int(not_refractory) in B/A, so refractory neurons stay finite', () => {
    const text = 'dv/dt = int(not_refractory)*(ge + El - v)/tau';
    assert.equal(lines(text)[0], '_BA_v = -El - ge');
    for (const nr of [true, false]) {
      const s = run(
        code(text),
        { v: -0.06 },
        { dt: 1e-4, steps: 10, values: { ge: 0.001, El: -0.07, tau: 0.01, not_refractory: nr } as never },
      );
      const v = s.get('v') as number;
      const expected = nr ? -0.069 + 0.009 * Math.exp(-0.1) : -0.06;
      assert.ok(Math.abs(v - expected) < 1e-15, `${nr}: ${v}`);
    }
  });

  test('accepts the AdEx exponential term in B, as Brian does', () => {
    const text = 'dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT))/C';
    const brian = parseStatements(`_BA_v = -C*(DeltaT*gL*exp(-VT/DeltaT)*exp(v/DeltaT)/C + EL*gL/C)/gL
      _v = -_BA_v + (_BA_v + v)*exp(-dt*gL/C)
      v = _v`);
    sameStep(
      code(text),
      brian,
      { v: -0.055, gL: 1e-8, EL: -0.07, DeltaT: 0.002, VT: -0.05, C: 2e-10, dt: 1e-4 },
      ['v'],
    );
  });

  test('agrees with the code Brian generates for Hodgkin–Huxley-style equations', () => {
    const alpha = '0.32*(13 - v + VT)/(exp((13 - v + VT)/4) - 1)';
    const beta = '0.28*(v - VT - 40)/(exp((v - VT - 40)/5) - 1)';
    const text = `dm/dt = (${alpha}*(1-m) - ${beta}*m)/tau\ndv/dt = (-v + gl*(El - v)*m**3)/tau`;
    const brian =
      parseStatements(`_BA_m = (0.32*VT/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) - 0.32*v/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) + 4.16/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau))/(-0.32*VT/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) + 0.28*VT/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5)) + 0.32*v/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) - 0.28*v/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5)) - 4.16/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) + 11.2/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5)))
      _m = -_BA_m + (_BA_m + m)*exp(dt*(-0.32*VT/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) + 0.28*VT/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5)) + 0.32*v/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) - 0.28*v/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5)) - 4.16/(tau*exp(13/4)*exp(VT/4)*exp(-v/4) - tau) + 11.2/(-tau + tau*exp(-8)*exp(-VT/5)*exp(v/5))))
      _BA_v = El*gl*m**3/(tau*(-gl*m**3/tau - 1/tau))
      _v = -_BA_v + (_BA_v + v)*exp(dt*(-gl*m**3/tau - 1/tau))
      m = _m
      v = _v`);
    sameStep(code(text), brian, { m: 0.3, v: -60, VT: -63, tau: 1, gl: 0.5, El: -65, dt: 0.01 }, ['m', 'v']);
  });

  test('refuses noise and equations that are not conditionally linear', () => {
    const reason = (text: string) => {
      const eqs = odes(text);
      return exponentialEuler.check!(eqs, context(eqs))?.reason;
    };
    assert.equal(
      reason('dv/dt = -v/tau + xi/tau**0.5'),
      'exponential_euler cannot integrate stochastic equations',
    );
    assert.equal(
      reason('dx/dt = exp(x)/tau'),
      'exponential_euler can only integrate conditionally linear equations, but dx/dt is not linear in x',
    );
    assert.notEqual(reason('dx/dt = (I - x)**2/tau'), undefined);
    assert.notEqual(reason('dx/dt = -x*y/tau\ndy/dt = -y**2/tau'), undefined);
    assert.equal(reason('dx/dt = -x*y/tau\ndy/dt = -y/tau + x**2'), undefined); // nonlinear in the other variable is fine
  });
});

function sameStep(
  ours: ReturnType<typeof code>,
  brian: ReturnType<typeof code>,
  state: Record<string, number>,
  vars: string[],
) {
  const exec = (s: typeof ours) => {
    const m = new Map<string, Value>(Object.entries(state));
    execute(s, m);
    return m;
  };
  const a = exec(ours);
  const b = exec(brian);
  for (const v of vars) {
    const x = a.get(v) as number;
    const y = b.get(v) as number;
    assert.ok(Math.abs(x - y) <= 1e-13 * Math.max(1, Math.abs(y)), `${v}: ${x} vs ${y}`);
  }
}
