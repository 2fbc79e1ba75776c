/**
 * Brian's tutorial 3, "Introduction to Brian part 3: Simulations", in brian-ts: every cell that
 * computes something, printing what the Brian version (docs/tutorials/brian/3-simulations.py) prints.
 * The last cell draws the Brian logo with spikes: it reads brian.png (beside this file) with pngjs,
 * where Brian uses matplotlib's imread.
 *
 *   npx tsx docs/tutorials/3-simulations.ts
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import {
  cm,
  Hz,
  ms,
  msiemens,
  mV,
  Network,
  NeuronGroup,
  networkOperation,
  PoissonGroup,
  QuantityArray,
  restore,
  run,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  siemens,
  startScope,
  store,
  TimedArray,
  ufarad,
  umetre,
} from '../../src/node.ts';

seed(1);
const num_inputs = 100;
const input_rate = Hz(10);
const weight = 0.1;
const tau_range = ms(Array.from({ length: 30 }, (_, k) => 1 + (9 * k) / 29));
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const second = 1;

// Multiple runs: store() and restore()
startScope();
{
  const P = new PoissonGroup(num_inputs, input_rate);
  const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { threshold: 'v>1', reset: 'v=0', method: 'exact' });
  const S = new Synapses(P, G, { onPre: 'v += weight', namespace: { weight } });
  S.connect();
  const M = new SpikeMonitor(G);
  store();
  const rates: number[] = [];
  for (const tau of tau_range) {
    restore();
    run(ms(1000), { namespace: { tau } });
    rates.push(M.num_spikes / second);
  }
  console.log(`~ store/restore: mean rate for tau < 4 ms: ${mean(rates.slice(0, 10)).toFixed(1)} sp/s`);
  console.log(`~ store/restore: mean rate for tau > 7 ms: ${mean(rates.slice(20)).toFixed(1)} sp/s`);
}

// The same input spikes for every run: SpikeGeneratorGroup
startScope();
{
  const P = new PoissonGroup(num_inputs, input_rate);
  const MP = new SpikeMonitor(P);
  new Network(P, MP).run(ms(1000));
  const SGG = new SpikeGeneratorGroup(num_inputs, MP.i, MP.t);
  const G = new NeuronGroup(1, 'dv/dt = -v/tau : 1', { threshold: 'v>1', reset: 'v=0', method: 'exact' });
  const S = new Synapses(SGG, G, { onPre: 'v += weight', namespace: { weight } });
  S.connect();
  const M = new SpikeMonitor(G);
  const net = new Network(SGG, G, S, M);
  net.store();
  const rates: number[] = [];
  for (const tau of tau_range) {
    net.restore();
    net.run(ms(1000), { namespace: { tau } });
    rates.push(M.num_spikes / second);
  }
  console.log(`~ input spikes: ${MP.num_spikes}`);
  console.log(`~ fixed input: mean rate for tau > 7 ms: ${mean(rates.slice(20)).toFixed(1)} sp/s`);
  const increasing = rates.every((r, k) => k === 0 || r >= rates[k - 1]);
  console.log(`fixed input: rate never decreases with tau: ${increasing ? 'True' : 'False'}`);
}

// One run, one neuron per tau
startScope();
{
  const P = new PoissonGroup(num_inputs, input_rate);
  const G = new NeuronGroup(30, 'dv/dt = -v/tau : 1\ntau : second', { threshold: 'v>1', reset: 'v=0', method: 'exact' });
  G.tau = tau_range;
  const S = new Synapses(P, G, { onPre: 'v += weight', namespace: { weight } });
  S.connect();
  const M = new SpikeMonitor(G);
  run(ms(1000));
  console.log(`~ one run: mean rate for tau > 7 ms: ${mean(Array.from(M.count.subarray(20))).toFixed(1)} sp/s`);
  const train = M.spikeTrains().get(29)!.values;
  const isi = Array.from(train.subarray(1), (t, k) => t - train[k]);
  console.log(`~ one run: mean ISI at tau = 10 ms: ${(mean(isi) * 1000).toFixed(1)} ms`);
}

// Changing things during a run
const area = umetre(1).pow(2).mul(20000);
const hh = {
  area,
  Cm: ufarad.div(cm.pow(2)).mul(area),
  gl: siemens.mul(5e-5).div(cm.pow(2)).mul(area),
  El: mV(-65),
  EK: mV(-90),
  ENa: mV(50),
  g_na: msiemens.mul(100).div(cm.pow(2)).mul(area),
  g_kd: msiemens.mul(30).div(cm.pow(2)).mul(area),
  VT: mV(-63),
};
const gates = `
dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/
    (exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/
    (exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/
    (exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1`;
const eqs_HH = `dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt${gates}
I : amp`;
const hhOptions = { threshold: 'v > -40*mV', refractory: 'v > -40*mV', method: 'exponential_euler', namespace: hh };
const distinct = (q: QuantityArray) => new Set(q.values).size;

for (const how of ['loop', 'run_regularly', 'network_operation']) {
  startScope();
  const group = new NeuronGroup(1, eqs_HH, hhOptions);
  group.v = hh.El;
  const statemon = new StateMonitor(group, ['v', 'I'], { record: true });
  new SpikeMonitor(group, { variables: 'v' });
  if (how === 'loop') {
    for (let l = 0; l < 5; l++) {
      group.I = 'rand()*50*nA';
      run(ms(10));
    }
  } else if (how === 'run_regularly') {
    group.runRegularly('I = rand()*50*nA', { dt: ms(10) });
    run(ms(50));
  } else {
    networkOperation(
      () => {
        group.I = 'rand()*50*nA';
      },
      { dt: ms(10) },
    );
    run(ms(50));
  }
  console.log(`HH, current set by ${how}: ${statemon.t.length} samples, ${distinct(statemon.I[0])} current values`);
}

// Per-neuron and shared currents
for (const shared of [false, true]) {
  startScope();
  const eqs = eqs_HH.replace('/Cm', '/C').replace('I : amp', `I : amp${shared ? ' (shared)' : ''}\nC : farad`);
  const group = new NeuronGroup(3, eqs, hhOptions);
  group.v = hh.El;
  group.C = ufarad.div(cm.pow(2)).mul(area).mul(QuantityArray.from([0.8, 1, 1.2]));
  const statemon = new StateMonitor(group, ['v', 'I'], { record: true });
  group.runRegularly('I = rand()*50*nA', { dt: ms(10) });
  run(ms(50));
  const I = statemon.I_ as Float64Array[];
  const same = I[0].every((x, k) => x === I[1][k] && x === I[2][k]);
  console.log(
    `3 HH neurons, I ${shared ? '(shared)' : 'per neuron'}: same current in all neurons: ${same ? 'True' : 'False'}`,
  );
}

// Adding input: a subexpression, then a TimedArray
const A = 2.5;
const f = Hz(10);
const tau = ms(5);
startScope();
{
  const G = new NeuronGroup(1, 'dv/dt = (I-v)/tau : 1\nI = A*sin(2*pi*f*t) : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'euler',
    namespace: { A, f, tau },
  });
  const M = new StateMonitor(G, true, { record: true });
  const spikes = new SpikeMonitor(G);
  run(ms(200));
  console.log(
    `sine input: v at 200 ms ${M.v_[0].at(-1)}, I at 50 ms ${M.I_[0][500]}, spikes ${spikes.num_spikes}`,
  );
}

startScope();
{
  const dt = 1e-4;
  const samples = Math.trunc(0.2 / dt);
  const I_recorded = new TimedArray(
    Array.from({ length: samples }, (_, k) => A * Math.sin(2 * Math.PI * 10 * (k * dt))),
    { dt: ms(0.1) },
  );
  const G = new NeuronGroup(1, 'dv/dt = (I-v)/tau : 1\nI = I_recorded(t) : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'exact',
    namespace: { I_recorded, tau },
  });
  const M = new StateMonitor(G, true, { record: true });
  const spikes = new SpikeMonitor(G);
  run(ms(200));
  console.log(`TimedArray input: v at 200 ms ${M.v_[0].at(-1)}, spikes ${spikes.num_spikes}`);
}

// Reading data from a file: spikes that draw the Brian logo. Brian reads brian.png with
// matplotlib's imread; pngjs decodes it here (RGBA bytes, 0-255).
startScope();
{
  const png = PNG.sync.read(readFileSync(new URL('./brian.png', import.meta.url)));
  // Brian: img = (1-imread('brian.png'))[::-1, :, 0].T — the red channel scaled to [0, 1] and
  // inverted (dark = 1), time along the image's width, neuron i on row i from the bottom.
  const { width: num_samples, height: N, data } = png;
  const img = Array.from({ length: num_samples }, (_, t) =>
    Array.from({ length: N }, (_, i) => 1 - data[((N - 1 - i) * num_samples + t) * 4] / 255),
  );
  const ta = new TimedArray(img, { dt: ms(1) });
  const G = new NeuronGroup(N, 'dv/dt = (A*ta(t, i)-v)/tau+0.8*xi*tau**-0.5 : 1', {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'euler',
    namespace: { A: 1.5, tau: ms(2), ta },
  });
  const M = new SpikeMonitor(G);
  run(ms(num_samples));
  const dark = img.flat().filter((x) => x > 0.5).length;
  console.log(`brian.png: ${num_samples} samples of ${N} neurons, ${dark} dark pixels`);
  const onLogo = Array.from(M.i, (i, k) => img[Math.trunc(M.t_[k] / 1e-3)][i] > 0.5);
  console.log(`~ logo: ${M.num_spikes} spikes`);
  console.log(`~ logo: ${(onLogo.filter(Boolean).length / onLogo.length).toFixed(2)} of the spikes where the image is dark`);
}
