import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  farad,
  metre,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  StateMonitor,
  second,
  setDevice,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { projectDirectory, STANDALONE_SKIP } from './devices.ts';

/**
 * fastMath (Brian's -ffast-math and a vectorised exp) changes results in the last bits only: the
 * HH traces still match Brian 2.5.1 to 1e-9.
 */
test('with fastMath the HH traces still match Brian 2.5.1', { skip: STANDALONE_SKIP }, () => {
  const ref = loadReference('hh_exponential_euler');
  const m = ref.model;
  setDevice('cpp_standalone', { directory: projectDirectory('fast math hh'), fastMath: true });
  startScope();
  try {
    const S_m2 = siemens.div(metre.pow(2)).dim;
    const ns = m.namespace;
    const G = new NeuronGroup(m.N, m.equations, {
      method: 'exponential_euler',
      dt: new Quantity(m.dt, second.dim),
      namespace: {
        El: new Quantity(ns.El, volt.dim),
        ENa: new Quantity(ns.ENa, volt.dim),
        EK: new Quantity(ns.EK, volt.dim),
        gl: new Quantity(ns.gl, S_m2),
        gK: new Quantity(ns.gK, S_m2),
        C: new Quantity(ns.C, farad.div(metre.pow(2)).dim),
      },
    });
    G.gNa = new QuantityArray(Float64Array.from(m.initial.gNa), S_m2);
    G.v = volt(0);
    G.m = '1/(1 + betam/alpham)';
    G.n = '1/(1 + betan/alphan)';
    G.h = '1/(1 + betah/alphah)';
    G.v = volt(m.initial.v);
    const M = new StateMonitor(G, ['v', 'm', 'n', 'h']);
    new Network(G, M).run(new Quantity(m.duration, second.dim));
    for (const x of ['v', 'm', 'n', 'h']) {
      for (const [k, trace] of (ref.recorded[x] as number[][]).entries()) {
        assertClose(M.traces_(x)[k], trace, 1e-9, `${x}[${k}]`, x === 'v' ? 1e-6 : 1e-9);
      }
    }
  } finally {
    resetDevice();
    startScope();
  }
});
