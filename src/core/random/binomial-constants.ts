/**
 * Brian's BinomialFunction rules and constants (platform-independent arithmetic, computed once
 * when the function is made and printed into kernels as literals).
 */

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
