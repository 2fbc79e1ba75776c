import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  farad,
  metre,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  SpikeMonitor,
  StateMonitor,
  second,
  setDevice,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { projectDirectory, STANDALONE_SKIP } from './devices.ts';

/** OpenMP threads split neuron updates; results are those of the serial program (and of Brian). */
test('with threads: 2 the HH state update runs on OpenMP threads and still matches Brian 2.5.1', {
  skip: STANDALONE_SKIP,
}, () => {
  const ref = loadReference('hh_exponential_euler');
  const m = ref.model;
  const directory = projectDirectory('openmp hh');
  const standalone = setDevice('cpp_standalone', { directory, threads: 2 });
  startScope();
  try {
    const S_m2 = siemens.div(metre.pow(2)).dim;
    const ns = m.namespace;
    const G = new NeuronGroup(m.N, m.equations, {
      method: 'exponential_euler',
      dt: new Quantity(m.dt, second.dim),
      threshold: 'v > 50*mV',
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
    const M = new StateMonitor(G, ['v', 'm']);
    new Network(G, M, new SpikeMonitor(G)).run(new Quantity(m.duration, second.dim));
    for (const x of ['v', 'm']) {
      for (const [k, trace] of (ref.recorded[x] as number[][]).entries()) {
        assertClose(M.traces_(x)[k], trace, 1e-9, `${x}[${k}]`, x === 'v' ? 1e-6 : 1e-9);
      }
    }
    const kernels = readdirSync(join(directory, 'kernels')).filter((f) => f.endsWith('.cpp'));
    const code = kernels.map((f) => readFileSync(join(directory, 'kernels', f), 'utf8')).join('\n');
    assert.match(code, /#pragma omp parallel for[^\n]*\n\s*for \(int32_t _idx/);
    assert.match(readFileSync(join(directory, 'compile.rsp'), 'utf8'), /-fopenmp/);
    void standalone;
  } finally {
    resetDevice();
    startScope();
  }
});
