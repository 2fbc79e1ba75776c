import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  defaultclock,
  device,
  farad,
  metre,
  ms,
  mV,
  NeuronGroup,
  run,
  SpikeMonitor,
  setDevice,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { Quantity } from '../../src/units/quantity.ts';
import { loadReference } from '../helpers/reference.ts';
import { projectDirectory, STANDALONE_SKIP } from './devices.ts';

/**
 * Case study 3 of the Brian 2 paper (thresholds of 100 HH axons by bisection) the standalone
 * way: the program is compiled once and rerun ten times with new initial voltages
 * (`device.run({ runArgs })`, Brian 2.6's run_args), instead of store()/restore().
 */
test('threshold bisection by rerunning one compiled program agrees with Brian 2.5.1', {
  skip: STANDALONE_SKIP,
}, () => {
  const ref = loadReference('threshold_bisection_exponential_euler');
  const variant = ref.variants.upstream_exprel_form;
  setDevice('cpp_standalone', { buildOnRun: false });
  startScope();
  defaultclock.dt = ms(0.01);
  const S_m2 = siemens.div(metre.pow(2)).dim;
  try {
    const neurons = new NeuronGroup(100, variant.equations, {
      threshold: 'v > 50*mV',
      reset: '',
      method: 'exponential_euler',
      namespace: {
        El: mV(10.613),
        ENa: mV(115),
        EK: mV(-12),
        gl: new Quantity(3, S_m2),
        gK: new Quantity(360, S_m2),
        C: new Quantity(0.01, farad.div(metre.pow(2)).dim),
        gNa_min: new Quantity(150, S_m2),
        gNa_max: new Quantity(1000, S_m2),
      },
    });
    neurons.gNa = 'gNa_min + (gNa_max - gNa_min)*1.0*i/N';
    neurons.v = mV(0);
    neurons.m = '1/(1 + betam/alpham)';
    neurons.n = '1/(1 + betan/alphan)';
    neurons.h = '1/(1 + betah/alphah)';
    const S = new SpikeMonitor(neurons);
    run(ms(20));
    const v0 = new Float64Array(100).fill(25e-3);
    let step = 25e-3;
    for (let k = 0; k < 10; k++) {
      const runArgs = [[neurons.v, volt(v0)]] as const;
      if (k === 0) device.build({ directory: projectDirectory('bisection'), runArgs });
      else device.run({ runArgs });
      const count = S.count;
      for (let n = 0; n < 100; n++) v0[n] += count[n] === 0 ? step : -step;
      step /= 2;
    }
    const expected: number[] = variant.final_thresholds;
    let within = 0;
    for (let n = 0; n < 100; n++) if (Math.abs(v0[n] - expected[n]) <= 1e-9) within++;
    assert.ok(within >= 98, `${within} of 100 neurons within 1e-6 mV`);
  } finally {
    resetDevice();
    startScope();
    defaultclock.dt = ms(0.1);
  }
});
