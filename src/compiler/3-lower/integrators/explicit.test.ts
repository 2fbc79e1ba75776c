import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execute, type Value } from '../../../symbolic/evaluate.ts';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseStatements } from '../../1-parse/parse-statements.ts';
import { euler, heun, milstein, rk2, rk4 } from './explicit-methods.ts';
import { context, odes, run } from './test-support.ts';
import type { StateUpdateMethod } from './types.ts';

const code = (method: StateUpdateMethod, text: string) => {
  const eqs = odes(text);
  return method.integrate(eqs, context(eqs));
};

/** Error of a method on dv/dt = -v/tau over 10 ms, from v = 1. */
function decayError(method: StateUpdateMethod, dt: number): number {
  const steps = Math.round(0.01 / dt);
  const state = run(code(method, 'dv/dt = -v/tau'), { v: 1 }, { dt, steps, values: { tau: 0.01 } });
  return Math.abs((state.get('v') as number) - Math.exp(-1));
}

describe('explicit methods, deterministic', () => {
  test('converge with their order on exponential decay', () => {
    const orders: Array<[StateUpdateMethod, number]> = [
      [euler, 1],
      [rk2, 2],
      [rk4, 4],
      [heun, 1],
      [milstein, 1],
    ];
    for (const [method, order] of orders) {
      const ratio = decayError(method, 1e-4) / decayError(method, 5e-5);
      assert.ok(
        Math.abs(Math.log2(ratio) - order) < 0.1,
        `${method.name}: observed order ${Math.log2(ratio)}`,
      );
    }
    assert.ok(decayError(rk4, 1e-4) < 1e-10); // (dt/tau)^4-sized, not 0
  });

  test('rk4 on a linear equation with constant input', () => {
    const dt = 1e-4;
    const state = run(
      code(rk4, 'dv/dt = (I - v)/tau'),
      { v: 0 },
      { dt, steps: 200, values: { I: 2, tau: 0.01 } },
    );
    assert.ok(Math.abs((state.get('v') as number) - 2 * (1 - Math.exp(-2))) < 1e-9);
  });

  test('rk4 is fourth order on the harmonic oscillator', () => {
    const w = 2 * Math.PI * 50;
    const error = (dt: number) => {
      const steps = Math.round(0.02 / dt);
      const s = run(code(rk4, 'dx/dt = w*y\ndy/dt = -w*x'), { x: 1, y: 0 }, { dt, steps, values: { w } });
      return Math.hypot(
        (s.get('x') as number) - Math.cos(w * 0.02),
        (s.get('y') as number) + Math.sin(w * 0.02),
      );
    };
    const ratio = error(2e-4) / error(1e-4);
    assert.ok(Math.abs(ratio - 16) < 1, `error ratio ${ratio}`);
  });

  test('evaluates f at t + dt/2 and t + dt', () => {
    const w = 100;
    const s = run(code(rk4, 'dv/dt = cos(w*t)'), { v: 0 }, { dt: 1e-4, steps: 100, values: { w } });
    // With f evaluated at t for every stage, the error would be about 1e-6.
    assert.ok(Math.abs((s.get('v') as number) - Math.sin(w * 0.01) / w) < 1e-12);
  });

  test('generates the statements of Brian for rk4', () => {
    const lines = code(rk4, 'dv/dt = -v/tau').map((s) => `${s.target} = ${exprToString(s.value)}`);
    assert.deepEqual(lines, [
      '__k_1_v = -dt * v / tau',
      '__k_2_v = (-__k_1_v / 2 - v) * dt / tau',
      '__k_3_v = (-__k_2_v / 2 - v) * dt / tau',
      '__k_4_v = (-__k_3_v - v) * dt / tau',
      '_v = __k_1_v / 6 + __k_2_v / 3 + __k_3_v / 3 + __k_4_v / 6 + v',
      'v = _v',
    ]);
  });

  test('synthesised nodes carry the span of their equation', () => {
    const eqs = odes('dv/dt = -v/tau\ndw/dt = v - w');
    const statements = rk2.integrate(eqs, context(eqs));
    const w = statements.find((s) => s.target === '_w')!;
    assert.equal(w.span, eqs[1].span);
    assert.equal(w.value.span, eqs[1].span);
  });
});

/**
 * Runs our code and Brian's (as printed by Brian 2.5.1) for one step from the same state, with
 * the same random numbers, and compares the state variables.
 */
function sameAsBrian(
  method: StateUpdateMethod,
  equations: string,
  brian: string,
  state: Record<string, number>,
) {
  const normals = [0.3, -1.2, 0.7, 2.1];
  const exec = (statements: ReturnType<typeof parseStatements>) => {
    let k = 0;
    const s = new Map<string, Value>(Object.entries(state));
    execute(statements, s, { randn: () => normals[k++] });
    return s;
  };
  const ours = exec(code(method, equations));
  const theirs = exec(parseStatements(brian));
  for (const eq of odes(equations)) {
    const a = ours.get(eq.name) as number;
    const b = theirs.get(eq.name) as number;
    assert.ok(Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b)), `${method.name} ${eq.name}: ${a} vs ${b}`);
  }
}

describe('explicit methods, compared with the code Brian generates', () => {
  const state = { v: 0.8, w: -0.3, tau: 0.01, sigma: 0.5, dt: 1e-4, t: 0.25 };

  test('rk2 on a coupled system and with t', () => {
    sameAsBrian(
      rk2,
      'dv/dt = (w-v)/tau\ndw/dt = -v/tau',
      `__k_v = dt*(-v + w)/tau
       __k_w = -dt*v/tau
       _v = dt*(-__k_v/2 + __k_w/2 - v + w)/tau + v
       _w = -dt*(__k_v/2 + v)/tau + w
       v = _v
       w = _w`,
      state,
    );
    sameAsBrian(
      rk2,
      'dv/dt = -v/tau + t/tau**2',
      `__k_v = dt*(t/tau**2 - v/tau)
       _v = dt*(-(__k_v/2 + v)/tau + (dt/2 + t)/tau**2) + v
       v = _v`,
      state,
    );
  });

  test('euler with two noise sources', () => {
    sameAsBrian(
      euler,
      'dv/dt = -v/tau + sigma*xi_1/tau**0.5 + sigma*xi_2/tau**.5',
      `xi_1 = dt**.5 * randn()
       xi_2 = dt**.5 * randn()
       _v = -dt*v/tau + sigma*xi_1/tau**0.5 + sigma*xi_2/tau**0.5 + v
       v = _v`,
      state,
    );
  });

  test('heun with multiplicative noise', () => {
    sameAsBrian(
      heun,
      'dv/dt = -v/tau + v*sigma*xi_1/tau**0.5 + sigma*xi_2*v**2/tau**.5',
      `xi_1 = dt**.5 * randn()
       xi_2 = dt**.5 * randn()
       __x_support_v_xi_2 = sigma*v**2*xi_2/tau**0.5 + v
       __x_support_v_xi_1 = sigma*v*xi_1/tau**0.5 + v
       __g_support_v_xi_2 = __x_support_v_xi_2**2*sigma/tau**0.5
       __g_support_v_xi_1 = __x_support_v_xi_1*sigma/tau**0.5
       _v = 0.5*__g_support_v_xi_1*xi_1 + 0.5*__g_support_v_xi_2*xi_2 - dt*v/tau + 0.5*sigma*v**2*xi_2/tau**0.5 + 0.5*sigma*v*xi_1/tau**0.5 + v
       v = _v`,
      state,
    );
  });

  test('milstein with diagonal noise on two equations', () => {
    sameAsBrian(
      milstein,
      'dv/dt = -v/tau + v*sigma*xi_1/tau**0.5\ndw/dt = -w/tau + w*v*sigma*xi_2/tau**0.5',
      `xi_1 = dt**.5 * randn()
       xi_2 = dt**.5 * randn()
       __x_support_v_xi_2 = -dt*v/tau + v
       __x_support_v_xi_1 = dt**0.5*sigma*v/tau**0.5 - dt*v/tau + v
       __x_support_w_xi_2 = dt**0.5*sigma*v*w/tau**0.5 - dt*w/tau + w
       __x_support_w_xi_1 = -dt*w/tau + w
       __g_support_v_xi_2 = 0
       __g_support_v_xi_1 = __x_support_v_xi_1*sigma/tau**0.5
       __g_support_w_xi_2 = __x_support_v_xi_2*__x_support_w_xi_2*sigma/tau**0.5
       __g_support_w_xi_1 = 0
       __k_v_xi_2 = __g_support_v_xi_2*xi_2**2/(2*dt**0.5)
       __k_v_xi_1 = __g_support_v_xi_1*xi_1**2/(2*dt**0.5) - sigma*v*xi_1**2/(2*dt**0.5*tau**0.5)
       __k_w_xi_2 = __g_support_w_xi_2*xi_2**2/(2*dt**0.5) - sigma*v*w*xi_2**2/(2*dt**0.5*tau**0.5)
       __k_w_xi_1 = __g_support_w_xi_1*xi_1**2/(2*dt**0.5)
       _v = __k_v_xi_1 + __k_v_xi_2 - dt*v/tau + sigma*v*xi_1/tau**0.5 + v
       _w = __k_w_xi_1 + __k_w_xi_2 - dt*w/tau + sigma*v*w*xi_2/tau**0.5 + w
       v = _v
       w = _w`,
      state,
    );
  });
});

describe('explicit methods, checks', () => {
  const problem = (method: StateUpdateMethod, text: string) => {
    const eqs = odes(text);
    return method.check!(eqs, context(eqs))?.reason;
  };

  test('deterministic methods refuse noise; euler refuses multiplicative noise', () => {
    assert.equal(problem(rk4, 'dv/dt = -v/tau + xi/tau**0.5'), 'rk4 cannot integrate stochastic equations');
    assert.equal(problem(rk2, 'dv/dt = -v/tau + xi/tau**0.5'), 'rk2 cannot integrate stochastic equations');
    assert.match(
      problem(euler, 'dv/dt = -v/tau + v*xi/tau**0.5') ?? '',
      /euler can only integrate equations with additive noise/,
    );
    assert.match(problem(euler, 'dv/dt = -v/tau + t*xi/tau**1.5') ?? '', /depends on t/);
    assert.match(problem(euler, 'dv/dt = -v/tau + w*xi/tau**0.5\ndw/dt = -w/tau') ?? '', /depends on w/);
    assert.equal(problem(euler, 'dv/dt = -v/tau + g*xi/tau**0.5'), undefined); // g: a parameter
  });

  test('a locally constant function of t keeps noise additive', () => {
    const eqs = odes('dv/dt = -v/tau + stim(t)*xi/tau**0.5');
    assert.equal(euler.check!(eqs, context(eqs, { locallyConstant: ['stim'] })), undefined);
    assert.notEqual(euler.check!(eqs, context(eqs)), undefined);
  });

  test('milstein needs diagonal noise', () => {
    assert.match(
      problem(milstein, 'dv/dt = v*xi_1 + v*xi_2') ?? '',
      /non-diagonal noise \(dv\/dt uses xi_1 and xi_2\)/,
    );
    assert.match(
      problem(milstein, 'dv/dt = v*xi_1\ndw/dt = w*xi_1') ?? '',
      /xi_1 appears in dv\/dt and dw\/dt/,
    );
    assert.equal(problem(heun, 'dv/dt = v*xi_1\ndw/dt = w*xi_1'), undefined);
  });

  test('noise must enter linearly', () => {
    assert.match(
      problem(heun, 'dv/dt = xi**2') ?? '',
      /heun cannot integrate these equations: the noise terms of dv\/dt/,
    );
    assert.match(problem(euler, 'dv/dt = xi_1*xi_2') ?? '', /cannot be separated/);
  });
});
