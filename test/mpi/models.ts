/**
 * The five models of the process-count identity tests (issue 18), scaled down so that each runs
 * in seconds on two shared cores: CUBA, COBAHH, Brunel–Hakim (noise, delays), STDP (on_post,
 * event-driven, PoissonGroup input) and the pyloric network (graded synapses: summed variables
 * reading presynaptic voltages every step). Each builds on the active device and returns a
 * reader of everything it recorded and its final state. Not a test file itself.
 */
import assert from 'node:assert/strict';
import {
  farad,
  Hz,
  metre,
  ms,
  Network,
  NeuronGroup,
  PoissonGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  seed,
  siemens,
  volt,
} from '../../src/index.ts';
import { buildCircuit } from '../case-studies/pyloric-circuit.ts';
import { namespaceFrom } from '../core/support.ts';
import { loadReference } from '../helpers/reference.ts';

/** What a model recorded: named arrays of numbers (spikes, traces, final state). */
export type Recorded = Record<string, number[]>;
export type ModelScript = () => () => Recorded;

/** Every recorded array of `got` equals `expected`'s to the bit (`Object.is`: NaN and -0 too). */
export function assertIdentical(got: Recorded, expected: Recorded, what: string): void {
  assert.deepEqual(Object.keys(got).sort(), Object.keys(expected).sort(), `${what}: recorded names`);
  for (const key of Object.keys(expected)) {
    const a = got[key];
    const b = expected[key];
    assert.equal(a.length, b.length, `${what}: length of ${key}`);
    const k = a.findIndex((x, n) => !Object.is(x, b[n]));
    assert.equal(k, -1, `${what}: ${key}[${k}] is ${a[k]}, the runtime device's is ${b[k]}`);
  }
}

const flat = (rows: ArrayLike<ArrayLike<number>>) => Array.from(rows).flatMap((r) => Array.from(r));
const list = (x: ArrayLike<number>) => Array.from(x);

export function cuba(): () => Recorded {
  const m = loadReference('cuba_stats').model;
  seed(2026);
  const ns = namespaceFrom(
    { ...m.namespace, Ne: 320, p: 0.05 },
    {
      taum: second,
      taue: second,
      taui: second,
      Vt: volt,
      Vr: volt,
      El: volt,
      we: volt,
      wi: volt,
      Ne: { dim: second.div(second).dim },
      p: { dim: second.div(second).dim },
    },
  );
  const P = new NeuronGroup(400, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    refractory: ms(5),
    method: m.method,
    namespace: ns,
  });
  P.v = m.initial.v;
  const Ce = new Synapses(P, P, { onPre: 'ge += we', namespace: ns });
  const Ci = new Synapses(P, P, { onPre: 'gi += wi', namespace: ns });
  Ce.connect({ condition: 'i<Ne', p: 0.05 });
  Ci.connect({ condition: 'i>=Ne', p: 0.05 });
  const M = new SpikeMonitor(P);
  new Network(P, Ce, Ci, M).run(ms(60));
  return () => ({ i: list(M.i), t: list(M.t_), v: list(P.v_), ge: list(P.ge_), gi: list(P.gi_) });
}

export function cobahh(): () => Recorded {
  const m = loadReference('cobahh_stats').model;
  seed(2027);
  const ns = namespaceFrom(m.namespace, {
    area: metre.pow(2),
    Cm: farad,
    gl: siemens,
    El: volt,
    EK: volt,
    ENa: volt,
    g_na: siemens,
    g_kd: siemens,
    VT: volt,
    taue: second,
    taui: second,
    Ee: volt,
    Ei: volt,
    we: siemens,
    wi: siemens,
    p: { dim: second.div(second).dim },
  });
  const N = 200;
  const P = new NeuronGroup(N, m.equations, {
    threshold: m.threshold,
    refractory: ms(3),
    method: m.method,
    namespace: ns,
  });
  const Pe = P.slice(0, 160);
  const Pi = P.slice(160, N);
  const Ce = new Synapses(Pe, P, { onPre: 'ge+=we', namespace: ns });
  const Ci = new Synapses(Pi, P, { onPre: 'gi+=wi', namespace: ns });
  Ce.connect({ p: 0.1 });
  Ci.connect({ p: 0.1 });
  P.v = m.initial.v;
  P.ge = m.initial.ge;
  P.gi = m.initial.gi;
  const M = new SpikeMonitor(P);
  const V = new StateMonitor(P, 'v', { record: [0, 99, 199] });
  new Network(P, Ce, Ci, M, V).run(ms(30));
  return () => ({ i: list(M.i), t: list(M.t_), v: list(P.v_), trace: flat(V.v_), n: list(P.n_) });
}

export function brunelHakim(): () => Recorded {
  const m = loadReference('brunel_hakim_stats').model;
  seed(2028);
  const ns = namespaceFrom(m.namespace, {
    Vr: volt,
    theta: volt,
    tau: second,
    J: volt,
    muext: volt,
    sigmaext: volt,
  });
  const N = 500;
  const group = new NeuronGroup(N, m.equations, {
    threshold: m.threshold,
    reset: m.reset,
    refractory: ms(2),
    method: m.method,
    namespace: ns,
  });
  group.V = volt(m.initial.V);
  const conn = new Synapses(group, group, { onPre: 'V += -J', delay: ms(2), namespace: ns });
  conn.connect({ p: 100 / N });
  const M = new SpikeMonitor(group);
  new Network(group, conn, M).run(ms(60));
  return () => ({ i: list(M.i), t: list(M.t_), V: list(group.V_) });
}

export function stdp(): () => Recorded {
  const m = loadReference('stdp_stats').model;
  seed(2029);
  const one = { dim: second.div(second).dim };
  const ns = namespaceFrom(m.namespace, {
    taum: second,
    taupre: second,
    taupost: second,
    Ee: volt,
    vt: volt,
    vr: volt,
    El: volt,
    taue: second,
    F: Hz,
    gmax: one,
    dApre: one,
    dApost: one,
  });
  const input = new PoissonGroup(200, Hz(40));
  const neurons = new NeuronGroup(5, m.neuron_equations, {
    threshold: m.threshold,
    reset: m.reset,
    method: m.method,
    namespace: ns,
  });
  const S = new Synapses(input, neurons, {
    model: m.synapse_equations,
    onPre: m.on_pre,
    onPost: m.on_post,
    namespace: ns,
  });
  S.connect();
  S.w = m.initial.w;
  const inMon = new SpikeMonitor(input);
  const outMon = new SpikeMonitor(neurons);
  new Network(input, neurons, S, inMon, outMon).run(ms(250));
  return () => ({
    inputs: list(inMon.i),
    i: list(outMon.i),
    t: list(outMon.t_),
    w: list(S.w_),
    Apre: list(S.Apre_),
    Apost: list(S.Apost_),
    v: list(neurons.v_),
  });
}

export function pyloric(): () => Recorded {
  const dt = loadReference('pyloric').model.dt;
  const { circuit, fast, slow } = buildCircuit({ checkTables: false });
  const M = new StateMonitor(circuit, 'v', { dt: second(20 * dt) });
  const spikes = new SpikeMonitor(circuit);
  new Network(circuit, fast, slow, M, spikes).run(second(0.1));
  return () => ({
    i: list(spikes.i),
    t: list(spikes.t_),
    v: flat(M.v_),
    Ca: list(circuit.Ca_),
    m_slow: list(slow.m_slow_),
  });
}

export const MODELS: Readonly<Record<string, ModelScript>> = {
  CUBA: cuba,
  COBAHH: cobahh,
  'Brunel–Hakim': brunelHakim,
  STDP: stdp,
  pyloric,
};

/** Gap-junction-like coupling, a summed variable onto the presynaptic side, plasticity, a snapshot. */
export function coupled(): () => Recorded {
  seed(9);
  const G = new NeuronGroup(
    30,
    `dv/dt = (I - v + Igap + back)/(10*ms) + 0.2*xi/sqrt(ms) : 1
     I : 1 (constant)
     Igap : 1
     back : 1`,
    { threshold: 'v > 1', reset: 'v = 0', method: 'euler' },
  );
  G.I = '0.5 + rand()';
  const gap = new Synapses(G, G, { model: 'g : 1\nIgap_post = g*(v_pre - v_post) : 1 (summed)' });
  gap.connect({ condition: 'i != j', p: 0.2 });
  gap.g = '0.02*rand()';
  // Each neuron learns how strongly its targets are depolarised: a sum onto presynaptic neurons.
  const back = new Synapses(G, G, {
    model: 'w : 1\nback_pre = w*v_post : 1 (summed)',
    onPre: 'w = clip(w + 0.01*rand(), 0, 0.1)',
  });
  back.connect({ p: 0.3 });
  const M = new SpikeMonitor(G);
  const V = new StateMonitor(G, 'back', { record: [0, 29] });
  const net = new Network(G, gap, back, M, V);
  net.run(ms(20));
  net.store();
  net.run(ms(20));
  net.restore();
  net.run(ms(30));
  return () => ({
    i: Array.from(M.i),
    t: Array.from(M.t_),
    v: Array.from(G.v_),
    back: Array.from(G.back_),
    trace: Array.from(V.back_ as ArrayLike<ArrayLike<number>>).flatMap((r) => Array.from(r)),
    w: Array.from(back.w_),
  });
}
