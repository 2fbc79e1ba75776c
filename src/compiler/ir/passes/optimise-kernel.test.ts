import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { linkedVar, ms, Network, NeuronGroup, startScope } from '../../../index.ts';
import type { ScalarType } from '../../functions.ts';
import { DEFAULT_FUNCTIONS } from '../../functions.ts';
import type { Kernel } from '../kernel.ts';
import { EMPTY_BLOCK } from '../kernel.ts';
import { optimiseKernel } from './optimise-kernel.ts';
import { show, statements } from './testing.ts';

function stateupdate(lines: string[], kind: Kernel['kind'] = 'stateupdate'): Kernel {
  const types = new Map<string, ScalarType>([
    ['v', 'float'],
    ['m', 'float'],
  ]);
  const load = (local: string) => ({
    local,
    arrayId: `g_${local}`,
    type: 'float' as const,
    index: { kind: 'element', base: '_idx', steps: [] } as never,
  });
  return {
    kind,
    name: 'g_stateupdater',
    scalar: EMPTY_BLOCK,
    vector: { loads: [load('v'), load('m')], statements: statements(lines, types), stores: [], types },
    arrays: new Map(),
    functions: new Set([DEFAULT_FUNCTIONS.get('exp')!]),
    params: {},
  };
}

describe('optimiseKernel', () => {
  it('folds literals, expands powers, hoists invariants and shares subexpressions', () => {
    const out = optimiseKernel(
      stateupdate([
        'let _m = m**3 * exp(-v / (4 * 0.001)) + exp(-v / (4 * 0.001)) * exp(-dt / 0.005)',
        'let _v = v + m**3 * dt',
        'set m = _m',
        'set v = _v',
      ]),
    );
    assert.deepEqual(show(out.scalar.statements), ['let _lio_1 = exp(-dt * 200.0)']);
    assert.deepEqual(show(out.vector.statements), [
      'let _cse_1 = m * m * m',
      'let _cse_2 = exp(-v * 250.0)',
      'let _m = _cse_1 * _cse_2 + _cse_2 * _lio_1',
      'let _v = v + _cse_1 * dt',
      'set m = _m',
      'set v = _v',
    ]);
    assert.equal(out.vector.types.get('_cse_1'), 'float');
  });
  it('simplifies kernels without a scalar block too (setters), without hoisting', () => {
    const out = optimiseKernel(stateupdate(['set v = v**2 + v**2 * rand()'], 'group_variable_set'));
    assert.deepEqual(show(out.scalar.statements), []);
    assert.deepEqual(show(out.vector.statements), ['let _cse_1 = v * v', 'set v = _cse_1 + _cse_1 * rand()']);
  });
  it('each pass can be switched off for measurements', () => {
    process.env.BRIAN_DISABLE_PASSES = 'powers,cse';
    try {
      const out = optimiseKernel(stateupdate(['set v = v**3 + v**3']));
      assert.deepEqual(show(out.vector.statements), ['set v = v**3 + v**3']);
    } finally {
      delete process.env.BRIAN_DISABLE_PASSES;
    }
    assert.deepEqual(show(optimiseKernel(stateupdate(['set v = v / 0.005'])).vector.statements), [
      'set v = v * 200.0',
    ]);
    process.env.BRIAN_DISABLE_PASSES = 'reciprocal';
    try {
      const out = optimiseKernel(stateupdate(['set v = v / 0.005']));
      assert.deepEqual(show(out.vector.statements), ['set v = v / 0.005']);
    } finally {
      delete process.env.BRIAN_DISABLE_PASSES;
    }
  });
});

// Loop-invariant hoisting moves `2*I0` out of the per-neuron loop; the load of a shared variable
// (or of a variable linked to a size-1 group) must move with it, or the hoisted code reads a local
// that is only declared inside the loop (ReferenceError: I0 is not defined).
test('hoisted expressions of shared and one-element linked variables load them before the loop', () => {
  startScope();
  const source = new NeuronGroup(1, 'x : 1');
  source.x = 0.5;
  const G = new NeuronGroup(
    3,
    `dv/dt = (2*I0 - v)/(20*ms) : 1
     du/dt = (exp(-(x_src - x_n)**2) - u)/(20*ms) : 1
     I0 : 1 (shared)
     x_n : 1 (constant)
     x_src : 1 (linked)`,
    { method: 'euler' },
  );
  G.I0 = 1;
  G.x_n = 'i*0.5';
  G.x_src = linkedVar(source, 'x');
  new Network(source, G).run(ms(1));
  const decay = 1 - 0.995 ** 10; // 10 Euler steps of dt/tau = 0.1/20
  for (let k = 0; k < 3; k++) {
    assert.ok(Math.abs(G.v_[k] - 2 * decay) < 1e-15, `v[${k}] = ${G.v_[k]}`);
    const drive = Math.exp(-((0.5 - 0.5 * k) ** 2));
    assert.ok(Math.abs(G.u_[k] - drive * decay) < 1e-15, `u[${k}] = ${G.u_[k]}`);
  }
});
