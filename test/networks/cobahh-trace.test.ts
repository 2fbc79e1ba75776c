import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Equations,
  farad,
  Network,
  NeuronGroup,
  Quantity,
  QuantityArray,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  siemens,
  startScope,
  volt,
} from '../../src/index.ts';
import { loadReference } from '../helpers/reference.ts';

/**
 * The COBAHH network (Brian's examples/COBAHH.py) at N = 300, rebuilt with Brian's exact random
 * draws (connectivity and initial state, test/reference/cobahh_trace.json): every recorded trace
 * and every spike must match Brian 2.5.1 step by step. Conductance synapses onto a siemens
 * variable, subgroups as sources, refractoriness without reset, coupled exponential Euler.
 */
const ref = loadReference('cobahh_trace');
const VARS = ['v', 'ge', 'gi', 'm', 'n', 'h'] as const;

function buildAndRun() {
  startScope();
  const m = ref.model;
  const ns = m.namespace;
  const S = siemens.dim;
  const V = volt.dim;
  const namespace = {
    Cm: new Quantity(ns.Cm, farad.dim),
    gl: new Quantity(ns.gl, S),
    El: new Quantity(ns.El, V),
    EK: new Quantity(ns.EK, V),
    ENa: new Quantity(ns.ENa, V),
    g_na: new Quantity(ns.g_na, S),
    g_kd: new Quantity(ns.g_kd, S),
    VT: new Quantity(ns.VT, V),
    taue: new Quantity(ns.taue, second.dim),
    taui: new Quantity(ns.taui, second.dim),
    Ee: new Quantity(ns.Ee, V),
    Ei: new Quantity(ns.Ei, V),
    we: new Quantity(ns.we, S),
    wi: new Quantity(ns.wi, S),
  };
  const dt = new Quantity(m.dt, second.dim);
  const P = new NeuronGroup(m.N, new Equations(m.equations), {
    threshold: m.threshold,
    refractory: new Quantity(m.refractory, second.dim),
    method: m.method,
    namespace,
    dt,
  });
  const Pe = P.slice(0, m.Ne);
  const Pi = P.slice(m.Ne, m.N);
  const Ce = new Synapses(Pe, P, { onPre: 'ge+=we', namespace, dt });
  const Ci = new Synapses(Pi, P, { onPre: 'gi+=wi', namespace, dt });
  Ce.connect({ i: ref.synapses.Ce.i, j: ref.synapses.Ce.j });
  Ci.connect({ i: ref.synapses.Ci.i, j: ref.synapses.Ci.j });
  P.v = new QuantityArray(Float64Array.from(ref.initial.v), V);
  P.ge = new QuantityArray(Float64Array.from(ref.initial.ge), S);
  P.gi = new QuantityArray(Float64Array.from(ref.initial.gi), S);
  P.m = Float64Array.from(ref.initial.m);
  P.n = Float64Array.from(ref.initial.n);
  P.h = Float64Array.from(ref.initial.h);
  const spikes = new SpikeMonitor(P);
  const states = new StateMonitor(P, [...VARS], { record: ref.recorded.record, dt });
  new Network(P, Ce, Ci, spikes, states).run(new Quantity(m.duration, second.dim));
  return { P, Ce, Ci, spikes, states };
}

/** First step where any recorded trace differs from Brian's by more than rtol (relative to a floor). */
function firstDivergence(actual: Float64Array[], expected: number[][], rtol: number, floor: number) {
  let first: { step: number; neuron: number; got: number; want: number } | undefined;
  for (const [k, want] of expected.entries()) {
    const got = actual[k];
    assert.equal(got.length, want.length);
    for (let s = 0; s < want.length; s++) {
      if (first !== undefined && s >= first.step) break;
      if (!(Math.abs(got[s] - want[s]) <= rtol * Math.max(Math.abs(want[s]), floor))) {
        first = { step: s, neuron: ref.recorded.record[k], got: got[s], want: want[s] };
      }
    }
  }
  return first;
}

test('COBAHH network with Brian’s connectivity and initial state matches Brian 2.5.1 step by step', () => {
  const { P, Ce, Ci, spikes, states } = buildAndRun();
  assert.equal(Ce.N, ref.synapses.Ce.i.length);
  assert.equal(Ci.N, ref.synapses.Ci.i.length);
  const floors: Record<string, number> = { v: 1e-3, ge: 1e-12, gi: 1e-12, m: 1e-9, n: 1e-9, h: 1e-9 };
  const report: string[] = [];
  for (const x of VARS) {
    const d = firstDivergence(states.traces_(x), ref.recorded[x], 1e-9, floors[x]);
    if (d)
      report.push(
        `${x}: first divergence at step ${d.step} (neuron ${d.neuron}): ${d.got} vs Brian ${d.want}`,
      );
  }
  assert.deepEqual(report, []);
  // Every neuron's state at the end (150 ms, ~800 spikes through ~25 000 synapses).
  for (const x of VARS) {
    const got = P[`${x}_`] as Float64Array;
    const want = ref.recorded.final[x] as number[];
    for (let k = 0; k < want.length; k++) {
      const err = Math.abs(got[k] - want[k]) / Math.max(Math.abs(want[k]), floors[x]);
      assert.ok(err <= 1e-9, `final ${x}[${k}]: ${got[k]} vs Brian ${want[k]}`);
    }
  }
  assert.deepEqual(Array.from(spikes.i), ref.recorded.spike_i);
  const steps = (t: ArrayLike<number>) => Array.from(t, (x) => Math.round(x / ref.model.dt));
  assert.deepEqual(steps(spikes.t_), steps(ref.recorded.spike_t));
});
