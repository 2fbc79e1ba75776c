/**
 * STDP (Brian's examples/synapses/STDP.py; shared/brian2-bench/stdp.py; Song, Miller & Abbott
 * 2000): N Poisson inputs at 15 Hz onto one LIF neuron, all-to-all synapses with event-driven
 * pair-based additive STDP. N is the number of inputs (1000 in the baseline, run for 10 s).
 */
import { Hz, ms, mV, Network, NeuronGroup, SpikeMonitor, Synapses, seed } from '../../src/node.ts';
import { missing, type PoissonGroupCtor, pending } from './api.ts';
import { runMeasured, selectDevice, since } from './measure.ts';
import type { ModelFn } from './types.ts';

export const stdp: ModelFn = (N, durationSeconds, device, hooks) => {
  const PoissonGroup = pending('PoissonGroup');
  const unavailable = missing(PoissonGroup) ?? selectDevice(device, hooks);
  if (unavailable) return { status: 'unavailable', reason: unavailable };
  const PoissonClass = PoissonGroup as PoissonGroupCtor;
  seed(12345);
  const t0 = performance.now();
  const gmax = 0.01;
  const taupre = ms(20);
  const dApre = 0.01 * gmax;
  const dApost = -0.01 * 1.05 * gmax; // -dApre * taupre / taupost * 1.05, with taupost = taupre
  const ns = {
    taum: ms(10),
    taupre,
    taupost: taupre,
    Ee: mV(0),
    vt: mV(-54),
    vr: mV(-60),
    El: mV(-74),
    taue: ms(5),
    F: Hz(15),
    gmax,
    dApre,
    dApost,
  };
  const inp = new PoissonClass(N, Hz(15));
  const neurons = new NeuronGroup(
    1,
    `
dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
dge/dt = -ge / taue : 1`,
    { threshold: 'v>vt', reset: 'v = vr', method: 'exact', namespace: ns },
  );
  const S = new Synapses(inp, neurons, {
    model: `w : 1
            dApre/dt = -Apre / taupre : 1 (event-driven)
            dApost/dt = -Apost / taupost : 1 (event-driven)`,
    onPre: `ge += w
            Apre += dApre
            w = clip(w + Apost, 0, gmax)`,
    onPost: `Apost += dApost
             w = clip(w + Apre, 0, gmax)`,
    namespace: ns,
  });
  let connect_s = 0;
  const c0 = performance.now();
  S.connect();
  connect_s = since(c0);
  S.w = 'rand() * gmax';
  const inMon = new SpikeMonitor(inp);
  const outMon = new SpikeMonitor(neurons);
  const net = new Network(inp, neurons, S, inMon, outMon);
  const setup_s = since(t0);
  const times = runMeasured(net, durationSeconds, ns, device, hooks);
  const input_spikes = inMon.num_spikes as number;
  const output_spikes = outMon.num_spikes as number;
  const w = S.w_ as ArrayLike<number>;
  let sum = 0;
  let aboveHalf = 0;
  for (let k = 0; k < w.length; k++) {
    sum += w[k];
    if (w[k] > 0.5 * gmax) aboveHalf++;
  }
  return {
    status: 'ok',
    ...times,
    setup_s,
    connect_s,
    spikes: input_spikes + output_spikes,
    synapses: S.N,
    extra: {
      input_spikes,
      output_spikes,
      mean_w_over_gmax: sum / w.length / gmax,
      frac_w_gt_half: aboveHalf / w.length,
    },
  };
};
