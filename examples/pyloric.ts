/**
 * Case study 1 of Stimberg, Brette & Goodman (eLife 2019): a simplified model of the pyloric
 * circuit of the crustacean stomatogastric ganglion (after Golowasch et al. 1999). Three neurons,
 * AB/PD, LP and PY, coupled by graded synapses, settle into a triphasic rhythm; a slow
 * calcium-dependent variable z regulates each neuron's conductances towards a target activity.
 *
 * Non-standard features, as in the paper: a cubic membrane nonlinearity integrated with rk2 at
 * dt = 0.01 ms; refractoriness as a condition (`v > -20 mV`: no new spike before the action
 * potential is over); a reset that only touches calcium; graded synapses whose current depends
 * continuously on v_pre, summed into the postsynaptic neuron (`(summed)`), one of them with a
 * clock-driven ODE integrated `exact`; an integer `label` used in connection conditions and in
 * string-indexed setters. The protocol is the paper notebook's: 2.5 s to settle, 4 s recorded,
 * 49 s of adaptation without recording, 4 s recorded (59.5 s, 5.95 million steps).
 *
 *   npx tsx examples/pyloric.ts [--seed 1] [--fixed] [--adapt 49] [--out out/pyloric]
 *
 * The initial w and z are random, as in the paper (the notebook's seed(123456) seeds numpy's
 * generator, not ours, so the default seed here is simply one whose first seconds are rhythmic:
 * some initial values silence the circuit until homeostasis restores the rhythm, in Brian too).
 * `--fixed` starts from the fixed values of the Brian reference (test/reference/pyloric.json);
 * from those, all 652 spikes of the 59.5 s fall on the same time steps as in Brian 2.5.1.
 * `--adapt` shortens the adaptation phase (seconds) for a quick look.
 */
import { parseArgs } from 'node:util';
import { defaultclock, ms, run, SpikeMonitor, StateMonitor, second, seed } from '../src/node.ts';
import { figure, raster, saveFigure, traces } from '../src/plot/index.ts';
import { ABPD, buildPyloricCircuit, PYLORIC_EQUATIONS, pyloricNamespace } from './models/pyloric-circuit.ts';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    fixed: { type: 'boolean', default: false },
    adapt: { type: 'string', default: '49' },
    out: { type: 'string', default: 'out/pyloric' },
  },
});
seed(Number(args.seed));
defaultclock.dt = ms(0.01);

const init_time = second(2.5);
const observe_time = second(4);
const adapt_time = second(Number(args.adapt));

const { circuit, fast_synapses, slow_synapses } = buildPyloricCircuit(
  PYLORIC_EQUATIONS,
  pyloricNamespace(),
  args.fixed ? 'fixed' : 'random',
);

const M = new StateMonitor(circuit, 'v', { record: true, dt: ms(0.1) });
const spikes = new SpikeMonitor(circuit);

// The notebook's protocol: recording only during the two observation windows.
const zAtStart = Float64Array.from(circuit.z_ as Float64Array);
const wAtStart = Float64Array.from(circuit.w_ as Float64Array);
const phases: [string, number][] = [];
const cpuStarted = process.cpuUsage();
const timed = (label: string, f: () => void) => {
  const started = performance.now();
  f();
  phases.push([label, (performance.now() - started) / 1000]);
};
M.active = false;
timed('settle', () => run(init_time, { report: 'text' }));
M.active = true;
timed('observe (initial)', () => run(observe_time, { report: 'text' }));
M.active = false;
timed('adapt', () => run(adapt_time, { report: 'text' }));
M.active = true;
timed('observe (adapted)', () => run(observe_time, { report: 'text' }));
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const zAtEnd = Float64Array.from(circuit.z_ as Float64Array);

// --- analysis ---------------------------------------------------------------------------------
const names = ['AB/PD', 'LP', 'PY'];
const total = init_time.value + 2 * observe_time.value + adapt_time.value;
const windows = [
  { label: 'initial', start: init_time.value },
  { label: 'adapted', start: total - observe_time.value },
];
const trains = spikes.spikeTrains();
/** Bursts: runs of spikes with gaps below 100 ms (intra-burst intervals are ~10–25 ms). */
function bursts(times: ArrayLike<number>): number[][] {
  const out: number[][] = [];
  for (const t of Array.from(times)) {
    const last = out.at(-1);
    if (last && t - last[last.length - 1] < 0.1) last.push(t);
    else out.push([t]);
  }
  return out;
}
const steps = Math.round(total / defaultclock.dt.value);
const runSeconds = phases.reduce((s, [, x]) => s + x, 0);
console.log(
  `Pyloric network: 3 neurons, ${fast_synapses.N} fast + ${slow_synapses.N} slow synapses, rk2, dt = 0.01 ms`,
);
console.log(
  `  simulated ${total} s (${(steps / 1e6).toFixed(2)} M steps) in ${runSeconds.toFixed(1)} s wall clock, ` +
    `${cpuSeconds.toFixed(1)} s CPU (${((cpuSeconds / steps) * 1e6).toFixed(2)} µs per step)`,
);
console.log(`  runs: ${phases.map(([l, x]) => `${l} ${x.toFixed(1)} s`).join(', ')}`);
console.log(
  `  initial values (${args.fixed ? 'fixed' : `seed ${args.seed}`}): w = [${Array.from(wAtStart, (w) => (w / 1e-9).toFixed(4)).join(', ')}] nA, ` +
    `z = [${Array.from(zAtStart, (z) => z.toFixed(4)).join(', ')}]`,
);
console.log(`  total spikes: ${names.map((n, k) => `${n} ${spikes.count[k]}`).join(', ')}`);
for (const { label, start } of windows) {
  const end = start + observe_time.value;
  const inWindow = (k: number) => Array.from(trains.get(k)!.values).filter((t) => t >= start && t < end);
  const perNeuron = names.map((_, k) => bursts(inWindow(k)));
  const onsets = perNeuron[ABPD].map((b) => b[0]);
  const periods = onsets.slice(1).map((t, k) => t - onsets[k]);
  const period = periods.length ? periods.reduce((s, p) => s + p, 0) / periods.length : Number.NaN;
  // Phase of each neuron's burst onsets within the AB/PD cycle (0 = AB/PD burst onset).
  const phase = (k: number) => {
    const values = perNeuron[k].flatMap((b) => {
      const cycle = onsets.filter((o) => o <= b[0]).length - 1;
      return cycle >= 0 && cycle < onsets.length - 1 ? [(b[0] - onsets[cycle]) / periods[cycle]] : [];
    });
    return values.length ? (values.reduce((s, p) => s + p, 0) / values.length).toFixed(2) : '–';
  };
  console.log(`  ${label} (${start}–${end} s): AB/PD burst period ${(period * 1e3).toFixed(0)} ms`);
  for (const [k, name] of names.entries()) {
    const b = perNeuron[k];
    const spikesPerBurst = b.length ? (b.reduce((s, x) => s + x.length, 0) / b.length).toFixed(1) : '–';
    console.log(
      `    ${name.padEnd(5)} ${String(inWindow(k).length).padStart(3)} spikes, ${b.length} bursts, ` +
        `${spikesPerBurst} spikes/burst, onset phase ${phase(k)}`,
    );
  }
}
console.log(
  `  homeostatic z (g = G(1 + tanh z)): ${names.map((n, k) => `${n} ${zAtStart[k].toFixed(3)} → ${zAtEnd[k].toFixed(3)}`).join(', ')}`,
);

// --- figure: the triphasic rhythm before and after adaptation ---------------------------------
const t = M.t_;
const v = M.v_ as Float64Array[];
const panels = [];
const windowData = windows.map(({ start }) => {
  const keep: number[] = [];
  for (let k = 0; k < t.length; k++)
    if (t[k] >= start - 1e-9 && t[k] < start + observe_time.value - 1e-9) keep.push(k);
  return {
    t: Float64Array.from(keep, (k) => t[k] - start),
    v: v.map((trace) => Float64Array.from(keep, (k) => trace[k])),
    spikes: spikeWindow(start),
  };
});
function spikeWindow(start: number) {
  const st = spikes.t_;
  const si = spikes.i;
  const ts: number[] = [];
  const is: number[] = [];
  for (let k = 0; k < st.length; k++) {
    if (st[k] >= start && st[k] < start + observe_time.value) {
      ts.push(st[k] - start);
      is.push(si[k]);
    }
  }
  return { t: Float64Array.from(ts), i: Int32Array.from(is) };
}
const tRange: [number, number] = [0, observe_time.value];
for (const [w, { label, start }] of windows.entries()) {
  panels.push(
    raster({
      ...windowData[w].spikes,
      size: 3,
      tRange,
      yLabel: 'neuron',
      height: 90,
      title: `${label === 'initial' ? 'Initial' : 'Adapted'} (${start}–${start + observe_time.value} s): spikes of 0 AB/PD, 1 LP, 2 PY`,
    }),
  );
}
for (const [k, name] of names.entries()) {
  for (const w of [0, 1]) {
    panels.push(
      traces({
        t: windowData[w].t,
        series: [{ label: name, values: windowData[w].v[k] }],
        unit: { name: 'mV', scale: 1e-3 },
        yLabel: `v ${name}`,
        tRange,
        timeUnit: { name: 's', scale: 1 },
        height: 150,
        title: `${name} (${windows[w].label})${k === 0 ? ', dashed: threshold −20 mV' : ''}`,
        lines: [{ y: -0.02 }],
      }),
    );
  }
}
const fig = figure(panels, {
  columns: 2,
  width: 1100,
  title: 'Case study 1: pyloric network, triphasic rhythm before and after homeostatic adaptation',
});
const files = await saveFigure(fig, args.out);
console.log(`figure: ${files.svg}, ${files.png}`);
