/**
 * The COBAHH benchmark (Brette et al. 2007, benchmark 3), as Brian's examples/COBAHH.py:
 * Hodgkin–Huxley neurons (Traub–Miles type) with conductance-based exponential synapses,
 * 80 % excitatory (a subgroup as synapse source), exponential Euler, 1 s.
 *
 *   npx tsx examples/cobahh.ts [--N 4000] [--duration 1] [--out out/cobahh] [--seed 1]
 *                              [--device runtime|runtime_cpp|cpp_standalone] [--project out/cobahh-standalone] [--fast-math] [--threads 2] [--no-figure]
 *
 * With `--device runtime_cpp` the per-step kernels are compiled by g++ and run in this process;
 * with `--device cpp_standalone` the same script is compiled to a C++ program (g++) and run;
 * the times of code generation, compilation and the simulation loop are printed.
 */
import { parseArgs } from 'node:util';
import {
  Equations,
  ms,
  NeuronGroup,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  seed,
} from '../src/node.ts';
import { figure, raster, saveFigure, traces } from '../src/plot/index.ts';
import { COBAHH_EQUATIONS, cobahhNamespace } from './models/cobahh-equations.ts';
import { selectExampleDevice } from './models/device-option.ts';
import { reportRun } from './models/report-run.ts';

const { values: args } = parseArgs({
  options: {
    N: { type: 'string', default: '4000' },
    duration: { type: 'string', default: '1' },
    out: { type: 'string', default: 'out/cobahh' },
    seed: { type: 'string' },
    device: { type: 'string', default: 'runtime' },
    project: { type: 'string', default: 'out/cobahh-standalone' },
    'no-figure': { type: 'boolean', default: false },
    'fast-math': { type: 'boolean', default: false },
    threads: { type: 'string', default: '0' },
  },
});
const N = Number(args.N);
const duration = second(Number(args.duration));
const standalone = selectExampleDevice(args);
if (args.seed) seed(Number(args.seed));

const namespace = cobahhNamespace();

const eqs = new Equations(COBAHH_EQUATIONS);

const started = performance.now();
const P = new NeuronGroup(N, eqs, {
  threshold: 'v>-20*mV',
  refractory: ms(3),
  method: 'exponential_euler',
  namespace,
});
const Ne = Math.round(0.8 * N);
const Pe = P.slice(0, Ne);
const Pi = P.slice(Ne, N);
const Ce = new Synapses(Pe, P, { onPre: 'ge+=we', namespace });
const Ci = new Synapses(Pi, P, { onPre: 'gi+=wi', namespace });
Ce.connect({ p: 80 / N });
Ci.connect({ p: 80 / N });
P.v = 'El + (randn() * 5 - 5)*mV';
P.ge = '(randn() * 1.5 + 4) * 10.*nS';
P.gi = '(randn() * 12 + 20) * 10.*nS';
const spikes = new SpikeMonitor(P);
const trace = new StateMonitor(P, 'v', { record: [1, 10, 100] });
const built = performance.now();
run(duration, { report: 'text' });
const finished = performance.now();

const { rate } = reportRun({
  model: 'COBAHH',
  N,
  synapses: Ce.N + Ci.N,
  duration,
  spikes: spikes.num_spikes,
  setupMs: built - started,
  runMs: finished - built,
  standalone,
});
if (args['no-figure']) process.exit(0);

const files = await saveFigure(
  figure([
    raster({
      t: spikes.t_,
      i: spikes.i,
      size: N,
      title: `COBAHH network, ${N} neurons (${rate.toFixed(1)} Hz)`,
    }),
    traces({
      t: trace.t_,
      series: [1, 10, 100].map((k) => ({ label: `neuron ${k}`, values: trace.at(k).v.values })),
      unit: 'V',
      title: 'Membrane potential',
    }),
  ]),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
