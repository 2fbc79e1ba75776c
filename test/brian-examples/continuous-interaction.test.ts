/**
 * Brian's examples/synapses/continuous_interaction.py against Brian 2.5.1
 * (test/reference/example_continuous_interaction.json, the example's full 100 ms).
 *
 * Covers: a Reduced Traub-Miles model integrated with `exponential_euler`, gating variables set by
 * string setters that read subexpressions (`'alpham / (alpham + betam)'`), `tanh` in an ODE, and a
 * synapse 0 -> 1 whose only content is a summed variable of a presynaptic state variable
 * (`s_in_post = weight*s_pre : 1 (summed)`, continuous coupling, no on_pre).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DIMENSIONLESS,
  farad,
  mV,
  Network,
  NeuronGroup,
  StateMonitor,
  Synapses,
  second,
  siemens,
  startScope,
  uA,
  volt,
} from '../../src/index.ts';
import { namespaceFrom, seconds } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_continuous_interaction');

test('continuous_interaction.py (RTM neurons, summed variable of s_pre) matches Brian 2.5.1', () => {
  const m = ref.model;
  const r = ref.recorded;
  startScope();
  const namespace = namespaceFrom(m.namespace, {
    El: volt,
    EK: volt,
    ENa: volt,
    ESyn: volt,
    gl: siemens,
    gK: siemens,
    gNa: siemens,
    C: farad,
    weight: { dim: DIMENSIONLESS },
    gSyn: siemens,
    tau_d: second,
    tau_r: second,
  });
  const neuron = new NeuronGroup(2, m.equations, { method: 'exponential_euler', namespace });
  neuron.vm = mV([-70, -65]);
  neuron.m = 'alpham / (alpham + betam)';
  neuron.h = 'alphah / (alphah + betah)';
  neuron.n = 'alphan / (alphan + betan)';
  neuron.I_ext = uA([1.5, 0]);
  // The setters evaluate the same rate functions as Brian (exp and division only).
  for (const name of ['vm', 'm', 'h', 'n', 'I_ext']) {
    assertClose(neuron[`${name}_`] as Float64Array, m.initial_after_setters[name], 1e-15, `initial ${name}`);
  }

  const S = new Synapses(neuron, neuron, { model: m.synapse_model, namespace });
  S.connect({ i: 0, j: 1 });
  const stMon = new StateMonitor(neuron, ['vm', 's', 's_in', 'm', 'n', 'h'], { record: [0, 1] });
  new Network(neuron, S, stMon).run(seconds(m.duration));

  assertClose(stMon.t_, r.t, 1e-12, 't');
  // Brian integrates a sympy rewrite of the equations (e.g. `_BA_m` with constants folded and
  // printed to 15 significant digits: 1.37095908638408e-6 for exp(-54/4)), brian-ts the equations as
  // written: the gates differ by ~1e-14 relative after the first step, and the spikes (the upstroke
  // amplifies any difference) carry this to at most 1.7e-10 (vm, relative to max(|vm|, 1 µV)) over the
  // 100 ms. 2e-9 leaves a margin of 10; a change of 1e-7 in one parameter already fails it.
  for (const name of ['vm', 's', 's_in', 'm', 'n', 'h']) {
    for (const k of [0, 1]) {
      assertClose(stMon.traces_(name)[k], r[name][k], 2e-9, `${name}[${k}]`, name === 'vm' ? 1e-6 : 1e-9);
    }
  }
  // Both neurons fire: neuron 1 only through the continuous synapse.
  for (const k of [0, 1]) assert.ok(Math.max(...stMon.traces_('vm')[k]) > 0.04, `neuron ${k} spikes`);
  assert.ok(Math.max(...stMon.traces_('s_in')[1]) > 0.2 && Math.max(...stMon.traces_('s_in')[0]) === 0);
});
