import { brianExp } from '../math/exp.ts';
import { brianLog } from '../math/log.ts';
import { logGamma } from './poisson-constants.ts';
import { threefry2x32 } from './threefry.ts';
import { ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X, zigguratDensity } from './ziggurat.ts';

/** The counter word of draws made outside any element (a kernel's scalar block). */
export const SCALAR_ELEMENT = -1;

/**
 * The random numbers of one call site of `rand()`, `randn()`, `poisson()` or a binomial in one
 * kernel invocation: the d-th number drawn for element e is Threefry(siteKey, (e, d)). So a
 * number depends on (seed, epoch, kernel, time step or call, site, element, draw) and on
 * nothing else: not on the order in which elements are visited, nor on which thread or MPI
 * process visits them, nor on draws at other sites. brianlib/random.h is the same in C++, line
 * for line, using the same `exp` and `log` (src/core/math), so every device draws the same bits.
 *
 * - `rand()`: uniform in [0, 1) with 53 random bits (one block);
 * - `randn()`: standard normal by the ziggurat method (ziggurat.ts): one block gives the layer
 *   (8 bits), the sign (1 bit) and a 53-bit uniform, accepted at once in about 99 % of draws;
 * - `poisson(lambda)`: inversion by sequential search for lambda < 10, else the transformed
 *   rejection method PTRS (Hörmann 1993), as numpy;
 * - `binomialInversion(...)`: numpy's inversion for Brian's BinomialFunction.
 */
export class SiteDraws {
  private k0 = 0;
  private k1 = 0;
  private e = 0;
  private d = 0;
  private readonly out = new Int32Array(2);

  /** Takes the key of `site` for the invocation whose key `invocation` holds (see DrawState). */
  begin(invocation: Int32Array, site: number): void {
    threefry2x32(invocation[0], invocation[1], site | 0, 0, this.out);
    this.k0 = this.out[0];
    this.k1 = this.out[1];
    this.e = SCALAR_ELEMENT;
    this.d = 0;
  }

  /** The draws that follow are element `element`'s, from its first one. */
  at(element: number): void {
    this.e = element | 0;
    this.d = 0;
  }

  rand(): number {
    const out = this.out;
    threefry2x32(this.k0, this.k1, this.e, this.d, out);
    this.d = (this.d + 1) | 0;
    return ((out[0] >>> 5) * 67108864 + (out[1] >>> 6)) / 9007199254740992;
  }

  randn(): number {
    const out = this.out;
    for (;;) {
      threefry2x32(this.k0, this.k1, this.e, this.d, out);
      this.d = (this.d + 1) | 0;
      const bits = out[0];
      const i = bits & 255;
      const u = ((bits >>> 11) * 4294967296 + (out[1] >>> 0)) / 9007199254740992;
      const x = u * ZIGGURAT_X[i];
      const negative = (bits & 256) !== 0;
      if (x < ZIGGURAT_X[i + 1]) return negative ? -x : x;
      if (i === 0) {
        // The tail beyond R (Marsaglia's method): exponential proposals, accepted by a second one.
        let xt: number;
        let y: number;
        do {
          xt = -brianLog(1 - this.rand()) / ZIGGURAT_R;
          y = -brianLog(1 - this.rand());
        } while (y + y < xt * xt);
        return negative ? -(ZIGGURAT_R + xt) : ZIGGURAT_R + xt;
      }
      // The wedge between the layer's rectangle and the curve.
      const f = ZIGGURAT_F[i + 1] + this.rand() * (ZIGGURAT_F[i] - ZIGGURAT_F[i + 1]);
      if (f < zigguratDensity(x)) return negative ? -x : x;
    }
  }

  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 10) {
      // Inversion by sequential search.
      const enlam = brianExp(-lambda);
      let k = 0;
      let prod = 1;
      for (;;) {
        prod *= this.rand();
        if (prod > enlam) k++;
        else return k;
      }
    }
    return this.poissonPTRS(lambda);
  }

  /**
   * numpy's `random_binomial_inversion` with its constants precomputed (`binomialConstants`):
   * the number of successes of `n` trials of probability `P` ≤ 0.5, by sequential search from 0,
   * restarting when the search passes `bound`.
   */
  binomialInversion(n: number, P: number, q: number, qn: number, bound: number): number {
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
  }

  private poissonPTRS(lam: number): number {
    const slam = Math.sqrt(lam);
    const loglam = brianLog(lam);
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
        brianLog(V) + brianLog(invalpha) - brianLog(a / (us * us) + b) <=
        -lam + k * loglam - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }
}
