/**
 * Brunel & Hakim (1999) sparse inhibitory network with noise and 2 ms delays (N = 5000, ~5·10⁶
 * synapses, 1 s) against Brian 2.5.1: test/reference/brunel_hakim_stats.json (5 seeds) plus 20
 * more seeds of the same script (brian/extra_seeds.json; the 5 reference seeds alone gave a std
 * of the oscillation frequency 3× too small). Statistics: rate, ISI CV, population Fano factors
 * (synchrony), synapse count (binomial std at least), and the Welch spectrum's peak (oscillation
 * frequency, as in brunel_hakim_stats.py). Comparison as in cuba-stats.test.ts.
 * One seed takes ~4 s here, so CI runs one; BRIAN_LONG_TESTS=1 runs five.
 */
import { test } from 'node:test';
import { ms, mV, Network, NeuronGroup, SpikeMonitor, Synapses, seed, startScope } from '../../src/index.ts';
import { namespaceFrom, seconds, si } from '../core/support.ts';
import { scalarStats, spectralPeak, spikeStats, welch } from '../helpers/network-stats.ts';
import { loadReference } from '../helpers/reference.ts';
import { assertWithinSpread, brianPerSeed, compareStats, LONG } from './support.ts';

const ref = loadReference('brunel_hakim_stats');
const m = ref.model;
const psd = ref.psd_params;
const SEEDS = LONG ? [1, 2, 3, 4, 5] : [1];

function simulate(seedValue: number): Record<string, number> {
  startScope();
  seed(seedValue);
  const volt = mV(1);
  const namespace = namespaceFrom(m.namespace, {
    Vr: volt,
    theta: volt,
    tau: ms(1),
    J: volt,
    muext: volt,
    sigmaext: volt,
  });
  const group = new NeuronGroup(m.N, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    refractory: seconds(m.refractory),
    method: m.method,
    namespace,
  });
  group.V = si(m.initial.V as number, volt);
  const conn = new Synapses(group, group, {
    onPre: m.synapses.on_pre,
    delay: seconds(m.synapses.delay),
    namespace,
  });
  conn.connect({ p: m.sparseness });
  const mon = new SpikeMonitor(group);
  new Network(group, conn, mon).run(seconds(m.duration));
  const st = spikeStats(mon.i, mon.t_, m.N, m.dt, m.duration);
  const { f, P } = welch(st.per_step.subarray(Math.round(psd.psd_start / m.dt)), {
    fs: 1 / m.dt,
    nperseg: psd.nperseg,
    noverlap: psd.noverlap,
    fMax: psd.f_max,
  });
  return { synapses: conn.N, ...scalarStats(st), ...spectralPeak(f, P, psd.f_min, psd.f_max) };
}

test(`Brunel–Hakim statistics (seeds ${SEEDS.join(', ')}) within Brian 2.5.1's seed-to-seed spread`, () => {
  const runs = SEEDS.map(simulate);
  const pairs = m.N * m.N;
  assertWithinSpread(
    'Brunel–Hakim',
    compareStats(runs, brianPerSeed('brunel_hakim_stats'), [
      ['synapses', Math.sqrt(pairs * m.sparseness * (1 - m.sparseness))],
      'mean_rate',
      'n_active',
      'cv_isi',
      'cv_isi_ge2spikes',
      'fano_pop_1ms',
      'fano_pop_1ms_late',
      'fano_pop_5ms',
      'peak_freq_centroid',
      'peak_ratio',
    ]),
  );
});
