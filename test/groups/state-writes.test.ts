import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultclock,
  Hz,
  linkedVar,
  ms,
  mV,
  Network,
  NeuronGroup,
  PoissonInput,
  run,
  StateMonitor,
  startScope,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { onBothDevices } from '../standalone/devices.ts';

/**
 * Writes that went to the wrong elements, or nowhere, without an error (issue 12): each case
 * failed before its fix. Brian 2.5.1 gives the expected values.
 */

onBothDevices('a literal or an array assigned to a subgroup writes the subgroup only', () => {
  const G = new NeuronGroup(6, 'a : 1\nc : 1');
  const SG = G.slice(2, 5);
  SG.a = 5; // wrote all six neurons
  SG.c = [1, 2, 3]; // refused: "6 values from 3 values"
  run(ms(0));
  assert.deepEqual(Array.from(G.a_), [0, 0, 5, 5, 5, 0]);
  assert.deepEqual(Array.from(G.c_), [0, 0, 1, 2, 3, 0]);
});

onBothDevices('runRegularly on a subgroup runs with its parent (even without a reference)', () => {
  const G = new NeuronGroup(4, 'v : integer');
  G.slice(1, 3).runRegularly('v += 1'); // was never scheduled
  run(defaultclock.dt.mul(2) as typeof defaultclock.dt);
  assert.deepEqual(Array.from(G.v_), [0, 2, 2, 0]);
});

onBothDevices('PoissonInput does not add to an (unless refractory) variable during refractoriness', () => {
  const G = new NeuronGroup(1, 'dv/dt = 0*mV/ms : volt (unless refractory)\ndw/dt = 0*mV/ms : volt', {
    threshold: 't < 0.05*ms',
    reset: '',
    refractory: ms(1),
  });
  new PoissonInput(G, 'v', 1, Hz(1e4), mV(1)); // p = 1 per step at this rate and dt
  new PoissonInput(G, 'w', 1, Hz(1e4), mV(1));
  run(ms(1.5));
  // Refractory from the spike at t = 0 until 1 ms: v receives the inputs of the last 0.5 ms only.
  assert.ok(Math.abs(G.v_[0] - 5e-3) < 1e-12, `v = ${G.v_[0]}`);
  assert.ok(Math.abs(G.w_[0] - 15e-3) < 1e-12, `w = ${G.w_[0]}`);
});

onBothDevices('a shared variable written from run_regularly is written once per step', () => {
  const G = new NeuronGroup(5, 's : 1 (shared)\ny : 1');
  G.runRegularly('s += 1'); // added 1 per neuron: 5
  run(defaultclock.dt);
  assert.equal(G.s_[0], 1);
});

test('a shared variable cannot take a per-element value (Brian: SyntaxError)', () => {
  startScope();
  const G = new NeuronGroup(5, 's : 1 (shared)\ny : 1');
  G.runRegularly('s = y'); // kept the last neuron's value
  throwsCode(() => new Network(G).run(defaultclock.dt), 'shared_write_in_vector_code');
  const H = new NeuronGroup(5, 's : 1 (shared)\ny : 1', { threshold: 'y > 1', reset: 's += 1' });
  throwsCode(() => new Network(H).run(defaultclock.dt), 'shared_write_in_vector_code');
});

test('a variable linked to a linked variable goes through both indices', () => {
  startScope();
  const G1 = new NeuronGroup(2, 'x : 1');
  const G2 = new NeuronGroup(4, 'y : 1 (linked)');
  G2.y = linkedVar(G1, 'x', { index: [0, 0, 1, 1] });
  const G3 = new NeuronGroup(4, 'z : 1 (linked)');
  G3.z = linkedVar(G2, 'y', { index: [3, 2, 1, 0] }); // read G1.x[3], … (out of bounds: NaN)
  G1.x = [10, 20];
  assert.deepEqual(Array.from(G3.z_), [20, 20, 10, 10]);
});

test('a variable can be linked to a subexpression, and from a one-element group it is one value', () => {
  startScope();
  const G = new NeuronGroup(2, 'v : 1\nI = 2*v : 1');
  G.v = [1, 2];
  const H = new NeuronGroup(2, 'I_l : 1 (linked)');
  H.I_l = linkedVar(G, 'I'); // refused: not a state variable
  assert.deepEqual(Array.from(H.I_l_), [2, 4]);
  const one = new NeuronGroup(1, 'x : 1');
  one.x = 7;
  const K = new NeuronGroup(3, 'x : 1 (linked)');
  K.x = linkedVar(one, 'x');
  assert.equal(K.x.scalar, true); // was read per neuron
  assert.deepEqual(Array.from(K.x_), [7]);
});

onBothDevices('a linked variable can be written in a reset', () => {
  const G1 = new NeuronGroup(3, 'x : 1');
  const G2 = new NeuronGroup(3, 'x_linked : 1 (linked)\ny : 1', {
    threshold: 'y > 1',
    reset: 'y = 0; x_linked += 1',
  });
  G2.x_linked = linkedVar(G1, 'x'); // read-only: the reset was refused
  G2.y = [0, 1.1, 0];
  run(defaultclock.dt);
  assert.deepEqual(Array.from(G1.x_), [0, 1, 0]);
});

test("setState's namespace gives the names of a condition, also for a literal value", () => {
  startScope();
  const G = new NeuronGroup(5, 'v : 1');
  G.setState('v', 1, 'i < k', { k: 3 }); // k was looked up without the namespace
  assert.deepEqual(Array.from(G.v_), [1, 1, 1, 0, 0]);
});

test('raw-value setters set SI values without units', () => {
  startScope();
  const G = new NeuronGroup(3, 'v : volt');
  G.v_ = -0.07; // refused: "a bare number for a variable in volt"
  assert.deepEqual(Array.from(G.v_), [-0.07, -0.07, -0.07]);
  G.v_ = [0.01, 0.02, 0.03];
  assert.deepEqual(Array.from(G.v.in(mV)), [10, 20, 30]);
});

test("a state variable named like a group's method keeps both (StateMonitor records it)", () => {
  startScope();
  const G = new NeuronGroup(2, 'dvariable/dt = 1/ms : 1');
  (G as unknown as Record<string, unknown>).variable = [1, 2]; // replaced the method, and the StateMonitor crashed calling it
  const M = new StateMonitor(G, 'variable', { record: true });
  run(defaultclock.dt.mul(2) as typeof defaultclock.dt);
  assert.equal(typeof G.variable, 'function');
  assert.deepEqual(Array.from(M.variable_[1] as Float64Array), [2, 2.1]);
});
