/**
 * log(x) as every brian-ts device computes it: here in JavaScript, and as brianlib's `_brian_log`
 * in C++ (the same operations in the same order, constants printed from this file, no fused
 * multiply-add), so that both give the same bits. It is what `log()` in equations, `randn()` and
 * `xi` (the polar method takes a log), and `poisson()` use: V8's `Math.log` (fdlibm) and glibc's
 * `log` differ in the last bit now and then, which made noise differ between devices.
 *
 * Method: x = 2^k·m with m in [√½, √2], f = m − 1 (exact), s = f/(2 + f), and
 *   log(1 + f) = 2·atanh(s) = f − (f²/2 − s·(f²/2 + R)),  R = Σ_{n=1..11} 2·s^(2n)/(2n + 1),
 * the Taylor series of atanh, whose first left-out term is below 2^-58 of the result for
 * |s| ≤ (√2 − 1)/(√2 + 1); then k·ln 2 is added in two parts (LN2_HI has trailing zero bits, so
 * k·LN2_HI is exact). f is exact and the correction small, so the error stays near half an
 * ulp (tested within 1 ulp of correctly rounded values). Subnormal inputs are scaled by 2^54
 * first; log(±0) = −∞, log(x < 0) = NaN, log(NaN) = NaN, log(∞) = ∞.
 */

/** The constants of the method, shared with the C++ header (math-tables-source.ts). */
export const LOG_CONSTANTS = {
  /** ln 2 split: LN2_HI has 32 significant bits, LN2_HI + LN2_LO = ln 2 to 2^-85. */
  // biome-ignore lint/correctness/noPrecisionLoss: fdlibm's digits, kept so the constants can be compared with its source
  LN2_HI: 6.9314718036912381649e-1,
  // biome-ignore lint/correctness/noPrecisionLoss: as above
  LN2_LO: 1.90821492927058770002e-10,
  /** The smallest normal number, and 2^54 to scale subnormals above it. */
  MIN_NORMAL: 2.2250738585072014e-308,
  TWO54: 18014398509481984,
} as const;

/** 2/(2n + 1), n = 1…11: the coefficients of R in s² (Horner order). */
export const LOG_SERIES: readonly number[] = Array.from({ length: 11 }, (_, k) => 2 / (2 * (k + 1) + 1));

const [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11] = LOG_SERIES;
const { LN2_HI, LN2_LO, MIN_NORMAL, TWO54 } = LOG_CONSTANTS;

// The bits of a double: words[1] is the high word on the little-endian machines Node runs on.
const number = new Float64Array(1);
const words = new Int32Array(number.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('brian-ts: log.ts assumes a little-endian machine');
}

export function brianLog(x: number): number {
  if (x > 0 && x < Infinity) {
    let k = 0;
    let y = x;
    if (y < MIN_NORMAL) {
      y *= TWO54;
      k = -54;
    }
    number[0] = y;
    const hi = words[1];
    k += (hi >> 20) - 1023;
    words[1] = (hi & 0x000fffff) | 0x3ff00000;
    let m = number[0];
    if (m > Math.SQRT2) {
      m *= 0.5;
      k += 1;
    }
    const f = m - 1;
    const s = f / (2 + f);
    const z = s * s;
    // R by Estrin's scheme (a shallow tree of products instead of an 11-deep Horner chain).
    const z2 = z * z;
    const z4 = z2 * z2;
    const z8 = z4 * z4;
    const R =
      z *
      (C1 +
        C2 * z +
        z2 * (C3 + C4 * z) +
        z4 * (C5 + C6 * z + z2 * (C7 + C8 * z)) +
        z8 * (C9 + C10 * z + z2 * C11));
    const hfsq = 0.5 * f * f;
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  if (x === 0) return -Infinity;
  return x === Infinity ? Infinity : Number.NaN;
}
