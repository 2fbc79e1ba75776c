/**
 * Case study 2 of Stimberg, Brette & Goodman (eLife 2019): an idealised smooth pursuit reflex.
 * The eye is held by two antagonistic muscles, modelled as springs with friction (a second-order
 * ODE for its position x); a visual object moves randomly (an Ornstein–Uhlenbeck process driven by
 * `xi`). Twenty retina neurons see the object relative to the eye through linked variables, each
 * with a Gaussian receptive field; neurons of each hemifield excite the motoneuron of one muscle,
 * whose spikes contract it (they add to the eye's resting position x0).
 *
 *   npx tsx examples/smooth-pursuit.ts [--seed 79620] [--duration 10] [--out out/smooth-pursuit]
 *   npx tsx examples/smooth-pursuit.ts --interactive [--out out/smooth-pursuit-interactive]
 *
 * `--interactive` is the paper's runtime-mode variant: a `networkOperation` runs every 10 ms of
 * biological time while the simulation runs, prints the state, and plays a scripted user who
 * moves the sliders of the notebook (the object's time constant, the muscles' relaxation time and
 * strength), grabs the object and holds it at a position, and finally presses "stop" (`stop()`
 * ends the 100 s run after 10 s).
 */
import { parseArgs } from 'node:util';
import {
  ms,
  networkOperation,
  type Quantity,
  run,
  SpikeMonitor,
  StateMonitor,
  second,
  seed,
  stop,
} from '../src/node.ts';
import { figure, raster, saveFigure, traces } from '../src/plot/index.ts';
import { buildSmoothPursuit, EYE_EQUATIONS, smoothPursuitConstants } from './models/smooth-pursuit-model.ts';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '79620' },
    duration: { type: 'string', default: '10' },
    interactive: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const interactive = args.interactive;
const out = args.out ?? (interactive ? 'out/smooth-pursuit-interactive' : 'out/smooth-pursuit');
seed(Number(args.seed));

// The interactive notebook makes the eye's two time constants parameters, so that they can
// change during the run.
const constants = smoothPursuitConstants();
const { tau_object, tau_muscle, ...fixedConstants } = constants;
const { eye, motoneurons, motosynapses, retina } = buildSmoothPursuit(
  interactive ? `${EYE_EQUATIONS}\ntau_object : second\ntau_muscle : second\n` : EYE_EQUATIONS,
  interactive ? fixedConstants : constants,
);
if (interactive) {
  eye.tau_object = tau_object;
  eye.tau_muscle = tau_muscle;
}

const M = new StateMonitor(eye, ['x', 'x0', 'x_object']);
const S_retina = new SpikeMonitor(retina);
const S_motoneurons = new SpikeMonitor(motoneurons);

// --- the interactive variant: a scripted user acting on the running simulation --------------
/** What the user does, and when (seconds of biological time). */
const script = {
  sliders: [
    { from: 0, tau_object: 500, tau_muscle: 20, w_muscle: 0.5 },
    { from: 2.5, tau_object: 150, tau_muscle: 20, w_muscle: 0.5 }, // a faster object
    { from: 5, tau_object: 150, tau_muscle: 60, w_muscle: 0.25 }, // weaker, slower muscles
  ],
  holds: [
    { from: 7, to: 8, x: 0.6 }, // the user grabs the object and holds it on the right…
    { from: 8.5, to: 9.5, x: -0.6 }, // …then on the left
  ],
  stopAt: 10, // the user presses "stop" (the run was started for 100 s)
};
const events: string[] = [];
if (interactive) {
  let lastSliders: (typeof script.sliders)[number] | undefined;
  networkOperation(
    (t: Quantity) => {
      const now = t.value;
      const sliders = script.sliders.filter((s) => s.from <= now + 1e-9).at(-1)!;
      if (sliders !== lastSliders) {
        eye.tau_object = ms(sliders.tau_object);
        eye.tau_muscle = ms(sliders.tau_muscle);
        motosynapses.w = [-sliders.w_muscle, sliders.w_muscle];
        if (lastSliders) {
          events.push(
            `${now.toFixed(2)} s: tau_object ${sliders.tau_object} ms, tau_muscle ${sliders.tau_muscle} ms, w_muscle ${sliders.w_muscle}`,
          );
        }
        lastSliders = sliders;
      }
      const hold = script.holds.find((h) => now >= h.from && now < h.to);
      if (hold) {
        // Holding the object: its position and the OU drive are pinned at the pointer.
        eye.x_object = hold.x;
        eye.noise = hold.x;
        if (now - hold.from < 0.005)
          events.push(`${now.toFixed(2)} s: object held at ${hold.x} until ${hold.to} s`);
      }
      if (Math.round(now * 1000) % 500 === 0) {
        const x = eye.x_[0];
        const obj = eye.x_object_[0];
        const bar = (v: number) => {
          const cells = Array(41).fill('·');
          cells[20] = '|';
          cells[Math.max(0, Math.min(40, Math.round(20 + v * 20)))] = '#';
          return cells.join('');
        };
        console.log(
          `  t = ${now.toFixed(1).padStart(4)} s  eye ${x >= 0 ? '+' : ''}${x.toFixed(2)} ${bar(x)}  object ${obj >= 0 ? '+' : ''}${obj.toFixed(2)} ${bar(obj)}`,
        );
      }
      if (now >= script.stopAt - 1e-9) {
        events.push(`${now.toFixed(2)} s: stop()`);
        stop();
      }
    },
    { dt: ms(10) },
  );
}

const started = performance.now();
run(interactive ? second(100) : second(Number(args.duration)), { report: interactive ? undefined : 'text' });
const elapsed = (performance.now() - started) / 1000;

// --- results -----------------------------------------------------------------------------------
const t = M.t_;
const x = M.x_[0] as Float64Array;
const xObject = M.x_object_[0] as Float64Array;
const simulated = t.length * 1e-4;
let squared = 0;
for (let k = 0; k < t.length; k++) squared += (x[k] - xObject[k]) ** 2;
/** Pearson correlation of a[k + lag] with b[k] over the samples where both exist. */
function correlation(a: Float64Array, b: Float64Array, lag = 0): number {
  const n = a.length - lag;
  let [ma, mb] = [0, 0];
  for (let k = 0; k < n; k++) {
    ma += a[k + lag] / n;
    mb += b[k] / n;
  }
  let [sab, saa, sbb] = [0, 0, 0];
  for (let k = 0; k < n; k++) {
    sab += (a[k + lag] - ma) * (b[k] - mb);
    saa += (a[k + lag] - ma) ** 2;
    sbb += (b[k] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
/** The delay (ms) at which the eye best follows the object: the peak of their correlation. */
function pursuitLag(maxLagSteps = 5000): number {
  let best = -Infinity;
  let bestLag = 0;
  for (let lag = 0; lag <= maxLagSteps; lag += 10) {
    const c = correlation(x, xObject, lag);
    if (c > best) [best, bestLag] = [c, lag];
  }
  return bestLag * 0.1;
}
console.log(
  `Smooth pursuit${interactive ? ' (interactive)' : ''}: ${simulated.toFixed(1)} s simulated in ${elapsed.toFixed(2)} s`,
);
for (const e of events) console.log(`  event ${e}`);
console.log(
  `  spikes: retina ${S_retina.num_spikes} (${Array.from(S_retina.count).join(' ')}), ` +
    `motoneurons left ${S_motoneurons.count[0]}, right ${S_motoneurons.count[1]}`,
);
console.log(
  `  tracking: RMS(eye − object) ${Math.sqrt(squared / t.length).toFixed(3)}, correlation ${correlation(x, xObject).toFixed(3)}, ` +
    `eye lags the object by ${pursuitLag().toFixed(0)} ms`,
);

// --- figure: spikes above, positions below, as in the paper ------------------------------------
const tRange: [number, number] = [0, simulated];
const timeUnit = { name: 's', scale: 1 };
const fig = figure(
  [
    raster({
      t: S_retina.t_,
      i: S_retina.i,
      size: constants.N,
      tRange,
      timeUnit,
      height: 220,
      yLabel: 'retina neuron',
      title: 'Retina: neuron i prefers the object at −1 + 2i/19 relative to the eye',
    }),
    raster({
      t: S_motoneurons.t_,
      i: S_motoneurons.i,
      size: 2,
      tRange,
      timeUnit,
      height: 70,
      color: '#1f77b4',
      yLabel: 'moto.',
      title: 'Motoneurons: 0 pulls the eye left, 1 pulls it right',
    }),
    traces({
      t,
      series: [
        { label: 'eye x', values: x },
        { label: 'object x_object', values: xObject },
      ],
      yLabel: 'position (−1 left … 1 right)',
      tRange,
      timeUnit,
      height: 240,
      lines: [{ y: 0 }],
      title: interactive
        ? 'Eye and object. User: τ_object → 150 ms at 2.5 s; τ_muscle → 60 ms, w → 0.25 at 5 s; holds the object 7–8 s, 8.5–9.5 s'
        : 'Eye and object position',
    }),
  ],
  {
    width: 1200,
    title: `Case study 2: smooth pursuit${interactive ? ', interactive variant (runtime mode)' : ''}`,
  },
);
const files = await saveFigure(fig, out);
console.log(`figure: ${files.svg}, ${files.png}`);
