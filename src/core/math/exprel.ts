import { brianExp } from './exp.ts';
import { logOfNormal } from './log.ts';

/**
 * exprel(x) = (e^x − 1)/x as every brian-ts device computes it: here in JavaScript and as
 * brianlib's `_brian_exprel` in C++ (the same operations), so that both give the same bits —
 * and, in C++, without a call into libm, so that loops using it vectorise (Brian's
 * `expm1(x)/x` is a library call that keeps Hodgkin–Huxley rate loops scalar).
 *
 * Kahan's formula: with u = exp(x) as computed, exprel(x) = (u − 1)/log(u). u − 1 is exact
 * near u = 1 and the rounding error of u cancels between numerator and denominator, so the
 * result stays within a few ulps of the exact value (tested against expm1) where
 * (exp(x) − 1)/x loses every digit. exprel(x) = 1 where u rounds to 1 (|x| < 1e-16, Brian's
 * cut-off), −1/x where e^x is negligible (x < −700), ∞ where e^x overflows.
 */
export function brianExprel(x: number): number {
  const u = brianExp(x);
  if (Number.isNaN(x)) return x;
  if (u === Number.POSITIVE_INFINITY) return u;
  if (x < -700) return -1 / x;
  if (u === 1) return 1;
  return (u - 1) / logOfNormal(u, 0);
}
