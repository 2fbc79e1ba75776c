/**
 * Neurons coupled by gap junctions, as Brian's examples/synapses/gapjunctions.py: 10
 * integrate-and-fire neurons, all-to-all electrical coupling. The coupling current is a
 * continuous function of both membrane potentials, computed in every time step through a summed
 * variable (`Igap_post = w*(v_pre - v_post) : 1 (summed)`) rather than by spikes. The neurons
 * start at evenly spread potentials and keep firing in that order; each reset pulls the others
 * down, so the coupled network fires more slowly than one neuron alone (period tau·ln 21 ≈ 30 ms).
 *
 *   npx tsx examples/gap-junctions.ts [--n 10] [--duration 0.5] [--w 0.02] [--out out/gap-junctions]
 */
import { parseArgs } from 'node:util';
import { ms, NeuronGroup, run, SpikeMonitor, StateMonitor, Synapses, second } from '../src/node.ts';
import { figure, raster, saveFigure, traces } from '../src/plot/index.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '10' },
    duration: { type: 'string', default: '0.5' },
    w: { type: 'string', default: '0.02' },
    out: { type: 'string', default: 'out/gap-junctions' },
  },
});
const n = Number(args.n);
const duration = second(Number(args.duration));
const namespace = { v0: 1.05, tau: ms(10), n };

const started = performance.now();
const neurons = new NeuronGroup(
  n,
  `
  dv/dt = (v0 - v + Igap) / tau : 1
  Igap : 1 # gap junction current
  `,
  { threshold: 'v > 1', reset: 'v = 0', method: 'exact', namespace },
);
neurons.v = 'i * 1.0 / (n-1)';
const trace = new StateMonitor(neurons, 'v', { record: [0, 5] });
const spikes = new SpikeMonitor(neurons);

const S = new Synapses(neurons, neurons, {
  model: `
    w : 1 # gap junction conductance
    Igap_post = w * (v_pre - v_post) : 1 (summed)
  `,
});
S.connect();
S.w = Number(args.w);
const built = performance.now();
run(duration, { report: 'text' });
const finished = performance.now();

// Period of neuron 0 (its last inter-spike interval) against an uncoupled neuron's.
const times = spikes.t_;
const own = times.filter((_, k) => spikes.i[k] === 0);
const period = (own[own.length - 1] - own[own.length - 2]) * 1000;
const alone = namespace.tau.value * Math.log(namespace.v0 / (namespace.v0 - 1)) * 1000;
const runSeconds = (finished - built) / 1000;
console.log(`Gap junctions: ${n} neurons, ${S.N} synapses (w = ${args.w}), ${duration}`);
console.log(`  ${spikes.num_spikes} spikes; spike counts ${Array.from(spikes.count).join(' ')}`);
console.log(`  period ${period.toFixed(1)} ms (uncoupled neuron: ${alone.toFixed(1)} ms)`);
console.log(
  `  setup ${((built - started) / 1000).toFixed(2)} s, run ${runSeconds.toFixed(3)} s ` +
    `(${(runSeconds / duration.value).toFixed(3)} s per biological second)`,
);

const files = await saveFigure(
  figure(
    [
      traces({
        t: trace.t_,
        series: [0, 5].map((k) => ({ label: `neuron ${k}`, values: trace.at(k).v.values })),
        yLabel: 'v',
        lines: [{ y: 1, label: 'threshold' }],
        title: 'Membrane potential',
      }),
      raster({ t: spikes.t_, i: spikes.i, size: n, title: 'Spikes' }),
    ],
    { title: 'Gap junctions: continuous coupling through a summed variable' },
  ),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
