import { brianExp } from '../../core/math/exp.ts';
import { brianExprel } from '../../core/math/exprel.ts';
import { brianLog } from '../../core/math/log.ts';
import { quotientThreshold } from '../../core/math/quotient-threshold.ts';
import type { ErrorCode } from '../../diagnostics/codes.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * Helpers that generated JavaScript kernels call as `_brian.*`: the JS implementations of the
 * rows of the function table that are not a plain `Math` function, with Brian's C++ semantics.
 */
export const brianPrelude = {
  /** exp(x), the same bits as the C++ device's `_brian_exp` (see exp.ts). */
  exp: brianExp,
  /** log(x), the same bits as the C++ device's `_brian_log` (see core/math/log.ts). */
  log: brianLog,
  /**
   * A float as a 32-bit integer (`int(x)`, and a float assigned to an integer variable): truncated
   * toward zero; NaN, ±Inf and values outside the int32 range give -2147483648, as Brian's numpy
   * and C++ targets (x86's "integer indefinite") do. The C++ device's `_brian_to_int32`.
   */
  int(x: number): number {
    return x > -2147483649 && x < 2147483648 ? x | 0 : -2147483648;
  },
  /** Python's `%` (result has the sign of the divisor): Brian's `_brian_mod`. */
  mod(x: number, y: number): number {
    return x - y * Math.floor(x / y);
  },
  /** (exp(x) - 1)/x without cancellation (Brian's `_exprel`), the same bits as the C++ device's (see exprel.ts). */
  exprel: brianExprel,
  clip(value: number, lo: number, hi: number): number {
    if (value < lo) return lo;
    if (value > hi) return hi;
    return value;
  },
  /** The time step of `t`, robust to rounding: Brian's `timestep(t, dt)`. */
  timestep(t: number, dt: number): number {
    return Math.trunc((t + 1e-3 * dt) / dt);
  },
  /** The smallest x with x / d >= m: refractoriness as one comparison (see quotient-threshold.ts). */
  quotientThreshold,
  /** A user-visible error found inside a kernel (the C++ kernels' `_brian_fail`). */
  fail(code: ErrorCode, message: string): never {
    throw new BrianError(code, message);
  },
};

export type BrianPrelude = typeof brianPrelude;
