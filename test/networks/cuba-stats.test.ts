/**
 * The CUBA network (N = 4000, 1 s) against Brian 2.5.1: test/reference/cuba_stats.json (8 seeds)
 * plus 24 more seeds of the same script (brian/extra_seeds.json). Random connectivity and initial potentials make each seed different, so the comparison
 * is statistical: every statistic of our seeds must lie within Brian's seed-to-seed spread
 * (checkSeedSpread: |mean(ours) − μ| ≤ 3σ√(1/K + 1/n), each seed within 4σ√(1 + 1/n)).
 * Synapse counts use at least their binomial std √(pairs·p(1−p)).
 * ~1.5 s per seed; BRIAN_LONG_TESTS=1 runs 8 seeds instead of 3.
 */
import { test } from 'node:test';
import { ms, mV, Network, NeuronGroup, SpikeMonitor, Synapses, seed, startScope } from '../../src/index.ts';
import { namespaceFrom, seconds } from '../core/support.ts';
import { scalarStats, spikeStats } from '../helpers/network-stats.ts';
import { loadReference } from '../helpers/reference.ts';
import { assertWithinSpread, brianPerSeed, compareStats, LONG } from './support.ts';

const ref = loadReference('cuba_stats');
const m = ref.model;
const SEEDS = LONG ? [1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3];

function simulate(seedValue: number) {
  startScope();
  seed(seedValue);
  const volt = mV(1);
  const namespace = namespaceFrom(m.namespace, {
    taum: ms(1),
    taue: ms(1),
    taui: ms(1),
    Vt: volt,
    Vr: volt,
    El: volt,
    we: volt,
    wi: volt,
    Ne: { dim: ms(1).div(ms(1)).dim },
    p: { dim: ms(1).div(ms(1)).dim },
  });
  const P = new NeuronGroup(m.N, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    refractory: seconds(m.refractory),
    method: m.method,
    namespace,
  });
  P.v = m.initial.v;
  P.ge = mV(0);
  P.gi = mV(0);
  const Ce = new Synapses(P, P, { onPre: m.synapses.Ce.on_pre, namespace });
  const Ci = new Synapses(P, P, { onPre: m.synapses.Ci.on_pre, namespace });
  Ce.connect({ condition: 'i<Ne', p: m.namespace.p });
  Ci.connect({ condition: 'i>=Ne', p: m.namespace.p });
  const mon = new SpikeMonitor(P);
  new Network(P, Ce, Ci, mon).run(seconds(m.duration));
  const st = spikeStats(mon.i, mon.t_, m.N, m.dt, m.duration, { Ne: m.Ne });
  return { synapses_Ce: Ce.N, synapses_Ci: Ci.N, ...scalarStats(st) } as Record<string, number>;
}

test(`CUBA statistics over seeds ${SEEDS.join(', ')} within Brian 2.5.1's seed-to-seed spread`, () => {
  const runs = SEEDS.map(simulate);
  const pairsTimesP = (sources: number) => sources * m.N * m.namespace.p * (1 - m.namespace.p);
  assertWithinSpread(
    'CUBA',
    compareStats(runs, brianPerSeed('cuba_stats'), [
      ['synapses_Ce', Math.sqrt(pairsTimesP(m.Ne))],
      ['synapses_Ci', Math.sqrt(pairsTimesP(m.N - m.Ne))],
      'mean_rate',
      'rate_exc',
      'rate_inh',
      'n_active',
      'cv_isi',
      'cv_isi_ge2spikes',
      'fano_pop_1ms',
      'fano_pop_5ms',
      'fano_pop_5ms_late',
    ]),
  );
});
