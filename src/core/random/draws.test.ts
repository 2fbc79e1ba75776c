import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LONG_RUN, longRunSums, sequenceDraws } from '../../../test/helpers/random-draws.ts';
import { DrawState } from './draw-state.ts';
import { SiteDraws } from './site-draws.ts';
import { threefry2x32 } from './threefry.ts';

/** The reference table every target reproduces (scripts/random-draws-table.ts). */
const TABLE = JSON.parse(readFileSync(new URL('./draws.reference.json', import.meta.url), 'utf8'));

const word = (hex: string) => Number.parseInt(hex, 16) | 0;

function siteOf(seed: number, site: number, element: number, time = 0): SiteDraws {
  const draws = new SiteDraws();
  draws.begin(new DrawState(seed).invocation(3, time, false), site);
  draws.at(element);
  return draws;
}

describe('counter-based random numbers (JavaScript)', () => {
  it("Threefry-2x32-20 gives Random123's known answers", () => {
    const out = new Int32Array(2);
    for (const { ctr, key, out: expected } of TABLE.threefry2x32_20_known_answers) {
      threefry2x32(word(key[0]), word(key[1]), word(ctr[0]), word(ctr[1]), out);
      assert.deepEqual(
        [out[0] >>> 0, out[1] >>> 0],
        expected.map((h: string) => word(h) >>> 0),
      );
    }
  });

  it('reproduces the reference table bit for bit', () => {
    assert.ok(TABLE.sequences.length >= 6);
    for (const s of TABLE.sequences) assert.deepEqual(sequenceDraws(s), s.draws, JSON.stringify(s));
    assert.equal(TABLE.long_run.length, LONG_RUN);
    assert.deepEqual(longRunSums(TABLE.long_run), TABLE.long_run.sums);
  });

  it('a number depends on its key and draw only, not on other draws', () => {
    const a = siteOf(7, 0, 5);
    const first = [a.rand(), a.rand()];
    const b = siteOf(7, 0, 5);
    const other = siteOf(7, 1, 5); // another site of the same element, drawn in between
    other.randn();
    assert.deepEqual([b.rand(), b.rand()], first);
    assert.notEqual(siteOf(7, 0, 6).rand(), first[0]);
    assert.notEqual(siteOf(7, 0, 5, 1).rand(), first[0]);
    assert.notEqual(siteOf(8, 0, 5).rand(), first[0]);
  });

  it('has the moments of its distributions', () => {
    const m = 200_000;
    const u = siteOf(1, 0, 0);
    const n = siteOf(1, 1, 0);
    const p = siteOf(1, 2, 0);
    let su = 0,
      suu = 0,
      sn = 0,
      snn = 0,
      sp = 0,
      spp = 0,
      sq = 0;
    for (let k = 0; k < m; k++) {
      const x = u.rand();
      assert.ok(x >= 0 && x < 1);
      su += x;
      suu += x * x;
      const y = n.randn();
      sn += y;
      snn += y * y;
      const z = p.poisson(3.5);
      sp += z;
      spp += z * z;
      sq += p.poisson(40);
    }
    const se = (v: number) => 5 * Math.sqrt(v / m);
    assert.ok(Math.abs(su / m - 0.5) < se(1 / 12));
    assert.ok(Math.abs(suu / m - su ** 2 / m ** 2 - 1 / 12) < 0.002);
    assert.ok(Math.abs(sn / m) < se(1));
    assert.ok(Math.abs(snn / m - 1) < 0.02);
    assert.ok(Math.abs(sp / m - 3.5) < se(3.5));
    assert.ok(Math.abs(spp / m - (sp / m) ** 2 - 3.5) < 0.1);
    assert.ok(Math.abs(sq / m - 40) < se(40));
  });

  it('randn() follows the standard normal distribution, tails included (Kolmogorov–Smirnov)', () => {
    const m = 400_000;
    const n = siteOf(2, 0, 0);
    const xs = Float64Array.from({ length: m }, () => n.randn()).sort();
    let D = 0;
    for (let k = 0; k < m; k++) {
      const F = normalCdf(xs[k]);
      D = Math.max(D, Math.abs(F - k / m), Math.abs(F - (k + 1) / m));
    }
    // The 0.1 % critical value of D is 1.95/sqrt(m).
    assert.ok(D < 1.95 / Math.sqrt(m), `D = ${D}`);
    // The tail beyond R = 3.654 (the ziggurat's base layer): P(|x| > R) = 2.58e-4.
    const beyond = xs.filter((x) => Math.abs(x) > 3.6541528853610088).length;
    assert.ok(Math.abs(beyond - 2.58e-4 * m) < 5 * Math.sqrt(2.58e-4 * m), `${beyond} beyond R`);
    assert.ok(xs[0] < -4 && xs[m - 1] > 4);
  });

  it("follows Brian's reproducibility rules through seed, runs and restore", () => {
    const s = new DrawState(5);
    const key = () => Array.from(s.invocation(1, 10, false));
    const k0 = key();
    // run(a); run(b): the same epoch, so the same numbers as one longer run
    assert.equal(s.runStarts(0), 0);
    s.runEnded(0.1);
    assert.equal(s.runStarts(0.1), 0);
    s.runEnded(0.2);
    assert.deepEqual(key(), k0);
    // going back (restore(), a new network from t = 0): a new epoch, new numbers
    const saved = s.getState();
    assert.equal(s.runStarts(0), 1);
    assert.notDeepEqual(key(), k0);
    // restore(restoreRandomState) puts the epoch back
    s.setState(saved);
    assert.deepEqual(key(), k0);
    // one-off calls are numbered; seed() starts everything over
    assert.equal(s.nextCall(), 0);
    assert.equal(s.nextCall(), 1);
    s.runStarts(0);
    s.seed(5);
    assert.equal(s.nextCall(), 0);
    assert.deepEqual(key(), k0);
    // one-off calls and steps are different domains
    assert.notDeepEqual(Array.from(s.invocation(1, 10, true)), k0);
  });
});

/** Φ(x) by the complementary error function (Numerical Recipes' erfc, relative error < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
