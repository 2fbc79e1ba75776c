import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Hz,
  ms,
  NeuronGroup,
  PoissonGroup,
  PopulationRateMonitor,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
} from '../../src/index.ts';
import { assertClose } from '../helpers/reference.ts';
import { onEachDevice, STANDALONE_SKIP } from './devices.ts';

/**
 * One seeded network using every synapse feature — each connect() form, heterogeneous delays,
 * event-driven plasticity, summed variables, the multisynaptic index, Poisson input — built on
 * both devices: the same random stream gives the same synapses and the same spikes, and the
 * values agree to 1e-9.
 */
function network() {
  seed(2024);
  const input = new PoissonGroup(20, Hz(80));
  const P = new NeuronGroup(
    40,
    `dv/dt = (I - v + ge)/(10*ms) : 1 (unless refractory)
     dge/dt = -ge/(5*ms) : 1
     I : 1`,
    { threshold: 'v > 1', reset: 'v = 0', refractory: ms(2), method: 'exact' },
  );
  P.v = 'rand()';
  P.I = '0.5 + 0.5*i/N';
  const Q = new NeuronGroup(10, 'Itot : 1');
  const feed = new Synapses(input, P, { model: 'w : 1', onPre: 'ge += w' });
  feed.connect({ p: 0.3 });
  feed.w = 'rand()*0.5';
  const ring = new Synapses(P, P, { onPre: 'ge += 0.05' });
  ring.connect({ j: 'k for k in range(i-3, i+4) if k != i', skipIfInvalid: true });
  ring.delay = '(1 + (i + j) % 5)*0.2*ms';
  const plastic = new Synapses(P, P, {
    model: `w : 1
            dApre/dt = -Apre/(20*ms) : 1 (event-driven)
            dApost/dt = -Apost/(20*ms) : 1 (event-driven)`,
    onPre: 'ge += w\nApre += 0.01\nw = clip(w + Apost, 0, 1)',
    onPost: 'Apost -= 0.012\nw = clip(w + Apre, 0, 1)',
    delay: ms(1),
  });
  plastic.connect({ j: 'k for k in sample(N_post, p=0.2)' });
  plastic.w = 0.3;
  const sized = new Synapses(P, P, { onPre: 'ge += 0.01' });
  sized.connect({ j: 'k for k in sample(N_post, size=3)' });
  const summed = new Synapses(P, Q, {
    model: 'w : 1\nItot_post = w*v_pre : 1 (summed)',
    multisynapticIndex: 'k',
  });
  summed.connect({ i: [0, 1, 2, 39], j: [0, 0, 9, 5], n: 2 });
  summed.w = 'k + 1';
  const spikes = new SpikeMonitor(P);
  const inputSpikes = new SpikeMonitor(input);
  const trace = new StateMonitor(P, ['v', 'ge'], { record: [0, 5, 7] });
  const rate = new PopulationRateMonitor(P);
  run(ms(60));
  return {
    spikeI: Array.from(spikes.i),
    spikeT: Array.from(spikes.t_),
    inputI: Array.from(inputSpikes.i),
    feedI: Array.from(feed.i),
    feedJ: Array.from(feed.j),
    feedW: Array.from(feed.w_ as Float64Array),
    ringJ: Array.from(ring.j),
    ringDelay: Array.from(ring.delay_ as Float64Array),
    plasticJ: Array.from(plastic.j),
    plasticW: Array.from(plastic.w_ as Float64Array),
    sizedJ: Array.from(sized.j),
    summedK: Array.from(summed.k_ as Int32Array),
    incoming: Array.from(feed.N_incoming_ as Int32Array),
    Itot: Array.from(Q.Itot_ as Float64Array),
    v: trace.v_ as Float64Array[],
    ge: trace.ge_ as Float64Array[],
    rate: Array.from(rate.rate_),
    vEnd: Array.from(P.v_ as Float64Array),
  };
}

test('every synapse feature gives the same synapses, spikes and values on both devices', {
  skip: STANDALONE_SKIP,
}, () => {
  const { runtime: r, standalone: s } = onEachDevice('synapse features', network);
  assert.ok(r.spikeI.length > 50, `the network should spike (${r.spikeI.length} spikes)`);
  for (const key of [
    'inputI',
    'feedI',
    'feedJ',
    'ringJ',
    'plasticJ',
    'sizedJ',
    'summedK',
    'incoming',
    'spikeI',
  ] as const) {
    assert.deepEqual(s[key], r[key], key);
  }
  assert.deepEqual(s.spikeT, r.spikeT, 'spike times');
  assert.deepEqual(s.ringDelay, r.ringDelay, 'delays');
  for (const key of ['feedW', 'plasticW', 'Itot', 'rate', 'vEnd'] as const)
    assertClose(s[key], r[key], 1e-9, key);
  for (let k = 0; k < 3; k++) {
    assertClose(s.v[k], r.v[k], 1e-9, `v[${k}]`);
    assertClose(s.ge[k], r.ge[k], 1e-9, `ge[${k}]`, 1e-9);
  }
});

test('spike delivery with synapses out of source order, one delay and per-synapse delays', {
  skip: STANDALONE_SKIP,
}, () => {
  const program = () => {
    const src = new SpikeGeneratorGroup(3, [2, 0, 1, 2], ms([1, 2, 3, 4]));
    const dst = new NeuronGroup(3, 'x : 1\ny : 1');
    // sources 2, 0, 1, 0, 2: the queue cannot take row r as synapse r
    const same = new Synapses(src, dst, { onPre: 'x_post += 1 + 10*i' });
    same.connect({ i: [2, 0, 1, 0, 2], j: [0, 1, 2, 2, 1] });
    const own = new Synapses(src, dst, { onPre: 'y_post += t/ms' });
    own.connect({ i: [2, 0, 1, 0, 2], j: [0, 1, 2, 2, 1] });
    own.delay = 'j*ms';
    run(ms(10));
    return { x: Array.from(dst.x_ as ArrayLike<number>), y: Array.from(dst.y_ as ArrayLike<number>) };
  };
  const { runtime, standalone } = onEachDevice('unordered synapses', program);
  // x: neuron 2 spikes twice (synapses to 0 and 1), 0 once (to 1 and 2), 1 once (to 2)
  assert.deepEqual(runtime.x, [42, 1 + 42, 1 + 11]);
  assert.deepEqual(standalone.x, runtime.x);
  assert.deepEqual(standalone.y, runtime.y);
});
