import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrianError } from '../../../diagnostics/diagnostic.ts';
import { execute, type Value } from '../../../symbolic/evaluate.ts';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { parseStatements } from '../../1-parse/parse-statements.ts';
import { exact, exactOverStep, linear } from './exact.ts';
import { rk4 } from './explicit-methods.ts';
import { type ContextOptions, context, odes, run } from './test-support.ts';

const CUBA = `dv/dt = (ge + gi - (v - El))/taum
dge/dt = -ge/taue
dgi/dt = -gi/taui`;

const values = { taum: 0.02, taue: 0.005, taui: 0.01, El: -0.049 };
const initial = { v: -0.06, ge: 0.004, gi: -0.012 };

/** Runs `method` for `steps` steps of `dt`; returns the states. */
function simulate(
  method: typeof exact,
  text: string,
  start: Record<string, number>,
  opts: { dt: number; steps: number; values?: Record<string, number | boolean>; context?: ContextOptions },
) {
  const eqs = odes(text);
  const statements = method.integrate(eqs, context(eqs, opts.context));
  const state = run(statements, start, {
    dt: opts.dt,
    steps: opts.steps,
    values: opts.values as Record<string, number>,
  });
  return Object.fromEntries(eqs.map((eq) => [eq.name, state.get(eq.name) as number]));
}

function close(a: Record<string, number>, b: Record<string, number>, rtol: number) {
  for (const k of Object.keys(b)) {
    const scale = Math.max(...Object.values(b).map(Math.abs));
    assert.ok(
      Math.abs(a[k] - b[k]) <= rtol * scale,
      `${k}: ${a[k]} vs ${b[k]} (${Math.abs(a[k] - b[k]) / scale})`,
    );
  }
}

describe('exact', () => {
  test('CUBA agrees with a fine-step rk4 reference to 1e-12', () => {
    const dt = 1e-4;
    const ours = simulate(exact, CUBA, initial, { dt, steps: 50, values });
    const reference = simulate(rk4, CUBA, initial, { dt: dt / 50, steps: 2500, values });
    close(ours, reference, 1e-12);
  });

  test('CUBA with (unless refractory): frozen while refractory, exact otherwise', () => {
    const text = CUBA.replace('(ge + gi - (v - El))/taum', 'int(not_refractory)*(ge + gi - (v - El))/taum');
    for (const notRefractory of [true, false]) {
      const v = { ...values, not_refractory: notRefractory };
      const ours = simulate(exact, text, initial, { dt: 1e-4, steps: 20, values: v });
      assert.ok(Object.values(ours).every(Number.isFinite));
      const reference = simulate(rk4, text, initial, { dt: 1e-6, steps: 2000, values: v });
      close(ours, reference, 1e-12);
      if (!notRefractory) assert.equal(ours.v, initial.v);
    }
  });

  test('heterogeneous time constants (per-neuron taum, eLife Fig. 8)', () => {
    const text = 'dv/dt = (v0 - v)/taum\ndge/dt = -ge/taue';
    for (const taum of [0.005, 0.01, 0.03]) {
      const ours = simulate(
        exact,
        text,
        { v: 0, ge: 1 },
        { dt: 1e-4, steps: 100, values: { v0: 2, taum, taue: 0.005 } },
      );
      assert.ok(Math.abs(ours.v - 2 * (1 - Math.exp(-0.01 / taum))) < 1e-14);
    }
  });

  test('equal time constants (the same name) use the confluent formula', () => {
    const text = CUBA.replace('-ge/taue', '-ge/taum');
    const ours = simulate(exact, text, initial, { dt: 1e-4, steps: 50, values });
    const reference = simulate(rk4, text, initial, { dt: 2e-6, steps: 2500, values });
    close(ours, reference, 1e-12);
    // v(t) = El + (v0 - El) e^{-t/tau} + ge0 (t/tau) e^{-t/tau} for gi = 0
    const t = 5e-3;
    const only = simulate(exact, 'dv/dt = (ge - (v - El))/taum\ndge/dt = -ge/taum', initial, {
      dt: 1e-4,
      steps: 50,
      values,
    });
    const expected =
      values.El +
      (initial.v - values.El) * Math.exp(-t / values.taum) +
      initial.ge * (t / values.taum) * Math.exp(-t / values.taum);
    assert.ok(Math.abs(only.v - expected) < 1e-15);
  });

  test('equal time constants given as equal numbers', () => {
    const text = 'dv/dt = (g - v)/tau1\ndg/dt = (h - g)/tau2\ndh/dt = -h/tau2 + c';
    const nums = { tau1: 0.01, tau2: 0.01, c: 3 };
    const ours = simulate(
      exact,
      text,
      { v: 0.1, g: 0.2, h: 0.3 },
      { dt: 1e-4, steps: 30, values: nums, context: { constants: nums } },
    );
    const reference = simulate(
      rk4,
      text,
      { v: 0.1, g: 0.2, h: 0.3 },
      { dt: 2e-6, steps: 1500, values: nums },
    );
    close(ours, reference, 1e-12);
  });

  test('singular systems: dx/dt = c, and a conserved sum', () => {
    const line = simulate(exact, 'dx/dt = c', { x: 1 }, { dt: 0.1, steps: 10, values: { c: 2 } });
    assert.ok(Math.abs(line.x - 3) < 1e-14);
    const text = 'dx/dt = (y - x)/tau\ndy/dt = (x - y)/tau';
    const nums = { tau: 0.01, dt: 1e-4 };
    const ours = simulate(
      exact,
      text,
      { x: 1, y: 0 },
      { dt: 1e-4, steps: 100, values: nums, context: { constants: nums } },
    );
    assert.ok(Math.abs(ours.x - (0.5 + 0.5 * Math.exp(-2))) < 1e-14); // x = 1/2 + e^{-2t/tau}/2
    assert.ok(Math.abs(ours.x + ours.y - 1) < 1e-14);
  });

  test('coupled systems with numeric coefficients use the numeric exponential', () => {
    const w = 2 * Math.PI * 40;
    const nums = { w, dt: 1e-4 };
    const ours = simulate(
      exact,
      'dx/dt = w*y + I\ndy/dt = -w*x',
      { x: 1, y: 0 },
      { dt: 1e-4, steps: 100, values: { ...nums, I: 0 }, context: { constants: nums } },
    );
    assert.ok(Math.abs(ours.x - Math.cos(w * 0.01)) < 1e-13 && Math.abs(ours.y + Math.sin(w * 0.01)) < 1e-13);
    // the constant input stays symbolic (per element)
    const withInput = simulate(
      exact,
      'dx/dt = w*y + I\ndy/dt = -w*x',
      { x: 0, y: 0 },
      { dt: 1e-4, steps: 100, values: { ...nums, I: 5 }, context: { constants: nums } },
    );
    const reference = simulate(
      rk4,
      'dx/dt = w*y + I\ndy/dt = -w*x',
      { x: 0, y: 0 },
      { dt: 1e-6, steps: 10000, values: { w, I: 5 } },
    );
    close(withInput, reference, 1e-11);
  });

  test('generates readable code', () => {
    const eqs = odes(CUBA);
    const lines = exact.integrate(eqs, context(eqs)).map((s) => `${s.target} = ${exprToString(s.value)}`);
    assert.deepEqual(lines.slice(1), [
      '_ge = exp(-dt / taue) * ge',
      '_gi = exp(-dt / taui) * gi',
      'v = _v',
      'ge = _ge',
      'gi = _gi',
    ]);
    assert.match(lines[0], /^_v = El \* dt \* exprel\(-dt \/ taum\) \/ taum \+ /);
  });

  test('agrees with the code Brian generates for CUBA', () => {
    const brian = parseStatements(`_ge = ge*exp(-dt/taue)
      _gi = gi*exp(-dt/taui)
      _v = El - El*exp(-dt/taum) + ge*taue*(-exp(dt/taue) + exp(dt/taum))*exp(-dt/taue)*exp(-dt/taum)/(taue - taum) + gi*taui*(-exp(dt/taui) + exp(dt/taum))*exp(-dt/taui)*exp(-dt/taum)/(taui - taum) + v*exp(-dt/taum)
      ge = _ge
      gi = _gi
      v = _v`);
    const eqs = odes(CUBA);
    const mine = exact.integrate(eqs, context(eqs));
    const exec = (s: typeof mine) => {
      const state = new Map<string, Value>(Object.entries({ ...values, ...initial, dt: 1e-4 }));
      execute(s, state);
      return state;
    };
    const a = exec(mine);
    const b = exec(brian);
    for (const v of ['v', 'ge', 'gi'])
      assert.ok(Math.abs((a.get(v) as number) - (b.get(v) as number)) < 1e-16, v);
  });

  test('linear is the same method', () => {
    const eqs = odes(CUBA);
    assert.deepEqual(
      linear.integrate(eqs, context(eqs)).map((s) => exprToString(s.value)),
      exact.integrate(eqs, context(eqs)).map((s) => exprToString(s.value)),
    );
    assert.equal(linear.name, 'linear');
  });
});

describe('exact, what it refuses', () => {
  const reason = (text: string, opts?: ContextOptions) => {
    const eqs = odes(text);
    return exact.check!(eqs, context(eqs, opts));
  };

  test('nonlinear, stochastic and time-dependent equations', () => {
    assert.equal(
      reason('dv/dt = -v**2/tau')?.reason,
      'exact can only integrate linear equations, but dv/dt is not linear in v',
    );
    assert.match(
      reason('dv/dt = w*v\ndw/dt = -w')?.reason ?? '',
      /not linear in the state variables \(v, w\)/,
    );
    assert.equal(
      reason('dv/dt = -v/tau + xi/tau**0.5')?.reason,
      'exact cannot integrate stochastic equations',
    );
    const t = reason('dv/dt = (I - v)/tau*t/ms');
    assert.match(t?.reason ?? '', /constant during a time step, but dv\/dt depends on t/);
    assert.equal(t?.span?.start, 'dv/dt = (I - v)/tau*'.length);
    assert.match(reason('dv/dt = (I*rand() - v)/tau')?.reason ?? '', /calls rand\(\)/);
  });

  test('a locally constant function of t is allowed', () => {
    assert.equal(reason('dv/dt = (stim(t) - v)/tau', { locallyConstant: ['stim'] }), undefined);
    assert.notEqual(reason('dv/dt = (stim(t + dt) - v)/tau', { locallyConstant: ['stim'] }), undefined);
  });

  test('coupled systems with per-element coefficients', () => {
    const problem = reason('dx/dt = w*y\ndy/dt = -w*x');
    assert.match(
      problem?.reason ?? '',
      /only when all their coefficients are known numbers, but the coefficient of y in dx\/dt is not/,
    );
  });
});

describe('exactOverStep (event-driven updates)', () => {
  test('advances over an arbitrary step expression', () => {
    const eqs = odes('dApre/dt = -Apre/taupre\ndw/dt = (wmax - w)/tauw');
    const statements = exactOverStep(
      eqs,
      context(eqs, { constants: { dt: 1e-4 } }),
      parseExpression('t - lastupdate'),
    );
    const state = new Map<string, Value>(
      Object.entries({ Apre: 0.01, w: 0.2, taupre: 0.02, tauw: 0.1, wmax: 1, t: 0.05, lastupdate: 0.03 }),
    );
    execute(statements, state);
    assert.ok(Math.abs((state.get('Apre') as number) - 0.01 * Math.exp(-1)) < 1e-16);
    assert.ok(Math.abs((state.get('w') as number) - (1 - 0.8 * Math.exp(-0.2))) < 1e-15);
    assert.ok(statements.every((s) => !exprToString(s.value).includes('dt')));
  });

  test('refuses what needs the numeric solver or is not linear', () => {
    const coupled = odes('dx/dt = y*w0\ndy/dt = -x*w0');
    const e = (() => {
      try {
        exactOverStep(
          coupled,
          context(coupled, { constants: { w0: 1, dt: 1e-4 } }),
          parseExpression('t - lastupdate'),
        );
      } catch (err) {
        return err as BrianError;
      }
    })();
    assert.equal(e?.code, 'integration_unsupported');
    assert.match(e?.hint ?? '', /clock-driven/);
  });
});
