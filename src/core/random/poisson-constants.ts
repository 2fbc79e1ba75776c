import { brianLog } from '../math/log.ts';

/**
 * log Γ(x) for x ≥ 1: the Stirling series with numpy's coefficients (numpy's `random_loggam`),
 * which poisson()'s PTRS method needs. brian-ts's own `log`, so that C++ gives the same bits
 * (brianlib/random.h has the same function).
 */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let n = 0;
  if (x <= 7) {
    n = Math.floor(7 - x);
    x0 = x + n;
  }
  const x2 = 1 / (x0 * x0);
  let gl0 = LOG_GAMMA_COEFFICIENTS[9];
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOG_GAMMA_COEFFICIENTS[k];
  let gl = gl0 / x0 + 0.5 * brianLog(2 * Math.PI) + (x0 - 0.5) * brianLog(x0) - x0;
  if (x <= 7) {
    for (let k = 1; k <= n; k++) {
      gl -= brianLog(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

export const LOG_GAMMA_COEFFICIENTS: readonly number[] = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];
