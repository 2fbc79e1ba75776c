import { EXP2_POWERS, EXP2_POWERS_OFFSET } from './exp.ts';

/**
 * exprel(x) = (e^x − 1)/x (Brian's `exprel`, numpy's `expm1(x)/x`) as every brian-ts device
 * computes it: here in JavaScript, and as brianlib's `_brian_exprel` in C++ (the same operations
 * in the same order, constants printed from this file, no fused multiply-add), so that both give
 * the same bits. In C++ it has no branch and no libm call, so the Hodgkin–Huxley rate loops that
 * call it vectorise (glibc's `expm1` is a call that kept them scalar).
 *
 * Method (after fdlibm's expm1): x = k·ln 2 + r with k = round(x/ln 2), |r| ≤ ln2/2 (ln 2 in
 * two parts: k·LN2_HI and x − k·LN2_HI are exact), and
 *   s = Σ_{n=2..13} r^(n−2)/n!   (Taylor; the first left-out term is below 2^-56 of the result),
 *   k = 0:  exprel(x) = 1 + r·s        (r = x exactly: no division, exprel(0) = 1, no cancellation)
 *   k ≠ 0:  expm1(r) = r + r·(r·s), and e^x − 1 = 2^k·expm1(r) + (2^k − 1), computed as
 *           2^h·(2^(k−h)·expm1(r) + (2^(k−h) − 2^−h)) with h = ⌊k/2⌋: 2^(k−h) − 2^−h is exact for
 *           |k| ≤ 53 (beyond, its rounding is far below the result's ulp), the sum is the one
 *           rounding of note, the powers of two stay normal and the last product is exact unless
 *           it overflows; then divided by x.
 * No table of 2^(j/64) (as exp.ts has): its rounding errors would cancel badly in e^x − 1.
 *
 * Accuracy: within 2 ulp of the exact value everywhere (tested against 50-digit references:
 * exprel.test.ts), within 1 ulp for |x| < ln2/2. Edges as Brian's: exprel(±0) = 1, → −1/x far
 * below 0, ∞ where e^x − 1 overflows (x ≳ 709.78) and for x = ∞, 0 for x = −∞, NaN for NaN.
 * Inputs are clamped to [LO, HI] for the reduction (beyond, e^x − 1 is −1 or ∞ anyway); the
 * division uses x itself below HI, so exprel(x) = −1/x exactly for x < −38.
 */

/** The constants of the method, shared with the C++ header (math-tables-source.ts). */
export const EXPREL_CONSTANTS = {
  LO: -746,
  HI: 710,
  /** 1/ln 2 = log2(e). */
  INV_LN2: Math.LOG2E,
  /** ln 2 split as in log.ts: LN2_HI has 32 significant bits, so k·LN2_HI is exact. */
  // biome-ignore lint/correctness/noPrecisionLoss: fdlibm's digits, kept so the constants can be compared with its source
  LN2_HI: 6.9314718036912381649e-1,
  // biome-ignore lint/correctness/noPrecisionLoss: as above
  LN2_LO: 1.90821492927058770002e-10,
  /** 1.5·2^52: adding and subtracting it rounds to the nearest integer (ties to even). */
  SHIFT: 6755399441055744,
} as const;

/** 1/n!, n = 2…13 (n! is exact in a double, so each is the correctly rounded reciprocal). */
export const EXPREL_SERIES: readonly number[] = Array.from({ length: 12 }, (_, k) => {
  let factorial = 1;
  for (let n = 2; n <= k + 2; n++) factorial *= n;
  return 1 / factorial;
});

const [C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13] = EXPREL_SERIES;
const { LO, HI, INV_LN2, LN2_HI, LN2_LO, SHIFT } = EXPREL_CONSTANTS;
const P = EXP2_POWERS;

export function brianExprel(x: number): number {
  // biome-ignore lint/complexity/useMathMinMax: ternaries keep NaN (exp.ts does the same)
  const xc = x < LO ? LO : x > HI ? HI : x;
  const kf = xc * INV_LN2 + SHIFT - SHIFT;
  const k = kf | 0; // NaN: 0, and the NaN comes out of 1 + r·s
  const r = xc - kf * LN2_HI - kf * LN2_LO;
  // Horner, innermost first (brian_math.h: the same order)
  let s = C12 + r * C13;
  s = C11 + r * s;
  s = C10 + r * s;
  s = C9 + r * s;
  s = C8 + r * s;
  s = C7 + r * s;
  s = C6 + r * s;
  s = C5 + r * s;
  s = C4 + r * s;
  s = C3 + r * s;
  s = C2 + r * s;
  const rs = r * s;
  if (k === 0) return 1 + rs;
  const em = r + r * rs;
  const h = k >> 1;
  const a = P[k - h + EXP2_POWERS_OFFSET];
  const b = P[EXP2_POWERS_OFFSET - h];
  // biome-ignore lint/complexity/useMathMinMax: the same select as brian_math.h's, operation for operation
  const d = x > HI ? HI : x;
  return ((a * em + (a - b)) * P[h + EXP2_POWERS_OFFSET]) / d;
}
