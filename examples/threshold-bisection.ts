/**
 * Case study 3 of Stimberg, Brette & Goodman (eLife 2019): find the voltage threshold of 100
 * Hodgkin–Huxley axons with different sodium densities by bisection. The simulation is run 10
 * times from the same stored state, each time with the initial depolarisation moved towards the
 * threshold: the experiment is an ordinary loop around `store()`/`restore()`.
 *
 *   npx tsx examples/threshold-bisection.ts [--method rk4] [--out out/threshold-bisection]
 */
import { parseArgs } from 'node:util';
import {
  cm,
  defaultclock,
  mS,
  ms,
  mV,
  NeuronGroup,
  restore,
  run,
  SpikeMonitor,
  store,
  uF,
} from '../src/node.ts';
import { figure, line, saveFigure } from '../src/plot/index.ts';

const { values: args } = parseArgs({
  options: {
    method: { type: 'string', default: 'exponential_euler' },
    out: { type: 'string', default: 'out/threshold-bisection' },
    iterations: { type: 'string', default: '10' },
  },
});

defaultclock.dt = ms(0.01);

const namespace = {
  El: mV(10.613),
  ENa: mV(115),
  EK: mV(-12),
  gl: mS(0.3).div(cm.pow(2)),
  gK: mS(36).div(cm.pow(2)),
  C: uF(1).div(cm.pow(2)),
  gNa_min: mS(15).div(cm.pow(2)),
  gNa_max: mS(100).div(cm.pow(2)),
};

const eqs = `
dv/dt = (gl*(El - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v)) / C : volt
gNa : siemens/meter**2 (constant)
dm/dt = alpham*(1 - m) - betam*m : 1
dn/dt = alphan*(1 - n) - betan*n : 1
dh/dt = alphah*(1 - h) - betah*h : 1
alpham = (0.1/mV)*10*mV/exprel((-v + 25*mV)/(10*mV))/ms : Hz
betam = 4 * exp(-v/(18*mV))/ms : Hz
alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
betah = 1/(exp((-v + 30*mV) / (10*mV)) + 1)/ms : Hz
alphan = (0.01/mV) * 10*mV/exprel((-v + 10*mV)/(10*mV))/ms : Hz
betan = 0.125*exp(-v/(80*mV))/ms : Hz
`;

const neurons = new NeuronGroup(100, eqs, {
  threshold: 'v > 50*mV',
  reset: '',
  method: args.method,
  namespace,
});
neurons.gNa = 'gNa_min + (gNa_max - gNa_min)*1.0*i/N';
neurons.v = mV(0);
neurons.m = '1/(1 + betam/alpham)';
neurons.n = '1/(1 + betan/alphan)';
neurons.h = '1/(1 + betah/alphah)';
const spikes = new SpikeMonitor(neurons);

store();

// The bisection: start at 25 mV with a step of 25 mV.
const N = neurons.N;
const v0 = new Float64Array(N).fill(25e-3);
let step = 25e-3;
const history: Float64Array[] = [];
const started = performance.now();
for (let iteration = 0; iteration < Number(args.iterations); iteration++) {
  restore();
  neurons.v = mV(v0.map((v) => v / 1e-3));
  run(ms(20));
  const count = spikes.count;
  for (let k = 0; k < N; k++) v0[k] += count[k] === 0 ? step : -step;
  step /= 2;
  history.push(v0.slice());
}
const elapsed = (performance.now() - started) / 1000;

const gNa = neurons.gNa_ as Float64Array;
console.log(
  `Threshold bisection, ${N} HH axons, method ${args.method}, ${history.length} iterations in ${elapsed.toFixed(2)} s`,
);
for (const k of [0, 25, 50, 75, 99]) {
  console.log(`  gNa = ${(gNa[k] / 10).toFixed(1)} mS/cm²  threshold = ${(v0[k] * 1e3).toFixed(4)} mV`);
}

const shown = [0, 33, 66, 99];
const fig = figure(
  [
    line({
      x: Float64Array.from(history, (_, k) => k + 1),
      ys: shown.map((k) => ({
        label: `gNa = ${(gNa[k] / 10).toFixed(0)} mS/cm²`,
        values: Float64Array.from(history, (h) => h[k]),
      })),
      xLabel: 'iteration',
      yLabel: 'threshold estimate',
      yUnit: 'V',
      title: 'Refinement of the threshold over bisection iterations',
    }),
    line({
      x: Float64Array.from(gNa, (g) => g / 10),
      ys: [{ label: 'threshold', values: v0 }],
      xLabel: 'gNa (mS/cm²)',
      yLabel: 'threshold',
      yUnit: 'V',
      marker: false,
      title: 'Voltage threshold against sodium density',
    }),
  ],
  { title: `Case study 3: threshold finding by bisection (${args.method})` },
);
const files = await saveFigure(fig, args.out);
console.log(`figure: ${files.svg}, ${files.png}`);
