import { test } from 'node:test';
import {
  farad,
  metre,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  StateMonitor,
  second,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

/** Hodgkin–Huxley axons (eLife case study 3 equations) against Brian 2.5.1: full v, m, n, h traces. */
for (const method of ['exponential_euler', 'rk4']) {
  test(`HH axon with ${method} matches Brian 2.5.1 traces`, () => {
    const ref = loadReference(`hh_${method}`);
    const m = ref.model;
    startScope();
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
    // The gates at their v = 0 steady state, as Brian computed them.
    for (const x of ['m', 'n', 'h']) assertClose(G[`${x}_`], m.initial[x], 1e-13, `initial ${x}`);
    G.v = volt(m.initial.v);
    const M = new StateMonitor(G, ['v', 'm', 'n', 'h']);
    new Network(G, M).run(new Quantity(m.duration, second.dim));
    assertClose(M.t_, ref.recorded.t, 1e-12, 't');
    for (const x of ['v', 'm', 'n', 'h']) {
      // v crosses 0 (floor 1 µV); the gates stay within (0, 1) (floor 1e-9).
      const floor = x === 'v' ? 1e-6 : 1e-9;
      for (const [k, trace] of (ref.recorded[x] as number[][]).entries()) {
        assertClose(M.traces_(x)[k], trace, 1e-9, `${method} ${x}[${k}]`, floor);
      }
    }
  });
}
