/**
 * The random number generator of brian-ts: xoshiro128** (32-bit state words, so JavaScript
 * computes it exactly with Math.imul) seeded through splitmix32. The same algorithm is printed
 * into standalone C++ programs, so one seed gives one stream on both devices.
 *
 * - `rand()`: uniform in [0, 1) with 53 random bits (two outputs);
 * - `randn()`: standard normal by Marsaglia's polar method, the second value cached;
 * - `poisson(lambda)`: inversion by sequential search for lambda < 10, otherwise the
 *   transformed rejection method PTRS (Hörmann 1993), as numpy.
 * - `binomial(n, p)`: Brian's BinomialFunction: the normal approximation
 *   `randn()*sqrt(n p (1-p)) + n p` (not an integer) when n·p > 5 and n·(1−p) > 5, otherwise
 *   numpy's inversion algorithm (`random_binomial_inversion`).
 */
export class RandomStream {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private hasCachedNormal = false;
  private cachedNormal = 0;

  constructor(seed?: number) {
    this.seed(seed ?? randomSeed());
  }

  seed(seed: number): void {
    let x = seed >>> 0;
    // Mix in the high part of seeds above 2^32 as well.
    let hi = Math.floor(seed / 4294967296) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      hi = Math.imul(hi ^ (hi >>> 15), 0x2c1b3c6d) >>> 0;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // Kept as signed 32-bit values (same bits): V8 then stores them as small integers, which
    // makes rand() about 4x faster than with unsigned values above 2^31 (heap numbers).
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.hasCachedNormal = false;
    this.cachedNormal = 0;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  rand = (): number => {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  };

  randn = (): number => {
    if (this.hasCachedNormal) {
      this.hasCachedNormal = false;
      return this.cachedNormal;
    }
    let x: number;
    let y: number;
    let r2: number;
    do {
      x = 2 * this.rand() - 1;
      y = 2 * this.rand() - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.cachedNormal = y * f;
    this.hasCachedNormal = true;
    return x * f;
  };

  poisson = (lambda: number): number => {
    if (!(lambda > 0)) return 0;
    if (lambda < 10) {
      // Inversion by sequential search.
      const enlam = Math.exp(-lambda);
      let k = 0;
      let prod = 1;
      for (;;) {
        prod *= this.rand();
        if (prod > enlam) k++;
        else return k;
      }
    }
    return this.poissonPTRS(lambda);
  };

  /**
   * A binomial sample as Brian's BinomialFunction draws it (see `binomialSampler` for the rule).
   * With `approximate: false` always exact (by inversion).
   */
  binomial = (n: number, p: number, approximate = true): number => {
    if (approximate && useNormalApproximation(n, p)) {
      const { loc, scale } = normalApproximation(n, p);
      return this.randn() * scale + loc;
    }
    const c = binomialConstants(n, p);
    const x = this.binomialInversion(c.n, c.P, c.q, c.qn, c.bound);
    return c.reverse ? c.n - x : x;
  };

  /**
   * numpy's `random_binomial_inversion` with its constants precomputed (`binomialConstants`):
   * the number of successes of `n` trials of probability `P` ≤ 0.5, by sequential search
   * from 0, restarting when the search passes `bound`.
   */
  binomialInversion = (n: number, P: number, q: number, qn: number, bound: number): number => {
    let X = 0;
    let px = qn;
    let U = this.rand();
    while (U > px) {
      X++;
      if (X > bound) {
        X = 0;
        px = qn;
        U = this.rand();
      } else {
        U -= px;
        px = ((n - X + 1) * P * px) / (X * q);
      }
    }
    return X;
  };

  private poissonPTRS(lam: number): number {
    const slam = Math.sqrt(lam);
    const loglam = Math.log(lam);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = this.rand() - 0.5;
      const V = this.rand();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (
        Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
        -lam + k * loglam - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  /** The whole generator state, for store()/restore(). */
  getState(): number[] {
    return [this.s0, this.s1, this.s2, this.s3, this.hasCachedNormal ? 1 : 0, this.cachedNormal];
  }

  setState(state: readonly number[]): void {
    [this.s0, this.s1, this.s2, this.s3] = state;
    this.hasCachedNormal = state[4] === 1;
    this.cachedNormal = state[5];
  }

  /**
   * The state into six doubles in the layout of brianlib's `Random::get_state` (words as
   * unsigned numbers), so that compiled kernels can go on with the same stream.
   */
  saveTo(out: Float64Array): void {
    out[0] = this.s0 >>> 0;
    out[1] = this.s1 >>> 0;
    out[2] = this.s2 >>> 0;
    out[3] = this.s3 >>> 0;
    out[4] = this.hasCachedNormal ? 1 : 0;
    out[5] = this.cachedNormal;
  }

  /** The inverse of `saveTo`. */
  loadFrom(state: Float64Array): void {
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
    this.hasCachedNormal = state[4] === 1;
    this.cachedNormal = state[5];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296);
}

/** log Γ(x) for x ≥ 1 (Stirling series with the numpy coefficients). */
export function logGamma(x: number): number {
  const coeffs = [
    8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
    8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
    1.796443723688307e-1, -1.3924322169059,
  ];
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let n = 0;
  if (x <= 7) {
    n = Math.floor(7 - x);
    x0 = x + n;
  }
  const x2 = 1 / (x0 * x0);
  const xp = 2 * Math.PI;
  let gl0 = coeffs[9];
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + coeffs[k];
  let gl = gl0 / x0 + 0.5 * Math.log(xp) + (x0 - 0.5) * Math.log(x0) - x0;
  if (x <= 7) {
    for (let k = 1; k <= n; k++) {
      gl -= Math.log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

/** Brian's rule for BinomialFunction(approximate=True): the normal approximation when n·p > 5 and n·(1−p) > 5. */
export function useNormalApproximation(n: number, p: number): boolean {
  return n * p > 5 && n * (1 - p) > 5;
}

/** Mean and standard deviation of the normal approximation (Brian's `_pre_calc_constants_approximated`). */
export function normalApproximation(n: number, p: number): { loc: number; scale: number } {
  return { loc: n * p, scale: Math.sqrt(n * p * (1 - p)) };
}

/** Constants of the inversion algorithm (Brian's `_pre_calc_constants`): p > 0.5 samples failures instead. */
export interface BinomialConstants {
  readonly n: number;
  /** p > 0.5: the result is n − X, X drawn with probability P = 1 − p. */
  readonly reverse: boolean;
  readonly P: number;
  readonly q: number;
  /** q**n, the probability of X = 0. */
  readonly qn: number;
  /** The search restarts beyond this many successes. */
  readonly bound: number;
}

export function binomialConstants(n: number, p: number): BinomialConstants {
  const reverse = p > 0.5;
  const P = reverse ? 1.0 - p : p;
  const q = 1.0 - P;
  const qn = Math.exp(n * Math.log(q));
  const bound = Math.min(n, n * P + 10.0 * Math.sqrt(n * P * q + 1));
  return { n, reverse, P, q, qn, bound };
}
