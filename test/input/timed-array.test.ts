import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ms,
  mV,
  Network,
  NeuronGroup,
  QuantityArray,
  QuantityMatrix,
  SpikeMonitor,
  StateMonitor,
  second,
  startScope,
  TimedArray,
  volt,
} from '../../src/index.ts';
import { loadReference, throwsCode } from '../helpers/reference.ts';

const ref = loadReference('timed_array').recorded;

describe('TimedArray against Brian 2.5.1 (test/reference/timed_array.json)', () => {
  for (const [name, c] of Object.entries(ref.lookup) as [string, Record<string, number & number[]>][]) {
    test(`lookup '${name}': TimedArray dt ${c.ta_dt * 1e3} ms read by a group with dt ${c.group_dt * 1e3} ms`, () => {
      startScope();
      const ta = new TimedArray(new QuantityArray(Float64Array.from(c.values), volt.dim), {
        dt: second(c.ta_dt),
      });
      const G = new NeuronGroup(1, 'v = ta(t) : volt', { dt: second(c.group_dt), namespace: { ta } });
      const M = new StateMonitor(G, 'v', { record: true });
      new Network(G, M).run(second(c.duration));
      assert.deepEqual(Array.from(M.t_), c.t);
      assert.deepEqual(Array.from(M.v_[0]), c.v);
    });
  }

  for (const method of ['exact', 'euler']) {
    test(`in an equation: dv/dt = (I(t) - v)/tau with method '${method}'`, () => {
      startScope();
      const e = ref.equation;
      const I = new TimedArray(new QuantityArray(Float64Array.from(e.I_values), volt.dim), {
        dt: second(e.I_dt),
      });
      const G = new NeuronGroup(1, 'dv/dt = (I(t) - v)/tau : volt', {
        method,
        namespace: { I, tau: second(e.tau) },
      });
      const M = new StateMonitor(G, 'v', { record: true });
      new Network(G, M).run(ms(6));
      assert.equal(G.stateUpdater.methodUsed, method);
      const expected: number[] = e[method].v;
      const got = M.v_[0] as Float64Array;
      for (let k = 0; k < expected.length; k++) {
        assert.ok(Math.abs(got[k] - expected[k]) <= 1e-15 + 1e-12 * Math.abs(expected[k]), `step ${k}`);
      }
    });
  }

  test('in a threshold: spikes exactly while stim(t) > 0.5', () => {
    startScope();
    const r = ref.threshold;
    const stim = new TimedArray(r.values, { dt: second(r.ta_dt) });
    const G = new NeuronGroup(1, 'x : 1', { threshold: 'stim(t) > 0.5', reset: '', namespace: { stim } });
    const S = new SpikeMonitor(G);
    new Network(G, S).run(second(r.duration));
    assert.deepEqual(Array.from(S.t_), r.spike_t);
  });

  test('2-D: ta2d(t, i % 3) indexes time × column', () => {
    startScope();
    const r = ref.two_d;
    const values = new QuantityMatrix(Float64Array.from(r.values.flat()), 4, 3, volt.dim);
    const ta2d = new TimedArray(values, { dt: second(r.ta_dt) });
    assert.equal(ta2d.ndim, 2);
    const G = new NeuronGroup(5, 'v = ta2d(t, i % 3) : volt', { namespace: { ta2d } });
    const M = new StateMonitor(G, 'v', { record: true });
    new Network(G, M).run(ms(1.2));
    const got = (M.v_ as Float64Array[]).map((row) => Array.from(row));
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(got[i], r.v[i], `neuron ${i}`);
    }
  });

  test("in a setter: G.x = 'ta(t)' reads the value at the clock's time", () => {
    startScope();
    const r = ref.setter;
    const ta = new TimedArray(new QuantityArray(Float64Array.from(r.values), volt.dim), {
      dt: second(r.ta_dt),
    });
    const G = new NeuronGroup(2, 'x : volt', { namespace: { ta } });
    new Network(G).run(second(r.run));
    G.x = 'ta(t)';
    assert.deepEqual(Array.from(G.x_), r.x);
  });

  test('called directly: at(t) with the rounding grid of defaultclock.dt', () => {
    const r = ref.direct;
    const ta = new TimedArray(new QuantityArray(Float64Array.from(r.values), volt.dim), {
      dt: second(r.ta_dt),
    });
    r.t.forEach((t: number, k: number) => {
      assert.equal(ta.at(second(t)).value, r.value[k], `t = ${t}`);
    });
  });
});

describe('TimedArray behaviour', () => {
  test('2-D: an index outside the columns gives NaN (as Brian C++), the argument is evaluated once', () => {
    startScope();
    const ta = new TimedArray(
      [
        [1, 2],
        [3, 4],
      ],
      { dt: ms(1) },
    );
    const G = new NeuronGroup(4, 'y : 1\nz : 1', { namespace: { ta } });
    G.y = 'ta(t, i)';
    assert.deepEqual(Array.from(G.y_), [1, 2, Number.NaN, Number.NaN]);
    G.z = 'ta(t, int(rand()*2))';
    for (const z of G.z_) assert.ok(z === 1 || z === 2);
  });

  test('the same TimedArray under two names and in two groups with different dt', () => {
    startScope();
    const ta = new TimedArray([0, 1, 2, 3], { dt: ms(0.2) });
    const A = new NeuronGroup(1, 'a = f(t) + g(t) : 1', { namespace: { f: ta, g: ta } });
    const B = new NeuronGroup(1, 'b = f(t) : 1', { dt: ms(0.05), namespace: { f: ta } });
    const MA = new StateMonitor(A, 'a', { record: true });
    const MB = new StateMonitor(B, 'b', { record: true });
    new Network(A, B, MA, MB).run(ms(0.6));
    assert.deepEqual(Array.from(MA.a_[0]), [0, 0, 2, 2, 4, 4]);
    assert.deepEqual(Array.from(MB.b_[0]), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  test('locally constant only for groups whose dt divides the TimedArray dt (exact needs it)', () => {
    const ta = new TimedArray(mV([1, 2]), { dt: ms(1) });
    assert.equal(ta.isLocallyConstant(1e-4), true);
    assert.equal(ta.isLocallyConstant(1e-3), true);
    assert.equal(ta.isLocallyConstant(2e-3), false);
    assert.equal(ta.isLocallyConstant(3e-4), false);
    startScope();
    const G = new NeuronGroup(1, 'dv/dt = (I(t) - v)/(10*ms) : volt', {
      method: 'exact',
      dt: ms(0.3),
      namespace: { I: ta },
    });
    throwsCode(() => new Network(G).run(ms(1)), 'integration_unsupported');
  });

  test('dimension checks: the argument must be a time, the result has the unit of the values', () => {
    startScope();
    const ta = new TimedArray(mV([1, 2]), { dt: ms(1) });
    const bad = new NeuronGroup(1, 'v = ta(1) : volt', { namespace: { ta } });
    throwsCode(() => bad.v_, 'dimension_mismatch');
    const wrongUnit = new NeuronGroup(1, 'dv/dt = (ta(t) - v)/ms : 1', { namespace: { ta } });
    throwsCode(() => new Network(wrongUnit).run(ms(1)), 'dimension_mismatch');
    const count = new NeuronGroup(1, 'v = ta(t, 1) : volt', { namespace: { ta } });
    throwsCode(() => count.v_, 'wrong_argument_count');
  });

  test('bad arguments are coded errors', () => {
    throwsCode(() => new TimedArray([1, 2], { dt: 0.1 as never }), 'missing_unit');
    throwsCode(() => new TimedArray([1, 2], { dt: mV(1) }), 'dimension_mismatch');
    throwsCode(() => new TimedArray([], { dt: ms(1) }), 'bad_argument');
    throwsCode(() => new TimedArray([[1, 2], [3]], { dt: ms(1) }), 'bad_argument');
    const ta = new TimedArray([1, 2], { dt: ms(1) });
    throwsCode(() => ta.at(1 as never), 'missing_unit');
  });

  test('values keep their unit; at() clamps before the start and after the end', () => {
    const ta = new TimedArray(mV([1, 2, 3]), { dt: ms(1) });
    assert.equal(ta.values.dim, mV.dim);
    assert.equal(ta.at(ms(-5)).toString(), ta.at(ms(0)).toString());
    assert.equal(ta.at(ms(100)).value, 0.003);
    assert.equal(ta.dt.value, 0.001);
  });
});
