/**
 * Brian's examples/synapses/nonlinear.py (NMDA-like synapses) against Brian 2.5.1
 * (test/reference/example_nonlinear.json, 300 ms instead of 1000 ms).
 *
 * Covers: synaptic ODEs `(clock-driven)` with no method given (nonlinear, so both pick 'euler'), a
 * `(summed)` variable into a parameter of the target, `on_pre` on a clock-driven variable, per-synapse
 * weights set from a list, an input group whose threshold is crossed by accumulated euler steps of
 * 0.01 (the crossing step depends on floating-point rounding), and `StateMonitor(S, 'g')`, which
 * records the *postsynaptic* `g` through the synapses (unqualified postsynaptic name).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Hz,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/index.ts';
import { seconds, stepOf } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_nonlinear');

test('nonlinear.py (clock-driven synaptic ODEs + summed variable) matches Brian 2.5.1', () => {
  const m = ref.model;
  const r = ref.recorded;
  startScope();
  const namespace = { a: Hz(m.namespace.a), b: Hz(m.namespace.b), c: Hz(m.namespace.c) };
  const neuronInput = new NeuronGroup(2, m.input_equations, {
    threshold: 'v>1',
    reset: 'v = 0',
    method: 'euler',
  });
  const neurons = new NeuronGroup(1, m.neuron_equations, { method: 'exact' });
  const S = new Synapses(neuronInput, neurons, { model: m.synapse_equations, onPre: m.on_pre, namespace });
  S.connect();
  S.w = m.w;
  neuronInput.v = m.input_v0;

  const M = new StateMonitor(S, 'g', { record: [0, 1] });
  const Msyn = new StateMonitor(S, ['g_syn', 'x'], { record: true });
  const Mn = new StateMonitor(neurons, ['g', 'v'], { record: 0 });
  const Min = new StateMonitor(neuronInput, 'v', { record: true });
  const spikes = new SpikeMonitor(neuronInput);
  new Network(neuronInput, neurons, S, M, Msyn, Mn, Min, spikes).run(seconds(m.duration));

  assert.deepEqual(Array.from(S.i), r.syn_i);
  assert.deepEqual(Array.from(S.j), r.syn_j);
  assertClose(M.t_, r.t, 1e-12, 't');
  // Input spikes on exactly Brian's steps (v accumulates 0.01 per euler step: the crossing of 1
  // depends on the rounding of every addition).
  assert.deepEqual(Array.from(spikes.i), r.spike_i);
  assert.deepEqual(
    Array.from(spikes.t_, (t) => stepOf(t, m.dt)),
    r.spike_t.map((t: number) => stepOf(t, m.dt)),
  );
  // Euler and exact updates of smooth, bounded variables: the same operations as Brian's generated
  // code up to sympy's reordering, so agreement to rounding (1e-12 relative, floor 1e-12 near 0).
  for (const k of [0, 1]) assertClose(Min.traces_('v')[k], r.input_v[k], 1e-12, `input v[${k}]`);
  for (const k of [0, 1]) {
    assertClose(M.traces_('g')[k], r.S_g[k], 1e-12, `S.g (postsynaptic g seen by synapse ${k})`);
    assertClose(Msyn.traces_('g_syn')[k], r.S_g_syn[k], 1e-12, `S.g_syn[${k}]`);
    assertClose(Msyn.traces_('x')[k], r.S_x[k], 1e-12, `S.x[${k}]`);
  }
  assertClose(Mn.traces_('g')[0], r.neurons_g[0], 1e-12, 'neurons.g');
  assertClose(Mn.traces_('v')[0], r.neurons_v[0], 1e-12, 'neurons.v');
  // The summed variable really sums: g = g_syn[0] + g_syn[1], as recorded (both monitors at 'start').
  const g = Mn.traces_('g')[0];
  const gs = Msyn.traces_('g_syn');
  assert.ok(Math.max(...g) > 1, 'the example drives g above 1');
  for (let k = 1; k < g.length; k++) assert.equal(g[k], gs[0][k - 1] + gs[1][k - 1]);
});
