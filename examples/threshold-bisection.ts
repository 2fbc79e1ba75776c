/**
 * Case study 3 of Stimberg, Brette & Goodman (eLife 2019): find the voltage threshold of 100
 * Hodgkin–Huxley axons with different sodium densities by bisection. The simulation is run 10
 * times from the same stored state, each time with the initial depolarisation moved towards the
 * threshold: the experiment is an ordinary loop around `store()`/`restore()`.
 *
 *   npx tsx examples/threshold-bisection.ts [--method rk4] [--out out/threshold-bisection]
 */
import { parseArgs } from 'node:util';
import { defaultclock, ms, run } from '../src/node.ts';
import { figure, line, saveFigure } from '../src/plot/index.ts';
import { bisectThresholds, buildAxons, HH_AXON_EQUATIONS, hhAxonConstants } from './models/hh-axons.ts';

const { values: args } = parseArgs({
  options: {
    method: { type: 'string', default: 'exponential_euler' },
    out: { type: 'string', default: 'out/threshold-bisection' },
    iterations: { type: 'string', default: '10' },
  },
});

defaultclock.dt = ms(0.01);

const axons = buildAxons(100, HH_AXON_EQUATIONS, hhAxonConstants(), args.method);
const { neurons } = axons;
const N = neurons.N;
const started = performance.now();
const history = await bisectThresholds(axons, Number(args.iterations), () => run(ms(20)));
const v0 = history.at(-1)!;
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
