import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Hz,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  PoissonInput,
  QuantityArray,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  seed,
  TimedArray,
  volt,
} from '../../src/index.ts';
import { assertClose } from '../helpers/reference.ts';
import { onEachDevice, STANDALONE_SKIP } from './devices.ts';

/**
 * Inputs on both devices: a TimedArray driving membranes (1-D) and Poisson rates (2-D), a
 * periodic SpikeGeneratorGroup, PoissonInput (binomial draws, both the exact inversion and the
 * normal approximation). Seeded: the same random stream, the same spikes and values.
 */
function inputs() {
  seed(7);
  const drive = new TimedArray(new QuantityArray(Float64Array.from([0, 20, -5, 30, 10]), mV.dim), {
    dt: ms(2),
  });
  const G = new NeuronGroup(3, 'dv/dt = (drive(t) - v)/(3*ms) + 0.01*xi*sqrt(1/ms)*mV : volt', {
    method: 'euler',
    namespace: { drive },
  });
  const stim = new TimedArray(
    [
      [100, 400],
      [300, 50],
    ],
    { dt: ms(5) },
  );
  const P = new PoissonGroup(2, 'stim(t, i)*Hz', { namespace: { stim } });
  const gen = new SpikeGeneratorGroup(4, [0, 3, 1, 2], ms([0.5, 0.5, 1.2, 3.7]), { period: ms(4) });
  const H = new NeuronGroup(5, 'x : 1\ny : 1');
  const few = new PoissonInput(H, 'x', 3, Hz(200), 1);
  const many = new PoissonInput(H, 'y', 1000, Hz(100), 0.5);
  const MG = new StateMonitor(G, 'v', { record: true });
  const SP = new SpikeMonitor(P);
  const SG = new SpikeMonitor(gen);
  run(ms(10));
  void few;
  void many;
  return {
    v: MG.v_ as Float64Array[],
    poisson: [Array.from(SP.i), Array.from(SP.t_)],
    generated: [Array.from(SG.i), Array.from(SG.t_)],
    x: Array.from(H.x_ as Float64Array),
    y: Array.from(H.y_ as Float64Array),
  };
}

test('TimedArray, PoissonGroup, SpikeGeneratorGroup and PoissonInput agree on both devices', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime: r, standalone: s } = onEachDevice('inputs', inputs);
  assert.ok(r.poisson[0].length > 3, 'the Poisson group spikes');
  assert.deepEqual(s.poisson, r.poisson);
  assert.deepEqual(s.generated, r.generated);
  assert.deepEqual(r.generated[0], [0, 3, 1, 2, 0, 3, 1, 2, 0, 3, 1]);
  assert.deepEqual(s.x, r.x);
  assert.deepEqual(s.y, r.y);
  // randn() uses log(): glibc and V8 may differ in the last bit, so the noisy traces agree to 1e-9.
  for (let k = 0; k < 3; k++) assertClose(s.v[k], r.v[k], 1e-9, `v[${k}]`, 1e-6);
  void volt;
});
