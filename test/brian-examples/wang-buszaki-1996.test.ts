import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amp,
  defaultclock,
  farad,
  Network,
  NeuronGroup,
  StateMonitor,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { namespaceFrom, seconds } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

/**
 * brian2 examples/frompapers/Wang_Buszaki_1996.py: the Wang–Buzsáki interneuron (instantaneous m as
 * a subexpression, exprel in alpha_m and alpha_n), exponential Euler, dt = 0.01 ms, the full
 * 100 ms, Iapp = 2 µA. Every step of v is compared.
 */
const ref = loadReference('wang_buszaki_1996');

test('Wang–Buzsáki 1996 interneuron (exponential Euler, exprel) matches Brian 2.5.1', () => {
  const m = ref.model;
  startScope();
  defaultclock.dt = seconds(m.dt);
  const namespace = namespaceFrom(m.namespace, {
    Cm: farad,
    Iapp: amp,
    gL: siemens,
    EL: volt,
    ENa: volt,
    EK: volt,
    gNa: siemens,
    gK: siemens,
  });
  const neuron = new NeuronGroup(1, m.equations, { method: 'exponential_euler', namespace });
  neuron.v = volt(-70e-3);
  neuron.h = 1;
  for (const v of ['v', 'h', 'n']) assertClose(neuron[`${v}_`], m.initial[v], 0, `initial ${v}`);
  const M = new StateMonitor(neuron, 'v', { record: 0 });
  new Network(neuron, M).run(seconds(m.duration));

  const r = ref.recorded;
  assertClose(M.t_, r.t, 1e-12, 't');
  assert.equal(M.traces_('v').length, 1);
  // The example plots M[0].v (Brian's M[0].v_ has no brian-ts spelling: see the report).
  // Brian integrates sympy's rewriting (exp(v/mV)**(1/20) for exp(-(v+58*mV)/(20*mV)), …), so the
  // two differ by roundings from step 6 on (1 ulp); each of the 9 spikes turns them into a tiny
  // phase shift on the 500 V/s upstroke: measured |Δv| ≤ 8e-16 V before the first spike, growing
  // by ~3e-13 V per spike to 2.7e-12 V. v crosses 0, so it is compared against a 10 mV floor:
  // at most 1e-11 V apart. The gates (in [0, 1]) at the end: measured 4e-12 (h), 1.9e-12 (n) and
  // 3.1e-11 (m = m_inf(v), steep at v = -30.6 mV: ~24/V times the 1.3e-12 V of v): 1e-10 apart.
  assertClose(M.at(0).v.values, r.v[0], 1e-9, 'v', 1e-2);
  assertClose(neuron.v_, r.final.v, 1e-9, 'final v', 1e-2);
  for (const v of ['h', 'n', 'm']) assertClose(neuron[`${v}_`], r.final[v], 1e-10, `final ${v}`, 1);
});
