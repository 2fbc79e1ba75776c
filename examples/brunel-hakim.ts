/**
 * Fast global oscillations in a sparse inhibitory network (Brunel & Hakim 1999), as Brian's
 * examples/frompapers/Brunel_Hakim_1999.py: 5000 integrate-and-fire neurons driven by white
 * noise (`xi`, Euler–Maruyama), each inhibiting ~1000 others with a 2 ms delay. Every neuron fires
 * irregularly at a few Hz, yet the population rate oscillates at ~140 Hz.
 *
 * Same model and statistics as test/reference/brunel_hakim_stats.json (run 1 s instead of the
 * example's 0.1 s so that the statistics mean something): mean rate, ISI CV, synchrony (Fano
 * factor of the population count in 1 ms bins: 1 for independent neurons) and the oscillation
 * frequency (peak of the Welch spectrum of the population activity after 0.2 s).
 *
 *   npx tsx examples/brunel-hakim.ts [--N 5000] [--duration 1] [--seed 1] [--out out/brunel-hakim]
 */
import { parseArgs } from 'node:util';
import {
  ms,
  mV,
  NeuronGroup,
  PopulationRateMonitor,
  run,
  SpikeMonitor,
  Synapses,
  second,
  seed,
} from '../src/node.ts';
import { figure, raster, rates, saveFigure } from '../src/plot/index.ts';
// The statistics are those of the Brian reference (a port of its _netstats.py and scipy's welch).
import { spectralPeak, spikeStats, welch } from '../test/helpers/network-stats.ts';

const { values: args } = parseArgs({
  options: {
    N: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '1' },
    out: { type: 'string', default: 'out/brunel-hakim' },
    seed: { type: 'string' },
  },
});
const N = Number(args.N);
const duration = second(Number(args.duration));
if (args.seed) seed(Number(args.seed));

const C = 1000;
const tau = ms(20);
const namespace = { Vr: mV(10), theta: mV(20), tau, J: mV(0.1), muext: mV(25), sigmaext: mV(1) };

const started = performance.now();
const group = new NeuronGroup(N, 'dV/dt = (-V+muext + sigmaext * sqrt(tau) * xi)/tau : volt', {
  threshold: 'V>theta',
  reset: 'V=Vr',
  refractory: ms(2),
  method: 'euler',
  namespace,
});
group.V = mV(10);
const conn = new Synapses(group, group, { onPre: 'V += -J', delay: ms(2), namespace });
conn.connect({ p: C / N });
const spikes = new SpikeMonitor(group);
const lfp = new PopulationRateMonitor(group);
const built = performance.now();
run(duration, { report: 'text' });
const finished = performance.now();

const dt = 1e-4;
const stats = spikeStats(spikes.i, spikes.t_, N, dt, duration.value);
const runSeconds = (finished - built) / 1000;
console.log(`Brunel–Hakim: ${N} neurons, ${conn.N} synapses, ${duration}`);
console.log(`  mean rate ${stats.mean_rate.toFixed(3)} Hz, ISI CV ${stats.cv_isi.toFixed(3)}`);
console.log(
  `  synchrony: population Fano factor ${stats.fano.fano_pop_1ms.toFixed(2)} (1 ms bins), ` +
    `${stats.fano.fano_pop_5ms.toFixed(2)} (5 ms bins)`,
);
const psdStart = Math.round(0.2 / dt);
if (stats.per_step.length - psdStart >= 2000) {
  const { f, P } = welch(stats.per_step.subarray(psdStart), {
    fs: 1 / dt,
    nperseg: 2000,
    noverlap: 1000,
    fMax: 1000,
  });
  const peak = spectralPeak(f, P, 10, 1000);
  console.log(
    `  oscillation ${peak.peak_freq} Hz (centroid ${peak.peak_freq_centroid.toFixed(1)} Hz, ` +
      `${peak.peak_ratio.toFixed(0)}× the median power)`,
  );
} else {
  console.log('  oscillation frequency needs at least 0.4 s of simulation');
}
console.log(
  `  setup ${((built - started) / 1000).toFixed(2)} s, run ${runSeconds.toFixed(2)} s ` +
    `(${(runSeconds / duration.value).toFixed(2)} s per biological second)`,
);

// The last 100 ms (at most), where the oscillation is established.
const window: [number, number] = [Math.max(0, duration.value - 0.1), duration.value];
const first = Math.round(window[0] / dt);
const smooth = lfp.smoothRate('flat', ms(0.5)).values;
const files = await saveFigure(
  figure(
    [
      raster({ t: spikes.t_, i: spikes.i, size: N, tRange: window, title: 'Spikes' }),
      rates({
        t: lfp.t_.subarray(first),
        rate: lfp.rate_.subarray(first),
        smooth: smooth.subarray(first),
        tRange: window,
        title: 'Population rate (smoothed: 0.5 ms flat window)',
      }),
    ],
    { title: `Brunel & Hakim 1999: ${stats.mean_rate.toFixed(1)} Hz per neuron, population oscillation` },
  ),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
