/**
 * Renders the demo figures so a person can look at them:
 *   npx tsx test/plot/demo.ts [folder]     (default /tmp/brian-plot-demo)
 */
import { figure, histogram, line, raster, rates, saveFigure, traces } from '../../src/plot/index.ts';
import { fakeRun } from './fake-data.ts';

const folder = process.argv[2] ?? '/tmp/brian-plot-demo';
const run = fakeRun(100, 0.5, 3);

const overview = figure(
  [
    raster({ t: run.spikes.t, i: run.spikes.i, size: run.size, tRange: [0, 0.5], title: 'Spikes' }),
    traces({
      t: run.state.t,
      series: run.state.v.map((values, k) => ({ label: `neuron ${k}`, values })),
      unit: 'V',
      yLabel: 'v',
      lines: [{ y: run.threshold, label: 'threshold' }],
      title: 'Membrane potential',
    }),
    rates({ t: run.rate.t, rate: run.rate.rate, smooth: run.rate.smooth, title: 'Population rate' }),
  ],
  { title: '100 noisy LIF neurons' },
);

const allIsi: number[] = [];
const lastSpike = new Map<number, number>();
run.spikes.t.forEach((t, k) => {
  const n = run.spikes.i[k];
  const before = lastSpike.get(n);
  if (before !== undefined) allIsi.push(t - before);
  lastSpike.set(n, t);
});
const bisection = [-0.04, -0.055, -0.0475, -0.05125, -0.049375, -0.0503125, -0.04984375, -0.050078125];
const analysis = figure(
  [
    line({
      x: bisection.map((_, k) => k + 1),
      ys: [{ label: 'threshold estimate', values: bisection }],
      xLabel: 'iteration',
      yLabel: 'v_t',
      yUnit: 'V',
      lines: [{ y: -0.05, label: 'true value' }],
      title: 'Threshold bisection',
    }),
    histogram({ values: allIsi, bins: 30, unit: 's', xLabel: 'ISI', title: 'Inter-spike intervals' }),
  ],
  { columns: 2, width: 900 },
);

const t0 = performance.now();
const written = [
  await saveFigure(overview, `${folder}/overview`),
  await saveFigure(analysis, `${folder}/analysis`),
];
console.log(
  `wrote ${written.flatMap((w) => [w.svg, w.png]).join(', ')} in ${(performance.now() - t0).toFixed(0)} ms`,
);
