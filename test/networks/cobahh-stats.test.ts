/**
 * The COBAHH network (N = 4000, Brian's examples/COBAHH.py as /work/shared/brian2-bench) against
 * Brian 2.5.1: test/reference/cobahh_stats.json (5 seeds) plus 10 more seeds of the same script
 * (brian/extra_seeds.json). Comparison as in cuba-stats.test.ts.
 * One second takes 5–10 s here on two busy cores: CI runs one seed, BRIAN_LONG_TESTS=1 three.
 *
 * Brian's spread comes from 30 seeds: the 5 of the reference, 10 from extra_seeds.py and 20
 * (seeds 200–219) from cobahh_more_seeds.py. With only 15 seeds the late 5 ms Fano factor looked
 * like 10.8 ± 1.8 (max 13.9) and our seed 1 (18.1) failed; Brian's seeds 200–219 range 5.6–18.5.
 * A deterministic version (cobahh-trace.test.ts: Brian's own initial state and connectivity)
 * gives the same spikes as Brian, so differences here are those of the random streams.
 */
import { test } from 'node:test';
import {
  Equations,
  farad,
  metre,
  Network,
  NeuronGroup,
  SpikeMonitor,
  Synapses,
  second,
  seed,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { namespaceFrom, seconds } from '../core/support.ts';
import { scalarStats, spikeStats } from '../helpers/network-stats.ts';
import { loadReference } from '../helpers/reference.ts';
import { assertWithinSpread, brianPerSeed, compareStats, LONG } from './support.ts';

const ref = loadReference('cobahh_stats');
const m = ref.model;

function simulate(seedValue: number): Record<string, number> {
  startScope();
  seed(seedValue);
  const namespace = namespaceFrom(m.namespace, {
    area: metre.pow(2),
    Cm: farad,
    gl: siemens,
    El: volt,
    EK: volt,
    ENa: volt,
    g_na: siemens,
    g_kd: siemens,
    VT: volt,
    taue: second,
    taui: second,
    Ee: volt,
    Ei: volt,
    we: siemens,
    wi: siemens,
    p: { dim: second.div(second).dim },
  });
  const P = new NeuronGroup(m.N, new Equations(m.equations), {
    threshold: m.threshold,
    refractory: seconds(m.refractory),
    method: m.method,
    namespace,
  });
  const Pe = P.slice(0, m.Ne);
  const Pi = P.slice(m.Ne, m.N);
  const Ce = new Synapses(Pe, P, { onPre: m.synapses.Ce.on_pre, namespace });
  const Ci = new Synapses(Pi, P, { onPre: m.synapses.Ci.on_pre, namespace });
  Ce.connect({ p: m.namespace.p });
  Ci.connect({ p: m.namespace.p });
  P.v = m.initial.v;
  P.ge = m.initial.ge;
  P.gi = m.initial.gi;
  const mon = new SpikeMonitor(P);
  new Network(P, Ce, Ci, mon).run(seconds(m.duration));
  const st = spikeStats(mon.i, mon.t_, m.N, m.dt, m.duration, { Ne: m.Ne });
  return { synapses_Ce: Ce.N, synapses_Ci: Ci.N, ...scalarStats(st) };
}

const binomial = (sources: number) => Math.sqrt(sources * m.N * m.namespace.p * (1 - m.namespace.p));
const SEEDS = LONG ? [1, 2, 3] : [1];

test(`COBAHH 1 s statistics (seeds ${SEEDS.join(', ')}) within Brian 2.5.1's seed-to-seed spread`, () => {
  const runs = SEEDS.map(simulate);
  assertWithinSpread(
    'COBAHH',
    compareStats(runs, brianPerSeed('cobahh_stats'), [
      ['synapses_Ce', binomial(m.Ne)],
      ['synapses_Ci', binomial(m.N - m.Ne)],
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
