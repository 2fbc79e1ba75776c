/**
 * Spike-timing-dependent plasticity (Song, Miller & Abbott 2000), as Brian's
 * examples/synapses/STDP.py: 1000 Poisson inputs at 15 Hz drive one integrate-and-fire neuron
 * through all-to-all synapses with additive pair-based STDP (event-driven pre/post traces,
 * weights clipped to [0, gmax]). Competition between the inputs pushes the weights towards a
 * bimodal distribution (mostly near 0 or near gmax) and the output rate down.
 *
 * The neuron is the benchmark form of the example (`ge * (Ee-vr)`, `method: 'exact'`), the same
 * model as test/reference/stdp_stats.json.
 *
 *   npx tsx examples/stdp.ts [--duration 100] [--seed 1] [--out out/stdp]
 *                            [--device runtime|cpp_standalone] [--project out/stdp-standalone]
 */
import { parseArgs } from 'node:util';
import {
  Hz,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  seed,
  setDevice,
} from '../src/node.ts';
import { figure, histogram, line, saveFigure } from '../src/plot/index.ts';

const { values: args } = parseArgs({
  options: {
    N: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '100' },
    out: { type: 'string', default: 'out/stdp' },
    seed: { type: 'string' },
    device: { type: 'string', default: 'runtime' },
    project: { type: 'string', default: 'out/stdp-standalone' },
  },
});
const N = Number(args.N);
const duration = second(Number(args.duration));
if (args.device === 'cpp_standalone') setDevice('cpp_standalone', { directory: args.project });
if (args.seed) seed(Number(args.seed));

const taupre = ms(20);
const taupost = taupre;
const gmax = 0.01;
const dApre = 0.01 * gmax;
const dApost = ((-0.01 * taupre.value) / taupost.value) * 1.05 * gmax;
const namespace = {
  taum: ms(10),
  taupre,
  taupost,
  Ee: mV(0),
  vt: mV(-54),
  vr: mV(-60),
  El: mV(-74),
  taue: ms(5),
  gmax,
  dApre,
  dApost,
};

const started = performance.now();
const input = new PoissonGroup(N, Hz(15));
const neuron = new NeuronGroup(
  1,
  `
  dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
  dge/dt = -ge / taue : 1
  `,
  { threshold: 'v>vt', reset: 'v = vr', method: 'exact', namespace },
);
const S = new Synapses(input, neuron, {
  model: `
    w : 1
    dApre/dt = -Apre / taupre : 1 (event-driven)
    dApost/dt = -Apost / taupost : 1 (event-driven)`,
  onPre: `
    ge += w
    Apre += dApre
    w = clip(w + Apost, 0, gmax)`,
  onPost: `
    Apost += dApost
    w = clip(w + Apre, 0, gmax)`,
  namespace,
});
S.connect();
S.w = 'rand() * gmax';
// All weights, 100 samples over the run (the mean and two single weights are plotted).
const weights = new StateMonitor(S, 'w', { record: true, dt: second(duration.value / 100) });
const inputSpikes = new SpikeMonitor(input, { record: false });
const outputSpikes = new SpikeMonitor(neuron);
const built = performance.now();
run(duration, { report: 'text' });
const finished = performance.now();

const w = S.w_ as Float64Array;
let sum = 0;
let high = 0;
let low = 0;
for (const x of w) {
  sum += x / gmax;
  if (x > 0.9 * gmax) high++;
  if (x < 0.1 * gmax) low++;
}
const runSeconds = (finished - built) / 1000;
console.log(`STDP: ${N} Poisson inputs at 15 Hz → 1 neuron, ${duration}`);
console.log(`  mean w/gmax ${(sum / N).toFixed(4)}`);
console.log(`  fraction w > 0.9 gmax ${(high / N).toFixed(3)}, w < 0.1 gmax ${(low / N).toFixed(3)}`);
console.log(
  `  output rate ${(outputSpikes.num_spikes / duration.value).toFixed(2)} Hz, ` +
    `${inputSpikes.num_spikes} input spikes`,
);
console.log(
  `  setup ${((built - started) / 1000).toFixed(2)} s, run ${runSeconds.toFixed(2)} s ` +
    `(${(runSeconds / duration.value).toFixed(3)} s per biological second)`,
);

const ratio = Float64Array.from(w, (x) => x / gmax);
const sampled = weights.traces_('w');
const meanOverTime = weights.t_.map((_, k) => {
  let s = 0;
  for (const trace of sampled) s += trace[k];
  return s / sampled.length / gmax;
});
const files = await saveFigure(
  figure(
    [
      histogram({ values: ratio, bins: 20, xLabel: 'w / gmax', title: `Weights after ${duration}` }),
      line({
        x: weights.t_,
        ys: [
          { label: 'mean', values: meanOverTime },
          ...[0, 1].map((k) => ({ label: `synapse ${k}`, values: sampled[k].map((x) => x / gmax) })),
        ],
        xLabel: 't',
        xUnit: 's',
        yLabel: 'w / gmax',
        marker: false,
        title: 'Weights over time',
      }),
    ],
    { title: `STDP (Song, Miller & Abbott 2000), ${duration}` },
  ),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
