import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  collect,
  Hz,
  ms,
  mV,
  Network,
  NeuronGroup,
  PoissonInput,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  startScope,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';

function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k];
  const mean = s / xs.length;
  let ss = 0;
  for (let k = 0; k < xs.length; k++) ss += (xs[k] - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** Per-element increments of one step, in units of the weight. */
function oneStepIncrements(N: number, rate: number, size: number): Float64Array {
  startScope();
  const G = new NeuronGroup(size, 'v : volt');
  const input = new PoissonInput(G, 'v', N, Hz(rate), mV(0.5));
  new Network(G, input).run(ms(0.1));
  return Float64Array.from(G.v_, (v: number) => v / 0.5e-3);
}

describe('PoissonInput', () => {
  test('binomial regime: increments are whole multiples of the weight with mean N·p and variance N·p·(1−p)', () => {
    seed(11);
    const N = 100;
    const p = 10 * 1e-4;
    const x = oneStepIncrements(N, 10, 100_000);
    for (const k of x) assert.ok(Math.abs(k - Math.round(k)) < 1e-9, `increment ${k}`);
    const { mean, variance } = moments(x);
    const m = x.length;
    const v = N * p * (1 - p);
    assert.ok(Math.abs(mean - N * p) < 5 * Math.sqrt(v / m), `mean ${mean}`);
    assert.ok(Math.abs(variance - v) < 0.05 * v, `variance ${variance} vs ${v}`);
  });

  test('normal-approximation regime: mean N·p, variance N·p·(1−p)', () => {
    seed(12);
    const N = 10_000;
    const p = 100 * 1e-4;
    const x = oneStepIncrements(N, 100, 50_000);
    const { mean, variance } = moments(x);
    const v = N * p * (1 - p);
    assert.ok(Math.abs(mean - N * p) < 5 * Math.sqrt(v / x.length), `mean ${mean}`);
    assert.ok(Math.abs(variance - v) < 6 * v * Math.sqrt(2 / x.length), `variance ${variance} vs ${v}`);
  });

  test('every element and step gets an independent draw (variance grows linearly over steps)', () => {
    startScope();
    seed(13);
    const G = new NeuronGroup(20_000, 'v : 1');
    const input = new PoissonInput(G, 'v', 50, Hz(20), 1);
    new Network(G, input).run(ms(2));
    const p = 20 * 1e-4;
    const steps = 20;
    const { mean, variance } = moments(G.v_);
    const v = steps * 50 * p * (1 - p);
    assert.ok(Math.abs(mean - steps * 50 * p) < 5 * Math.sqrt(v / 20_000), `mean ${mean}`);
    assert.ok(Math.abs(variance - v) < 0.06 * v, `variance ${variance} vs ${v}`);
  });

  test("runs in the 'synapses' slot after thresholds and before resets; a string weight is evaluated per element of a subgroup", () => {
    // Brian 2.5.1 (numpy): PoissonInput(G[1:], 'v', 1, 1/dt, weight='(1 + i)*mV') with threshold v > 0.5 mV and
    // reset v = 0 mV: v recorded at the start of steps 0-5 is [0 1 0 1 0 1] and [0 2 0 2 0 2] mV, spikes at 0.1,
    // 0.3 and 0.5 ms. With p = rate·dt = 1 the binomial is always 1.
    startScope();
    const G = new NeuronGroup(3, 'v : volt', { threshold: 'v > 0.5*mV', reset: 'v = 0*mV' });
    const input = new PoissonInput(G.slice(1, 3), 'v', 1, Hz(1e4), '(1 + i)*mV');
    const M = new StateMonitor(G, 'v', { record: true });
    const S = new SpikeMonitor(G);
    new Network(G, input, M, S).run(ms(0.6));
    const inMV = (M.v_ as Float64Array[]).map((row) => Array.from(row, (v) => Math.round(v * 1e6) / 1e3));
    assert.deepEqual(inMV, [
      [0, 0, 0, 0, 0, 0],
      [0, 1, 0, 1, 0, 1],
      [0, 2, 0, 2, 0, 2],
    ]);
    assert.deepEqual(Array.from(S.i), [1, 2, 1, 2, 1, 2]);
    assert.deepEqual(
      Array.from(S.t_, (t: number) => Math.round(t * 1e4)),
      [1, 1, 3, 3, 5, 5],
    );
  });

  test('targets synaptic variables too', () => {
    startScope();
    const A = new NeuronGroup(2, 'x : 1');
    const S = new Synapses(A, A, { model: 'w : 1' });
    S.connect();
    const input = new PoissonInput(S, 'w', 1, Hz(1e4), 'j + 1');
    new Network(A, S, input).run(ms(0.2));
    assert.deepEqual(Array.from(S.w_), [2, 4, 2, 4]);
  });

  test('a changed dt gives a new binomial (p = rate·dt of the run)', () => {
    startScope();
    const G = new NeuronGroup(1, 'v : 1', { dt: ms(0.2) });
    const input = new PoissonInput(G, 'v', 1, Hz(5000), 1);
    const net = new Network(G, input);
    net.run(ms(1));
    assert.equal(G.v_[0], 5);
  });

  test('errors: unknown variable, weight with the wrong unit, rate without a unit', () => {
    startScope();
    const G = new NeuronGroup(2, 'v : volt\nI = v/ms : volt/second');
    throwsCode(() => new PoissonInput(G, 'u', 10, Hz(5), mV(1)), 'unknown_variable');
    throwsCode(() => new PoissonInput(G, 'v', 10, Hz(5), ms(1)), 'dimension_mismatch');
    throwsCode(() => new PoissonInput(G, 'v', 10, Hz(5), 1), 'dimension_mismatch');
    throwsCode(() => new PoissonInput(G, 'v', 10, 5 as never, mV(1)), 'missing_unit');
    throwsCode(() => new PoissonInput(G, 'v', 10, mV(5) as never, mV(1)), 'dimension_mismatch');
    throwsCode(() => new PoissonInput(G, 'v', -1, Hz(5), mV(1)), 'bad_argument');
    startScope();
    const H = new NeuronGroup(2, 'v : volt');
    new PoissonInput(H, 'v', 10, Hz(5), '2*ms');
    throwsCode(() => new Network(H, ...collectInputs()).run(ms(0.1)), 'dimension_mismatch');
    startScope();
    const K = new NeuronGroup(2, 'v : volt\nI = v/ms : volt/second');
    new PoissonInput(K, 'I', 10, Hz(5), 'v/ms');
    throwsCode(() => new Network(K, ...collectInputs()).run(ms(0.1)), 'read_only_variable');
    startScope();
    const L = new NeuronGroup(2, 'v : volt');
    new PoissonInput(L, 'v', 10, Hz(5), 'w_unknown');
    throwsCode(() => new Network(L, ...collectInputs()).run(ms(0.1)), 'unknown_identifier');
  });
});

/** The PoissonInputs created since the last startScope() (for explicit networks). */
function collectInputs(): PoissonInput[] {
  return collect().filter((o): o is PoissonInput => o instanceof PoissonInput);
}
