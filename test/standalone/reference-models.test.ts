import assert from 'node:assert/strict';
import {
  amp,
  farad,
  metre,
  ms,
  Network,
  NeuronGroup,
  ohm,
  Quantity,
  QuantityArray,
  SpikeMonitor,
  StateMonitor,
  second,
  siemens,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { onBothDevices } from './devices.ts';

/**
 * Deterministic models against Brian 2.5.1 on both devices (the same checks as test/core):
 * standalone must reproduce the recorded traces and spikes to the same tolerances.
 */

function q(value: number, unit: Quantity): Quantity {
  return new Quantity(value, unit.dim);
}

onBothDevices('LIF with exact integration matches Brian 2.5.1', () => {
  const ref = loadReference('lif_exact');
  const m = ref.model;
  const monitors: Record<string, { M: StateMonitor; S: SpikeMonitor }> = {};
  const objects = [];
  for (const name of ['A', 'B'] as const) {
    const g = m.groups[name];
    const units: Record<string, Quantity> = {
      El: volt,
      R: ohm,
      I: amp,
      tau: second,
      v_th: volt,
      v_reset: volt,
    };
    const ns: Record<string, Quantity> = {};
    for (const [k, v] of Object.entries(g.namespace)) ns[k] = q(v as number, units[k]);
    const G = new NeuronGroup(g.N, g.equations, {
      threshold: m.threshold,
      reset: m.reset,
      refractory: ms(2),
      method: m.method,
      namespace: ns,
    });
    G.v = volt(g.initial.v);
    if (g.initial.tau) G.tau = second(g.initial.tau);
    if (g.initial.I) G.I = amp(g.initial.I);
    monitors[name] = { M: new StateMonitor(G, 'v'), S: new SpikeMonitor(G) };
    objects.push(G, monitors[name].M, monitors[name].S);
  }
  new Network(...objects).run(new Quantity(m.duration, second.dim));
  for (const name of ['A', 'B'] as const) {
    const { M, S } = monitors[name];
    const r = ref.recorded[name];
    assertClose(M.t_, ref.recorded.t, 1e-12, 'StateMonitor t');
    r.v.forEach((trace: number[], k: number) => {
      assertClose(M.v_[k], trace, 1e-9, `${name}.v[${k}]`);
    });
    assertClose(S.t_, r.spike_t, 1e-12, `${name} spike times`);
    assert.deepEqual(Array.from(S.i), r.spike_i);
  }
});

for (const method of ['exponential_euler', 'rk4']) {
  onBothDevices(`HH axon with ${method} matches Brian 2.5.1 traces`, () => {
    const ref = loadReference(`hh_${method}`);
    const m = ref.model;
    const S_m2 = siemens.div(metre.pow(2)).dim;
    const ns = m.namespace;
    const namespace = {
      El: new Quantity(ns.El, volt.dim),
      ENa: new Quantity(ns.ENa, volt.dim),
      EK: new Quantity(ns.EK, volt.dim),
      gl: new Quantity(ns.gl, S_m2),
      gK: new Quantity(ns.gK, S_m2),
      C: new Quantity(ns.C, farad.div(metre.pow(2)).dim),
    };
    const G = new NeuronGroup(m.N, m.equations, { method, namespace, dt: new Quantity(m.dt, second.dim) });
    G.gNa = new QuantityArray(Float64Array.from(m.initial.gNa), S_m2);
    G.v = volt(0);
    G.m = '1/(1 + betam/alpham)';
    G.n = '1/(1 + betan/alphan)';
    G.h = '1/(1 + betah/alphah)';
    G.v = volt(m.initial.v);
    const M = new StateMonitor(G, ['v', 'm', 'n', 'h']);
    new Network(G, M).run(new Quantity(m.duration, second.dim));
    assertClose(M.t_, ref.recorded.t, 1e-12, 't');
    for (const x of ['v', 'm', 'n', 'h']) {
      const floor = x === 'v' ? 1e-6 : 1e-9;
      for (const [k, trace] of (ref.recorded[x] as number[][]).entries()) {
        assertClose(M.traces_(x)[k], trace, 1e-9, `${method} ${x}[${k}]`, floor);
      }
    }
  });
}
