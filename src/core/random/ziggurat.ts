import { brianExp } from '../math/exp.ts';
import { brianLog } from '../math/log.ts';

/**
 * The tables of the ziggurat method for standard normal numbers (Marsaglia & Tsang, "The
 * ziggurat method for generating random variables", J. Stat. Softw. 2000), with 256 layers of
 * equal area `ZIGGURAT_V` under exp(-x²/2), the last one's right edge at `ZIGGURAT_R`. Most draws
 * take one random block and a multiplication (no logarithm), which is what makes `randn()` and
 * `xi` cheap. Computed once here with brian-ts's own exp and log and printed into brianlib's
 * `math_tables.h`, so C++ uses the very same numbers.
 *
 * `X[i]` is layer i's right edge (X[0] = V/f(R), the base layer's virtual width; X[256] = 0),
 * `F[i] = f(X[i])`, f(x) = exp(-x²/2).
 */
export const ZIGGURAT_R = 3.6541528853610088;
export const ZIGGURAT_V = 0.00492867323399;

/** The density's shape exp(-x²/2), as the generator evaluates it on every device. */
export function zigguratDensity(x: number): number {
  return brianExp(-0.5 * x * x);
}

function tables(): { X: Float64Array; F: Float64Array } {
  const X = new Float64Array(257);
  X[0] = ZIGGURAT_V / zigguratDensity(ZIGGURAT_R);
  X[1] = ZIGGURAT_R;
  for (let i = 1; i < 255; i++)
    X[i + 1] = Math.sqrt(-2 * brianLog(ZIGGURAT_V / X[i] + zigguratDensity(X[i])));
  X[256] = 0;
  const F = X.map(zigguratDensity);
  return { X, F };
}

export const { X: ZIGGURAT_X, F: ZIGGURAT_F } = tables();
