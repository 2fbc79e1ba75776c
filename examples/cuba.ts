/**
 * The CUBA benchmark network (Vogels & Abbott 2005; Brette et al. 2007, benchmark 2), as Brian's
 * examples/CUBA.py: 4000 leaky integrate-and-fire neurons with current-based exponential
 * synapses, 80 % excitatory, connection probability 2 %, exact integration, 1 s.
 *
 *   npx tsx examples/cuba.ts [--N 4000] [--duration 1] [--out out/cuba] [--seed 1]
 *                            [--device runtime|runtime_cpp|cpp_standalone] [--project out/cuba-standalone] [--fast-math] [--threads 2] [--no-figure]
 *
 * With `--device runtime_cpp` the per-step kernels are compiled by g++ and run in this process;
 * with `--device cpp_standalone` the same script is compiled to a C++ program (g++) and run;
 * the times of code generation, compilation and the simulation loop are printed.
 */
import { parseArgs } from 'node:util';
import { ms, mV, NeuronGroup, run, SpikeMonitor, Synapses, second, seed } from '../src/node.ts';
import { figure, raster, saveFigure } from '../src/plot/index.ts';
import { selectExampleDevice } from './models/device-option.ts';
import { reportRun } from './models/report-run.ts';

const { values: args } = parseArgs({
  options: {
    N: { type: 'string', default: '4000' },
    duration: { type: 'string', default: '1' },
    out: { type: 'string', default: 'out/cuba' },
    seed: { type: 'string' },
    device: { type: 'string', default: 'runtime' },
    project: { type: 'string', default: 'out/cuba-standalone' },
    'no-figure': { type: 'boolean', default: false },
    'fast-math': { type: 'boolean', default: false },
    threads: { type: 'string', default: '0' },
  },
});
const N = Number(args.N);
const duration = second(Number(args.duration));
const standalone = selectExampleDevice(args);
if (args.seed) seed(Number(args.seed));

const namespace = {
  taum: ms(20),
  taue: ms(5),
  taui: ms(10),
  Vt: mV(-50),
  Vr: mV(-60),
  El: mV(-49),
  we: mV((60 * 0.27) / 10),
  wi: mV((-20 * 4.5) / 10),
};

const started = performance.now();
const P = new NeuronGroup(
  N,
  `
  dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
  dge/dt = -ge/taue : volt
  dgi/dt = -gi/taui : volt
  `,
  { threshold: 'v>Vt', reset: 'v = Vr', refractory: ms(5), method: 'exact', namespace },
);
P.v = 'Vr + rand() * (Vt - Vr)';
P.ge = mV(0);
P.gi = mV(0);

const Ne = Math.round(0.8 * N);
const p = 80 / N;
const Ce = new Synapses(P, P, { onPre: 'ge += we', namespace });
const Ci = new Synapses(P, P, { onPre: 'gi += wi', namespace });
Ce.connect({ condition: `i<${Ne}`, p });
Ci.connect({ condition: `i>=${Ne}`, p });
const connected = performance.now();

const spikes = new SpikeMonitor(P);
run(duration, { report: 'text' });
const finished = performance.now();

const { rate } = reportRun({
  model: 'CUBA',
  N,
  synapses: Ce.N + Ci.N,
  duration,
  spikes: spikes.num_spikes,
  setupMs: connected - started,
  runMs: finished - connected,
  standalone,
});
if (args['no-figure']) process.exit(0);

const files = await saveFigure(
  figure([
    raster({
      t: spikes.t_,
      i: spikes.i,
      size: N,
      title: `CUBA network, ${N} neurons (${rate.toFixed(1)} Hz)`,
    }),
  ]),
  args.out,
);
console.log(`figure: ${files.svg}, ${files.png}`);
