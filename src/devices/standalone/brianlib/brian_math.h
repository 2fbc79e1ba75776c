// exp and log as every brian-ts device computes them: the operations of
// src/core/math/exp.ts and log.ts in the same order (no fused multiply-add:
// -ffp-contract=off), with constants and tables printed from those files (math_tables.h,
// generated), so that the runtime's JavaScript, its compiled kernels and standalone programs
// give the same bits. Used by kernels (`exp`, `log`) and by the random generator (random.h).
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

#include "math_tables.h"

// Whether the compiler may reassociate floating-point arithmetic (fastMath builds: g++ defines
// __ASSOCIATIVE_MATH__, and __FAST_MATH__ only when -ffinite-math-only is on too). There it would
// fold the (y + SHIFT) - SHIFT rounding to y and may regroup two-part subtractions, so exp and
// exprel then round by nearbyint and use fused products instead (not the JavaScript's bits).
#if defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__)
#define _BRIAN_REASSOCIATING 1
#else
#define _BRIAN_REASSOCIATING 0
#endif

// 2^n for -1022 <= n <= 1023, from its bits: exactly _brian_exp2_powers[n + offset], without a
// gather in vectorised loops.
inline double _brian_pow2(int32_t n) {
  const uint64_t bits = (uint64_t)(int64_t)(n + 1023) << 52;
  double p;
  std::memcpy(&p, &bits, 8);
  return p;
}

// exp(x) of every kernel: the operations of src/core/math/exp.ts in the same order (no
// fused multiply-add: -ffp-contract=off), with its tables (math_tables.h), so that both devices
// give the same bits. Branch-free, so loops calling it can be vectorised. NaN is kept away from
// the int conversion (undefined behaviour in C++, 0 in JavaScript) and returned at the end.
inline double _brian_exp(double x) {
  const double xn = x != x ? 0.0 : x;
  const double xc = xn < _BRIAN_EXP_LO ? _BRIAN_EXP_LO : (xn > _BRIAN_EXP_HI ? _BRIAN_EXP_HI : xn);
#if _BRIAN_REASSOCIATING
  // fastMath programs (random.h's draws; kernels call _brian_exp_fast): with the rounding
  // folded away, k was a truncation and r ~ 0, a 1 % error (g++ 12).
  const double kf = std::nearbyint(xc * _BRIAN_EXP_INV_STEP);
  const int32_t k = (int32_t)kf;
  const double r = std::fma(-kf, _BRIAN_EXP_STEP_LO, std::fma(-kf, _BRIAN_EXP_STEP_HI, xc));
#else
  const double kf = (xc * _BRIAN_EXP_INV_STEP + _BRIAN_EXP_SHIFT) - _BRIAN_EXP_SHIFT;
  const int32_t k = (int32_t)kf;
  const double r = (xc - kf * _BRIAN_EXP_STEP_HI) - kf * _BRIAN_EXP_STEP_LO;
#endif
  const double t = _brian_exp2_fractions[k & 63];
  const double p = r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664 + r * 0.008333333333333333)));
  // 2^m in two exact halves, as exp.ts's EXP2_POWERS[...] but from the bits (no gathers): the
  // clamp keeps m in [-1077, 1024], so m - h and h lie in [-539, 512], normal powers of two.
  const int32_t m = k >> 6;
  const int32_t h = m >> 1;
  const double result = (t + t * p) * _brian_pow2(m - h) * _brian_pow2(h);
  return x != x ? x : result;
}

// log(x): src/core/math/log.ts (x = 2^k m, m in [sqrt(1/2), sqrt(2)], f = m - 1,
// s = f/(2 + f), log(1 + f) = f - (f^2/2 - s (f^2/2 + R)), R the atanh series in s^2).
inline double _brian_log(double x) {
  if (x > 0 && x < INFINITY) {
    int32_t k = 0;
    double y = x;
    if (y < _BRIAN_LOG_MIN_NORMAL) {
      y *= _BRIAN_LOG_TWO54;
      k = -54;
    }
    uint64_t bits;
    std::memcpy(&bits, &y, 8);
    const int32_t hi = (int32_t)(bits >> 32);
    k += (hi >> 20) - 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    std::memcpy(&m, &bits, 8);
    if (m > 1.4142135623730951) {
      m *= 0.5;
      k += 1;
    }
    const double f = m - 1.0;
    const double s = f / (2.0 + f);
    const double z = s * s;
    // R by Estrin's scheme, in log.ts's order
    const double* c = _brian_log_series;
    const double z2 = z * z;
    const double z4 = z2 * z2;
    const double z8 = z4 * z4;
    const double R = z * ((((c[0] + c[1] * z) + z2 * (c[2] + c[3] * z)) +
                           z4 * ((c[4] + c[5] * z) + z2 * (c[6] + c[7] * z))) +
                          z8 * ((c[8] + c[9] * z) + z2 * c[10]));
    const double hfsq = 0.5 * f * f;
    const double dk = (double)k;
    return dk * _BRIAN_LOG_LN2_HI - ((hfsq - (s * (hfsq + R) + dk * _BRIAN_LOG_LN2_LO)) - f);
  }
  if (x == 0) return -INFINITY;
  return x == INFINITY ? INFINITY : NAN;
}

// exprel(x) = (e^x - 1)/x: the operations of src/core/math/exprel.ts in the same order, with its
// constants (math_tables.h), branch-free (every case computed, the right one selected) so that
// loops calling it vectorise. Fast (fastMath builds, whose reassociation would undo the SHIFT
// rounding and the two-part ln 2): the reduction by nearbyint and fused products instead, and the
// last sum fused, so that reordering cannot spoil them; not the JavaScript's bits, within a few ulp.
template <bool Fast>
inline double _brian_exprel_impl(double x) {
  const double xn = x != x ? 0.0 : x;
  const double xc = xn < _BRIAN_EXPREL_LO ? _BRIAN_EXPREL_LO : (xn > _BRIAN_EXPREL_HI ? _BRIAN_EXPREL_HI : xn);
  double kf, r;
  if constexpr (Fast) {
    kf = std::nearbyint(xc * _BRIAN_EXPREL_INV_LN2);
    r = std::fma(-kf, _BRIAN_EXPREL_LN2_LO, std::fma(-kf, _BRIAN_EXPREL_LN2_HI, xc));
  } else {
    kf = (xc * _BRIAN_EXPREL_INV_LN2 + _BRIAN_EXPREL_SHIFT) - _BRIAN_EXPREL_SHIFT;
    r = (xc - kf * _BRIAN_EXPREL_LN2_HI) - kf * _BRIAN_EXPREL_LN2_LO;
  }
  const int32_t k = (int32_t)kf;
  const double* c = _brian_exprel_series;
  double s = c[10] + r * c[11];
  s = c[9] + r * s;
  s = c[8] + r * s;
  s = c[7] + r * s;
  s = c[6] + r * s;
  s = c[5] + r * s;
  s = c[4] + r * s;
  s = c[3] + r * s;
  s = c[2] + r * s;
  s = c[1] + r * s;
  s = c[0] + r * s;
  const double rs = r * s;
  const double q = 1.0 + rs;
  const double em = r + r * rs;
  const int32_t h = k >> 1;
  const double a = _brian_pow2(k - h);
  const double b = _brian_pow2(-h);
  double e;
  if constexpr (Fast) {
    e = std::fma(a, em, a - b);
  } else {
    e = a * em + (a - b);
  }
  const double d = xn > _BRIAN_EXPREL_HI ? _BRIAN_EXPREL_HI : xn;
  const double result = k == 0 ? q : (e * _brian_pow2(h)) / d;
  return x != x ? x : result;
}

inline double _brian_exprel(double x) { return _brian_exprel_impl<_BRIAN_REASSOCIATING>(x); }
inline double _brian_exprel_fast(double x) { return _brian_exprel_impl<true>(x); }
