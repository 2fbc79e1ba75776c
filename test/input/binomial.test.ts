import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { binomialConstants, useNormalApproximation } from '../../src/core/random/binomial-constants.ts';
import { DrawState } from '../../src/core/random/draw-state.ts';
import { SiteDraws } from '../../src/core/random/site-draws.ts';
import { BinomialFunction, ms, Network, NeuronGroup, startScope } from '../../src/index.ts';
import { drawBinomial } from '../../src/input/binomial.ts';
import { throwsCode } from '../helpers/reference.ts';

/** Sample mean and (unbiased) variance. */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += xs[k];
  const mean = s / xs.length;
  let ss = 0;
  for (let k = 0; k < xs.length; k++) ss += (xs[k] - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** Asserts sample moments of `m` draws against mean `mu` and variance `v` within 5 standard errors. */
function assertMoments(xs: Float64Array, mu: number, v: number, what: string): void {
  const m = xs.length;
  const { mean, variance } = moments(xs);
  assert.ok(Math.abs(mean - mu) < 5 * Math.sqrt(v / m), `${what}: mean ${mean} vs ${mu}`);
  // Standard error of the sample variance ≈ v·sqrt(2/(m−1)) (plus excess kurtosis, small here).
  assert.ok(Math.abs(variance - v) < 6 * v * Math.sqrt(2 / (m - 1)), `${what}: variance ${variance} vs ${v}`);
}

function draws(m: number, draw: () => number): Float64Array {
  return Float64Array.from({ length: m }, draw);
}

/** One call site's draws for one element (all samples of a test come from it, one after the other). */
function siteDraws(seed: number): SiteDraws {
  const site = new SiteDraws();
  site.begin(new DrawState(seed).invocation(1, 0, true), 0);
  site.at(0);
  return site;
}

/** A sample by Brian's rule (the normal approximation only where `approximate` allows it). */
function binomial(site: SiteDraws, n: number, p: number, approximate = true): number {
  return drawBinomial(site, n, p, approximate && useNormalApproximation(n, p));
}

/** log C(n, k) p^k q^(n-k). */
function logPmf(n: number, p: number, k: number): number {
  let lc = 0;
  for (let j = 1; j <= k; j++) lc += Math.log((n - k + j) / j);
  return lc + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

describe("binomial generator (Brian's BinomialFunction)", () => {
  test('the regime follows Brian: normal approximation only when n·p > 5 and n·(1−p) > 5', () => {
    assert.equal(useNormalApproximation(20, 0.1), false);
    assert.equal(useNormalApproximation(100, 0.1), true);
    assert.equal(useNormalApproximation(100, 0.96), false);
    assert.equal(useNormalApproximation(50, 0.1), false); // n·p = 5 is not > 5
    const c = binomialConstants(20, 0.9);
    assert.equal(c.reverse, true);
    assert.ok(Math.abs(c.P - 0.1) < 1e-15);
  });

  for (const [n, p] of [
    [20, 0.1],
    [100, 0.001],
    [20, 0.9],
    [7, 0.5],
  ]) {
    test(`inversion (n = ${n}, p = ${p}): integer samples with the binomial distribution`, () => {
      const rng = siteDraws(1234);
      const m = 200_000;
      const xs = draws(m, () => binomial(rng, n, p));
      for (const x of xs) assert.ok(Number.isInteger(x) && x >= 0 && x <= n, `sample ${x}`);
      assertMoments(xs, n * p, n * p * (1 - p), `Bin(${n}, ${p})`);
      // Frequencies of the likely values against the probability mass function.
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      for (let k = 0; k <= n; k++) {
        const expected = m * Math.exp(logPmf(n, p, k));
        if (expected < 50) continue;
        const got = counts.get(k) ?? 0;
        assert.ok(Math.abs(got - expected) < 5 * Math.sqrt(expected), `P(X = ${k}): ${got} vs ${expected}`);
      }
    });
  }

  test('normal approximation (n = 1000, p = 0.1): mean n·p, variance n·p·(1−p), not integers', () => {
    const rng = siteDraws(99);
    const xs = draws(200_000, () => binomial(rng, 1000, 0.1));
    assertMoments(xs, 100, 90, 'normal approximation');
    assert.ok(xs.some((x) => !Number.isInteger(x)));
  });

  test('approximate: false samples exactly even for large n·p', () => {
    const rng = siteDraws(5);
    const xs = draws(50_000, () => binomial(rng, 200, 0.2, false));
    for (const x of xs) assert.ok(Number.isInteger(x));
    assertMoments(xs, 40, 32, 'Bin(200, 0.2) by inversion');
  });

  test('BinomialFunction in model code draws a new value per element and call', () => {
    startScope();
    const exact = new BinomialFunction(10, 0.3);
    const normal = new BinomialFunction(1000, 0.5);
    assert.equal(exact.useNormal, false);
    assert.equal(normal.useNormal, true);
    const G = new NeuronGroup(20_000, 'x : 1\ny : 1', { namespace: { b: exact, nb: normal } });
    G.x = 'b()';
    G.y = 'nb()';
    assertMoments(Float64Array.from(G.x_), 3, 2.1, 'b() per element');
    assertMoments(Float64Array.from(G.y_), 500, 250, 'nb() per element');
    for (const x of G.x_) assert.ok(Number.isInteger(x));
    // Stateful: it needs (constant over dt) in a subexpression, as rand().
    startScope();
    const H = new NeuronGroup(1, 'dv/dt = -v/ms : 1\ns = b() : 1', { namespace: { b: exact } });
    throwsCode(() => new Network(H).run(ms(0.1)), 'stateful_subexpression');
  });

  test('bad arguments are coded errors', () => {
    throwsCode(() => new BinomialFunction(-1, 0.5), 'bad_argument');
    throwsCode(() => new BinomialFunction(2.5, 0.5), 'bad_argument');
    throwsCode(() => new BinomialFunction(10, 1.5), 'bad_argument');
    throwsCode(() => new BinomialFunction(10, ms(1)), 'dimension_mismatch');
  });
});
