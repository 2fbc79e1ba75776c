import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amp,
  ms,
  mV,
  Network,
  NeuronGroup,
  ohm,
  SpikeMonitor,
  StateMonitor,
  second,
  volt,
} from '../../src/index.ts';
import { Quantity } from '../../src/units/quantity.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('lif_exact');

function q(value: number, unit: Quantity): Quantity {
  return new Quantity(value, unit.dim);
}

test('LIF with exact integration matches Brian 2.5.1 (homogeneous and per-neuron tau)', () => {
  const m = ref.model;
  const results: Record<string, { v: Float64Array[]; t: Float64Array; i: Int32Array }> = {};
  for (const name of ['A', 'B'] as const) {
    const g = m.groups[name];
    const ns: Record<string, Quantity> = {};
    const units: Record<string, Quantity> = {
      El: volt,
      R: ohm,
      I: amp,
      tau: second,
      v_th: volt,
      v_reset: volt,
    };
    for (const [k, v] of Object.entries(g.namespace)) ns[k] = q(v as number, units[k]);
    const G = new NeuronGroup(g.N, g.equations, {
      threshold: m.threshold,
      reset: m.reset,
      refractory: ms(2),
      method: m.method,
      namespace: ns,
    });
    G.v = q(0, volt).add(new Quantity(0, volt.dim));
    G.v = volt(g.initial.v);
    if (g.initial.tau) G.tau = second(g.initial.tau);
    if (g.initial.I) G.I = amp(g.initial.I);
    const M = new StateMonitor(G, 'v');
    const S = new SpikeMonitor(G);
    new Network(G, M, S).run(new Quantity(m.duration, second.dim));
    results[name] = { v: M.v_, t: S.t_, i: S.i };
    assert.equal(M.t_.length, ref.recorded.t.length);
    assertClose(M.t_, ref.recorded.t, 1e-12, 'StateMonitor t');
  }
  for (const name of ['A', 'B'] as const) {
    const r = ref.recorded[name];
    r.v.forEach((trace: number[], k: number) => {
      assertClose(results[name].v[k], trace, 1e-9, `${name}.v[${k}]`);
    });
    assertClose(results[name].t, r.spike_t, 1e-12, `${name} spike times`);
    assert.deepEqual(Array.from(results[name].i), r.spike_i);
  }
  void mV;
});
