import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amp,
  farad,
  ms,
  mV,
  Network,
  NeuronGroup,
  nA,
  SpikeMonitor,
  StateMonitor,
  second,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { namespaceFrom, seconds, si } from './support.ts';

/** One run vs several runs vs store()/restore() (`consecutive_runs`, adaptive LIF, euler, refractory 3 ms). */
const ref = loadReference('consecutive_runs');
const m = ref.model;
const namespace = namespaceFrom(m.namespace, {
  C: farad,
  gL: siemens,
  EL: volt,
  a: siemens,
  tauw: second,
  b_w: amp,
  v_th: volt,
  v_reset: volt,
});

function build() {
  startScope();
  const G = new NeuronGroup(m.N, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    refractory: seconds(m.refractory),
    method: m.method,
    namespace,
  });
  G.v = si(m.initial.v, volt);
  G.w = si(m.initial.w, amp);
  G.I = si(m.initial.I, amp);
  const S = new SpikeMonitor(G);
  const M = new StateMonitor(G, ['v', 'w'], { dt: ms(1) });
  const net = new Network(G, S, M);
  return { net, G, S, M };
}

type Sim = ReturnType<typeof build>;

interface Snapshot {
  t: number;
  v: number[];
  w: number[];
  I: number[];
  lastspike: number[];
  not_refractory: boolean[];
  spike_t: number[];
  spike_i: number[];
  monitor_t: number[];
  monitor_v: number[][];
}

function snapshot({ net, G, S, M }: Sim) {
  return {
    t: net.t_,
    v: Array.from(G.v_ as Float64Array),
    w: Array.from(G.w_ as Float64Array),
    I: Array.from(G.I_ as Float64Array),
    lastspike: Array.from(G.lastspike_ as Float64Array),
    not_refractory: Array.from(G.not_refractory_ as Uint8Array, Boolean),
    spike_t: Array.from(S.t_),
    spike_i: Array.from(S.i),
    monitor_t: Array.from(M.t_),
    monitor_v: M.traces_('v').map((tr: Float64Array) => Array.from(tr)),
  };
}

function compare(ours: ReturnType<typeof snapshot>, brian: Snapshot, what: string): void {
  assertClose([ours.t], [brian.t], 1e-12, `${what}: Network.t`);
  assertClose(ours.v, brian.v, 1e-9, `${what}: v`);
  assertClose(ours.w, brian.w, 1e-9, `${what}: w`, 1e-18);
  assert.deepEqual(ours.I, brian.I, `${what}: I`);
  assertClose(ours.lastspike, brian.lastspike, 1e-12, `${what}: lastspike`);
  assert.deepEqual(ours.not_refractory, brian.not_refractory, `${what}: not_refractory`);
  assert.deepEqual(ours.spike_i, brian.spike_i, `${what}: spike indices`);
  assert.deepEqual(
    ours.spike_t.map((t) => Math.round(t / m.dt)),
    brian.spike_t.map((t) => Math.round(t / m.dt)),
    `${what}: spike steps`,
  );
  assert.deepEqual(ours.monitor_t, brian.monitor_t, `${what}: monitor t`);
  brian.monitor_v.forEach((trace, k) => {
    assertClose(ours.monitor_v[k], trace, 1e-9, `${what}: monitor v[${k}]`);
  });
}

const scenarios: Record<string, (sim: Sim) => void> = {
  single: ({ net }) => net.run(ms(100)),
  split: ({ net }) => {
    net.run(ms(50));
    net.run(ms(50));
  },
  split_odd: ({ net }) => {
    net.run(ms(33.3));
    net.run(ms(66.7));
  },
  restore: ({ net }) => {
    net.store('init');
    net.run(ms(30));
    net.restore('init');
    assert.equal(net.t_, ref.scenarios.restore.t_right_after_restore);
    net.run(ms(100));
  },
};

test('one run, two runs, odd splits and a discarded run (store/restore) give the same simulation as Brian', () => {
  const results: Record<string, ReturnType<typeof snapshot>> = {};
  for (const [name, play] of Object.entries(scenarios)) {
    const sim = build();
    play(sim);
    results[name] = snapshot(sim);
    compare(results[name], ref.scenarios[name], name);
  }
  // Bitwise identical among themselves, as in Brian (identical_to_single).
  for (const name of Object.keys(scenarios)) {
    assert.equal(ref.identical_to_single[name], true);
    assert.deepEqual(results[name].v, results.single.v, `${name}: v identical to one run`);
    assert.deepEqual(results[name].monitor_v, results.single.monitor_v, `${name}: monitor identical`);
    assert.deepEqual(results[name].spike_t, results.single.spike_t, `${name}: spikes identical`);
  }
});

test('restore() brings back state, time and monitors; changes made before it are gone', () => {
  const r = ref.store_restore;
  const sim = build();
  const { net, G } = sim;
  net.run(ms(20));
  compare(snapshot(sim), r.stored_at_20ms, 'stored at 20 ms');
  net.store('s');
  G.v = mV(-55);
  G.I = nA(0);
  net.run(ms(10));
  compare(snapshot(sim), r.after_change_and_10ms, 'after change and 10 ms');
  net.restore('s');
  compare(snapshot(sim), r.right_after_restore, 'right after restore');
  net.run(ms(10));
  const continued = snapshot(sim);
  compare(continued, r.after_restore_plus_10ms, 'restore + 10 ms');
  const fresh = build();
  fresh.net.run(ms(30));
  compare(snapshot(fresh), r.fresh_30ms_run, 'fresh 30 ms');
  assert.deepEqual(continued.v, snapshot(fresh).v, 'continued equals fresh');
  assert.deepEqual(continued.monitor_v, snapshot(fresh).monitor_v, 'continued monitor equals fresh');
});

test('durations that are not multiples of dt: two run(10.05 ms) give 101 + 100 steps', () => {
  const sim = build();
  for (const after of ref.non_multiple_durations.after_each) {
    sim.net.run(ms(10.05));
    assertClose([sim.net.t_], [after.net_t], 1e-15, 'Network.t');
    assert.equal(sim.G.clock.timestep, after.clock_timestep);
    assertClose([sim.G.clock.t_], [after.clock_t], 1e-15, 'clock t');
    assertClose(sim.G.v_, after.v, 1e-9, 'v');
  }
});
