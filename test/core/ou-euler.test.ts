import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ms, Network, NeuronGroup, StateMonitor, second, seed, startScope } from '../../src/index.ts';
import { loadReference } from '../helpers/reference.ts';
import { namespaceFrom, seconds } from './support.ts';

const ref = loadReference('ou_euler');
const m = ref.model;
const sampleSteps: number[] = ref.recorded.sample_steps;

/** Mean and variance (ddof 0) across neurons of `x` at each sample time, from a 1 ms monitor. */
function simulate(
  seedValue: number,
  N: number = m.N,
  duration: number = m.duration,
): { mean: number[]; variance: number[]; first: Float64Array } {
  startScope();
  seed(seedValue);
  const G = new NeuronGroup(N, m.equations, {
    method: m.method,
    namespace: namespaceFrom(m.namespace, { tau: second, sigma: { dim: second.div(second).dim } }),
  });
  G.x = m.initial.x;
  // Every sample time is a whole number of milliseconds.
  const M = new StateMonitor(G, 'x', { dt: ms(1) });
  new Network(G, M).run(seconds(duration));
  const data = M.traces_('x');
  const mean: number[] = [];
  const variance: number[] = [];
  for (const step of sampleSteps) {
    const k = step / 10;
    if (k >= data[0].length) break;
    let s = 0;
    for (let n = 0; n < N; n++) s += data[n][k];
    const mu = s / N;
    let ss = 0;
    for (let n = 0; n < N; n++) ss += (data[n][k] - mu) ** 2;
    mean.push(mu);
    variance.push(ss / N);
  }
  return { mean, variance, first: data[0] };
}

test('Ornstein–Uhlenbeck with euler: mean and variance over time within Brian 2.5.1 seed-to-seed spread', () => {
  const spread = ref.recorded.seed_spread;
  const theory = ref.theory;
  const ours = simulate(1);
  const N = m.N;
  for (let k = 0; k < sampleSteps.length; k++) {
    // Five seeds give a rough standard deviation; never go below the sampling error of 2000 neurons.
    const sdMean = Math.max(spread.std_of_means[k], Math.sqrt(theory.var_euler[k] / N));
    const sdVar = Math.max(spread.std_of_vars[k], theory.var_euler[k] * Math.sqrt(2 / (N - 1)));
    const what = `t = ${ref.recorded.sample_t[k]} s`;
    assert.ok(
      Math.abs(ours.mean[k] - spread.mean_of_means[k]) <= 4 * sdMean + 1e-12,
      `${what}: mean ${ours.mean[k]} vs Brian ${spread.mean_of_means[k]} ± ${sdMean}`,
    );
    assert.ok(
      Math.abs(ours.variance[k] - spread.mean_of_vars[k]) <= 4 * sdVar + 1e-12,
      `${what}: variance ${ours.variance[k]} vs Brian ${spread.mean_of_vars[k]} ± ${sdVar}`,
    );
    // Our moments also agree with the exact moments of the Euler recursion.
    assert.ok(
      Math.abs(ours.mean[k] - theory.mean_euler[k]) <= 5 * Math.sqrt(theory.var_euler[k] / N) + 1e-12,
    );
    assert.ok(
      Math.abs(ours.variance[k] - theory.var_euler[k]) <=
        5 * theory.var_euler[k] * Math.sqrt(2 / (N - 1)) + 1e-12,
    );
  }
  assert.equal(ours.mean[0], 2);
  assert.equal(ours.variance[0], 0);
  // Stationary variance: sigma² (1 + dt/(2 tau))-ish for Euler, i.e. ≈ 1.001.
  const late = ours.variance.slice(-8);
  const avg = late.reduce((a, b) => a + b, 0) / late.length;
  assert.ok(Math.abs(avg - 1.001) < 0.05, `late variance ${avg}`);
});

test('seed() makes the noise reproducible; different seeds give different paths', () => {
  const a = simulate(7, 50, 0.02);
  const b = simulate(7, 50, 0.02);
  const c = simulate(8, 50, 0.02);
  assert.deepEqual(Array.from(a.first), Array.from(b.first));
  assert.notDeepEqual(Array.from(a.first.slice(1, 5)), Array.from(c.first.slice(1, 5)));
});
