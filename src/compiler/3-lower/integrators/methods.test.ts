import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { explicitMethod } from './explicit.ts';
import type { MethodRequest } from './methods.ts';
import { AUTO_ORDER, chooseMethod, METHODS, methodByName, SPATIAL_AUTO_ORDER } from './methods.ts';
import { context, odes } from './test-support.ts';

const choose = (text: string, requested?: MethodRequest, autoOrder?: readonly string[]) => {
  const eqs = odes(text);
  return chooseMethod(eqs, context(eqs), requested, { autoOrder });
};

function throwsCode(fn: () => unknown, code: string, message?: RegExp): BrianError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof BrianError, String(e));
    assert.equal(e.code, code);
    if (message) assert.match(e.summary, message);
    return e;
  }
  assert.fail('expected an error');
}

describe('method registry', () => {
  test('has Brian’s names, each method under its own name', () => {
    assert.deepEqual(Object.keys(METHODS).sort(), [
      'euler',
      'exact',
      'exponential_euler',
      'heun',
      'linear',
      'milstein',
      'rk2',
      'rk4',
    ]);
    for (const [name, method] of Object.entries(METHODS)) assert.equal(method.name, name);
    assert.deepEqual(AUTO_ORDER, ['exact', 'euler', 'heun']);
    assert.deepEqual(SPATIAL_AUTO_ORDER, ['exact', 'exponential_euler', 'rk2', 'heun']);
  });

  test('lookup is case-insensitive; unknown names are errors with the list', () => {
    assert.equal(methodByName('RK4'), METHODS.rk4);
    const e = throwsCode(() => methodByName('rk45'), 'unknown_method', /unknown integration method 'rk45'/);
    assert.match(e.hint ?? '', /exact, linear, euler/);
    assert.match(throwsCode(() => methodByName('gsl_rk8pd'), 'unknown_method').hint ?? '', /GSL/);
    assert.match(throwsCode(() => methodByName('independent'), 'unknown_method').hint ?? '', /deprecated/);
  });
});

describe('chooseMethod', () => {
  test("'auto' tries exact, then euler, then heun", () => {
    assert.equal(choose('dv/dt = (I - v)/tau').method, 'exact');
    const nonlinear = choose('dv/dt = (I - v**2)/tau');
    assert.equal(nonlinear.method, 'euler');
    assert.equal(nonlinear.automatic, true);
    assert.deepEqual(
      nonlinear.rejected.map((r) => r.method),
      ['exact'],
    );
    assert.equal(choose('dv/dt = -v/tau + sigma*xi/tau**0.5').method, 'euler');
    assert.equal(choose('dv/dt = -v/tau + v*xi/tau**0.5').method, 'heun');
    assert.equal(choose('dv/dt = (I - v)/tau*t/ms').method, 'euler');
  });

  test("'auto' skips exact for a system without a unique fixed point, as Brian 2.5.1 (then euler)", () => {
    // Brian 2.5.1 gives `_v = dt*rate + v` for dv/dt = rate, and euler's `A*(1 - dt/tau)` for A
    // beside it; exact would differ for A (exp(-dt/tau)) while looking right for v.
    const alone = choose('dv/dt = rate');
    assert.equal(alone.method, 'euler');
    assert.match(alone.rejected[0].reason, /dv\/dt does not depend on v/);
    assert.equal(choose('dv/dt = rate\ndA/dt = -A/tau').method, 'euler');
    assert.equal(choose('dv/dt = -v/tau + rate').method, 'exact');
    // Asked for by name, exact integrates it all the same.
    assert.equal(choose('dv/dt = rate', 'exact').method, 'exact');
  });

  test('a list is tried in order; SpatialNeuron order', () => {
    assert.equal(
      choose('dm/dt = a*(1 - m) - b*m*v\ndv/dt = -v**3', ['exact', 'exponential_euler', 'rk2']).method,
      'rk2',
    );
    assert.equal(
      choose('dm/dt = a*(1 - m) - b*m*v\ndv/dt = -v', 'auto', SPATIAL_AUTO_ORDER).method,
      'exponential_euler',
    );
  });

  test('a named method is used as given', () => {
    const c = choose('dv/dt = (I - v)/tau', 'RK4');
    assert.equal(c.method, 'rk4');
    assert.equal(c.automatic, false);
    assert.equal(c.statements.at(-1)?.target, 'v');
  });

  test('a custom method object (Brian’s ExplicitStateUpdater)', () => {
    const midpoint = explicitMethod(
      'my_midpoint',
      'k = dt*f(x, t)\nx_new = x + dt*f(x + k/2, t + dt/2)',
      'none',
    );
    assert.equal(choose('dv/dt = -v/tau', midpoint).method, 'my_midpoint');
    assert.equal(choose('dv/dt = -v**2/tau', ['exact', midpoint]).method, 'my_midpoint');
  });

  test('no equations: no statements', () => {
    assert.deepEqual(choose('', 'exact').statements, []);
    assert.deepEqual(choose('').statements, []);
  });

  test('error: a method that cannot integrate the equations points at them', () => {
    const text = 'dv/dt = -v/tau + sigma*xi/tau**0.5';
    const e = throwsCode(
      () => choose(text, 'rk4'),
      'integration_unsupported',
      /^rk4 cannot integrate stochastic equations$/,
    );
    assert.equal(e.span?.start, text.indexOf('xi'));
    throwsCode(
      () => choose('dv/dt = -v**2/tau', 'exact'),
      'integration_unsupported',
      /dv\/dt is not linear in v/,
    );
    throwsCode(
      () => choose('dv/dt = -v/tau + v*xi/tau**0.5', 'euler'),
      'integration_unsupported',
      /additive noise/,
    );
    throwsCode(
      () => choose('dv/dt = v*xi_1 + v*xi_2', 'milstein'),
      'integration_unsupported',
      /non-diagonal/,
    );
    throwsCode(
      () => choose('dv/dt = exp(v)', 'exponential_euler'),
      'integration_unsupported',
      /conditionally linear/,
    );
    throwsCode(
      () => choose('dv/dt = (I - v)/tau*t/ms', 'linear'),
      'integration_unsupported',
      /^linear needs coefficients/,
    );
    throwsCode(
      () => choose('dx/dt = w*y\ndy/dt = -w*x', 'exact'),
      'integration_unsupported',
      /known numbers/,
    );
  });

  test('error: no method of a list applies', () => {
    const e = throwsCode(
      () => choose('dv/dt = xi**2'),
      'integration_unsupported',
      /no integration method among exact, euler, heun can integrate these equations/,
    );
    assert.match(e.summary, /exact cannot integrate stochastic equations/);
    throwsCode(() => choose('dv/dt = v**2 + xi', ['exact', 'rk4']), 'integration_unsupported');
  });

  test('error: unknown or empty method names', () => {
    throwsCode(() => choose('dv/dt = -v/tau', 'foo'), 'unknown_method');
    throwsCode(() => choose('dv/dt = -v/tau', ['exact', 'foo']), 'unknown_method');
    throwsCode(() => choose('dv/dt = -v/tau', []), 'unknown_method');
  });
});
