import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkedVar, ms, Network, NeuronGroup, startScope } from '../../../index.ts';

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
