/**
 * Brian's examples/advanced/custom_events.py against Brian 2.5.1
 * (test/reference/example_custom_events.json, the example's full 500 ms).
 *
 * Covers: custom events (`events: { gspike, end_gspike }`) with their own code (`runOnEvent`) next to
 * the threshold and reset, a boolean state variable switched by all three, a Synapses with two
 * pathways triggered by different events (`onEvent: { pre: 'spike', gpath: 'gspike' }`), and an
 * EventMonitor / SpikeMonitor recording a variable at the event.
 *
 * The example's input is a PoissonGroup. The first test replays Brian's input spikes (seed 11) with a
 * SpikeGeneratorGroup (the Brian script checks that this replay reproduces its Poisson run exactly),
 * so everything downstream is deterministic and compared step by step. The second runs the example
 * with its PoissonGroup, 200 independent copies, and compares population statistics with Brian's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EventMonitor,
  Hz,
  ms,
  Network,
  NeuronGroup,
  PoissonGroup,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  schedulingSummary,
  second,
  seed,
  startScope,
} from '../../src/index.ts';
import { seconds, si, stepOf } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';

const ref = loadReference('example_custom_events');
const m = ref.model;

function build(N: number, input: NeuronGroup | SpikeGeneratorGroup, connect: { j?: string }) {
  const G = new NeuronGroup(N, m.eqs_G, { threshold: m.threshold, reset: m.reset, events: m.events });
  for (const [event, code] of Object.entries(m.run_on_event)) G.runOnEvent(event, code as string);
  const H = new NeuronGroup(N, m.eqs_H);
  const Sin = new Synapses(input, G, { onPre: 'g += 0.5' });
  Sin.connect(connect);
  const S = new Synapses(G, H, {
    onPre: { pre: 'x += 1', gpath: 'y += 1' },
    onEvent: { pre: 'spike', gpath: 'gspike' },
  });
  S.connect(connect);
  G.allow_gspike = true;
  return { G, H, Sin, S };
}

const steps = (t: ArrayLike<number>) => Array.from(t, (x) => stepOf(x, m.dt));

test('custom_events.py with Brian’s input spikes replayed matches Brian 2.5.1 step by step', () => {
  const r = ref.replay;
  startScope();
  const inp = new SpikeGeneratorGroup(1, r.input_spike_i, si(r.input_spike_t as number[], second));
  const { G, H, Sin, S } = build(1, inp, {});
  const Mstate = new StateMonitor(G, ['v', 'g', 'allow_gspike'], { record: true });
  const Mgspike = new EventMonitor(G, 'gspike', { variables: 'g' });
  const Mend = new EventMonitor(G, 'end_gspike');
  const Mspike = new SpikeMonitor(G, { variables: 'v' });
  const MHstate = new StateMonitor(H, ['x', 'y'], { record: true });
  const Minp = new SpikeMonitor(inp);
  new Network(inp, G, H, Sin, S, Mstate, Mgspike, Mend, Mspike, MHstate, Minp).run(seconds(m.duration));

  assert.deepEqual(steps(Minp.t_), steps(r.input_spike_t));
  assertClose(Mstate.t_, r.t, 1e-12, 't');
  // Events on exactly Brian's steps.
  assert.deepEqual(steps(Mspike.t_), steps(r.spike_t), 'spike steps');
  assert.deepEqual(Array.from(Mspike.i), r.spike_i);
  assert.deepEqual(steps(Mgspike.t_), steps(r.gspike_t), 'gspike steps');
  assert.deepEqual(Array.from(Mgspike.i), r.gspike_i);
  assert.deepEqual(steps(Mend.t_), steps(r.end_gspike_t), 'end_gspike steps');
  assert.deepEqual(Array.from(Mstate.traces_('allow_gspike')[0], Boolean), r.allow_gspike);
  // Linear equations integrated exactly (exp(-dt/tau) factors): rounding-level agreement.
  assertClose(Mstate.traces_('v')[0], r.v, 1e-12, 'G.v');
  assertClose(Mstate.traces_('g')[0], r.g, 1e-12, 'G.g');
  assertClose(MHstate.traces_('x')[0], r.x, 1e-12, 'H.x');
  assertClose(MHstate.traces_('y')[0], r.y, 1e-12, 'H.y');
  assertClose(Mspike.v_, r.spike_v, 1e-12, 'v at spikes');
  assertClose(Mgspike.g_, r.gspike_g, 1e-12, 'g at gspike events');
  // The example exercises every path: spikes, and gspike events ended both by end_gspike and by the reset.
  assert.ok(r.spike_t.length >= 2 && r.end_gspike_t.length >= 10);
  assert.ok(r.gspike_t.length > r.end_gspike_t.length);
});

test('custom_events.py model: spike and gspike in the same step, and the schedule, as in Brian 2.5.1', () => {
  // Reset (`resets`) sets allow_gspike = True, then the gspike code (`after_resets`) sets it False, so
  // end_gspike follows in the next step. Neuron 1: gspike alone, neuron 2: spike alone.
  const c = ref.coincide;
  startScope();
  const G = new NeuronGroup(3, m.eqs_G, {
    threshold: m.threshold,
    reset: m.reset,
    events: m.events,
    name: 'G',
  });
  for (const [event, code] of Object.entries(m.run_on_event)) G.runOnEvent(event, code as string);
  const H = new NeuronGroup(3, m.eqs_H, { name: 'H' });
  const S = new Synapses(G, H, {
    onPre: { pre: 'x += 1', gpath: 'y += 1' },
    onEvent: { pre: 'spike', gpath: 'gspike' },
    name: 'S',
  });
  S.connect({ j: 'i' });
  G.allow_gspike = c.initial.allow_gspike;
  G.v = c.initial.v;
  G.g = c.initial.g;
  const M = new StateMonitor(G, ['v', 'g', 'allow_gspike'], { record: true, name: 'Mstate' });
  const MH = new StateMonitor(H, ['x', 'y'], { record: true, name: 'MHstate' });
  const Mg = new EventMonitor(G, 'gspike', { variables: 'g', name: 'Mgspike' });
  const Me = new EventMonitor(G, 'end_gspike', { variables: ['g', 'v'], name: 'Mend' });
  const Ms = new SpikeMonitor(G, { variables: ['v', 'g'], name: 'Mspike' });
  const net = new Network(G, H, S, M, MH, Mg, Me, Ms);
  net.run(seconds(c.duration));

  // Brian's scheduling_summary text, "part of" column included (monitors are part of themselves).
  assert.equal(String(schedulingSummary(net)), c.scheduling_summary);
  for (const k of [0, 1, 2]) {
    assert.deepEqual(
      Array.from(M.traces_('allow_gspike')[k], Boolean),
      c.allow_gspike[k],
      `allow_gspike[${k}]`,
    );
    for (const [mon, name] of [
      [M, 'v'],
      [M, 'g'],
      [MH, 'x'],
      [MH, 'y'],
    ] as const) {
      assertClose(mon.traces_(name)[k], c[name][k], 1e-12, `${name}[${k}]`);
    }
  }
  for (const [mon, prefix, vars] of [
    [Mg, 'gspike', ['g']],
    [Me, 'end_gspike', ['g', 'v']],
    [Ms, 'spike', ['v', 'g']],
  ] as const) {
    assert.deepEqual(steps(mon.t_), steps(c[`${prefix}_t`]), `${prefix} steps`);
    assert.deepEqual(Array.from(mon.i), c[`${prefix}_i`], `${prefix} indices`);
    for (const v of vars) assertClose(mon[`${v}_`], c[`${prefix}_${v}`], 1e-12, `${v} at ${prefix}`);
  }
  assert.deepEqual(c.gspike_i, [0, 1]);
  assert.deepEqual(c.spike_i, [0, 2]);
  assert.deepEqual(c.end_gspike_i, [0]);
});

test('custom_events.py with its PoissonGroup: population statistics match Brian 2.5.1', () => {
  const p = ref.population;
  const N = m.population.N;
  startScope();
  seed(2024);
  const inp = new PoissonGroup(N, Hz(m.rate));
  const { G, H, Sin, S } = build(N, inp, { j: 'i' });
  const Mstate = new StateMonitor(G, ['v', 'g'], { record: true, dt: ms(1) });
  const MH = new StateMonitor(H, ['x', 'y'], { record: true, dt: ms(1) });
  const Mg = new EventMonitor(G, 'gspike');
  const Me = new EventMonitor(G, 'end_gspike');
  const Ms = new SpikeMonitor(G);
  const Mi = new SpikeMonitor(inp);
  new Network(inp, G, H, Sin, S, Mstate, MH, Mg, Me, Ms, Mi).run(seconds(m.duration));

  const mean = (traces: Float64Array[]) =>
    traces.reduce((s, tr) => s + tr.reduce((a, b) => a + b, 0), 0) / (traces.length * traces[0].length);
  const ours: Record<string, number> = {
    input_spikes: Mi.num_spikes / N,
    spikes: Ms.num_spikes / N,
    gspike: Mg.num_events / N,
    end_gspike: Me.num_events / N,
    mean_g: mean(Mstate.traces_('g')),
    mean_v: mean(Mstate.traces_('v')),
    mean_x: mean(MH.traces_('x')),
    mean_y: mean(MH.traces_('y')),
  };
  // Each statistic is a mean over 200 independent neurons; Brian's 10 seeds give its spread from run
  // to run (std) and a mean known to std/sqrt(10). Our single run must lie within 4 spreads of
  // Brian's mean (the difference has std sqrt(1 + 1/10)·std; 4 of them ≈ 1 in 10^4 false alarms per
  // statistic). That is 1-3 % of each value (e.g. ±0.4 % for the input rate, ±1 % for gspike events).
  for (const [name, { mean: expected, std }] of Object.entries(p.summary) as [
    string,
    { mean: number; std: number },
  ][]) {
    const bound = 4 * std * Math.sqrt(1 + 1 / p.per_seed.length);
    assert.ok(
      Math.abs(ours[name] - expected) <= bound,
      `${name}: ${ours[name]} vs Brian ${expected} ± ${bound}`,
    );
  }
  // Every G spike ends a gspike episode (reset sets allow_gspike) unless it started none.
  assert.ok(ours.gspike <= ours.end_gspike + ours.spikes + 1);
});
