import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultclock,
  farad,
  metre,
  ms,
  mV,
  NeuronGroup,
  restore,
  run,
  SpikeMonitor,
  siemens,
  startScope,
  store,
  volt,
} from '../../src/index.ts';
import { Quantity } from '../../src/units/quantity.ts';
import { loadReference } from '../helpers/reference.ts';

/** Case study 3 of the Brian 2 paper against Brian 2.5.1: thresholds of 100 HH axons by bisection. */
for (const method of ['exponential_euler', 'rk4']) {
  test(`threshold bisection (${method}) agrees with Brian 2.5.1`, () => {
    const ref = loadReference(`threshold_bisection_${method}`);
    const variant = ref.variants.upstream_exprel_form;
    startScope();
    defaultclock.dt = ms(0.01);
    const S_m2 = siemens.div(metre.pow(2)).dim;
    const ns = {
      El: mV(10.613),
      ENa: mV(115),
      EK: mV(-12),
      gl: new Quantity(3, S_m2),
      gK: new Quantity(360, S_m2),
      C: new Quantity(0.01, farad.div(metre.pow(2)).dim),
      gNa_min: new Quantity(150, S_m2),
      gNa_max: new Quantity(1000, S_m2),
    };
    try {
      const neurons = new NeuronGroup(100, variant.equations, {
        threshold: 'v > 50*mV',
        reset: '',
        method,
        namespace: ns,
      });
      neurons.gNa = 'gNa_min + (gNa_max - gNa_min)*1.0*i/N';
      neurons.v = mV(0);
      neurons.m = '1/(1 + betam/alpham)';
      neurons.n = '1/(1 + betan/alphan)';
      neurons.h = '1/(1 + betah/alphah)';
      const S = new SpikeMonitor(neurons);
      store();
      const v0 = new Float64Array(100).fill(25e-3);
      let step = 25e-3;
      for (let k = 0; k < 10; k++) {
        restore();
        neurons.v = volt(v0);
        run(ms(20));
        const count = S.count;
        for (let n = 0; n < 100; n++) v0[n] += count[n] === 0 ? step : -step;
        step /= 2;
      }
      const expected: number[] = variant.final_thresholds;
      let within = 0;
      let worst = 0;
      for (let n = 0; n < 100; n++) {
        const d = Math.abs(v0[n] - expected[n]);
        if (d <= 1e-9) within++;
        worst = Math.max(worst, d);
      }
      assert.ok(within >= 98, `${within} of 100 neurons within 1e-6 mV`);
      assert.ok(worst <= 1e-4, `worst difference ${worst * 1e3} mV`);
    } finally {
      defaultclock.dt = ms(0.1);
    }
  });
}
