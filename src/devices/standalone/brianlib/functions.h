// The C++ implementations of the default function table (src/compiler/functions.ts, `cpp`
// column) with the semantics of the JavaScript prelude (src/devices/runtime/prelude.ts), and the
// arithmetic helpers the C++ printer uses for Python's `//` and `%`.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "brian_math.h"
#include "random.h"

// A double as an int32 (int(), and a float assigned to an integer variable): truncated toward
// zero; NaN, +-Inf and values outside the int32 range give INT32_MIN, as Brian's numpy and C++
// targets do (x86's "integer indefinite"); the JavaScript prelude's `_brian.int`.
inline int32_t _brian_to_int32(double x) {
  return (x > -2147483649.0 && x < 2147483648.0) ? (int32_t)x : INT32_MIN;
}
inline int32_t _brian_to_int32(int32_t x) { return x; }
inline int32_t _brian_to_int32(int64_t x) { return (int32_t)x; }
inline int32_t _brian_to_int32(bool x) { return x; }

// exp(x) for fastMath builds: range reduction x = n ln2 + r (|r| <= ln2/2, ln 2 split in the
// manner of Cody and Waite, the products fused so that reordering cannot spoil them) and a
// degree-13 Taylor polynomial; 2^n is added to the exponent bits. Branch-free arithmetic, so
// loops calling it are vectorised (libm's exp is a call the compiler cannot vectorise). Within
// 2 ulp of the correctly rounded result for normal results; results below the smallest normal
// number are 0, as fast-math's flush-to-zero makes them anyway.
inline double _brian_exp_fast(double x) {
  const double n = std::nearbyint(x * 1.4426950408889634);
  const double r = std::fma(-n, 1.90821492927058770002e-10, std::fma(-n, 6.93147180369123816490e-01, x));
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  int64_t bits;
  std::memcpy(&bits, &p, 8);
  const double clamped = n < -1100.0 ? -1100.0 : (n > 1100.0 ? 1100.0 : n);
  bits += (int64_t)clamped << 52;
  double result;
  std::memcpy(&result, &bits, 8);
  result = x > 709.782712893384 ? INFINITY : result;
  result = x < -708.3964185322641 ? 0.0 : result;
  return x != x ? x : result;
}


// Python's % (sign of the divisor): x - y*floor(x/y), as Brian's _brian_mod and the JS prelude.
inline double _brian_mod(double x, double y) { return x - y * std::floor(x / y); }
inline int64_t _brian_mod_int(int64_t x, int64_t y) {
  if (y == 0) return 0;
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}
// Python's // between integers (floor division); division by zero gives 0 as `| 0` does in JS.
inline int64_t _brian_floordiv_int(int64_t x, int64_t y) {
  if (y == 0) return 0;
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
  return q;
}

template <class A, class B, class C>
inline typename std::common_type<A, B, C>::type _brian_clip(A value, B lo, C hi) {
  typedef typename std::common_type<A, B, C>::type T;
  if (value < lo) return (T)lo;
  if (value > hi) return (T)hi;
  return (T)value;
}

inline double _brian_abs(double x) { return std::fabs(x); }
inline int32_t _brian_abs(int32_t x) { return x < 0 ? -x : x; }
inline int64_t _brian_abs(int64_t x) { return x < 0 ? -x : x; }
inline int32_t _brian_abs(bool x) { return x; }

inline double _brian_sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : x); }
inline int32_t _brian_sign(int32_t x) { return (0 < x) - (x < 0); }
inline int32_t _brian_sign(int64_t x) { return (0 < x) - (x < 0); }
inline int32_t _brian_sign(bool x) { return x; }

inline int32_t _brian_int(double x) { return _brian_to_int32(x); }
inline int32_t _brian_int(int32_t x) { return x; }
inline int32_t _brian_int(int64_t x) { return (int32_t)x; }
inline int32_t _brian_int(bool x) { return x; }

// The time step of t, robust to rounding: Brian's timestep(t, dt).
inline int64_t _brian_timestep(double t, double dt) { return (int64_t)((t + 1e-3 * dt) / dt); }

// The smallest double x with x / d >= m, for d > 0 (NaN when m is NaN or d is not positive):
// refractoriness tests `x >= T` instead of dividing per element. The twin of the JavaScript
// quotientThreshold (src/core/math/quotient-threshold.ts), which says why; T is unique, so both
// give the same bits. From m*d (within an ulp or two) by single steps, else by bisection over
// the doubles in order.
inline uint64_t _brian_order_key(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return (bits >> 63) ? ~bits : (bits | (1ULL << 63));
}
inline double _brian_from_order_key(uint64_t key) {
  const uint64_t bits = (key >> 63) ? (key ^ (1ULL << 63)) : ~key;
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}
inline double _brian_quotient_threshold(double m, double d) {
  if (std::isnan(m) || !(d > 0)) return NAN;
  auto passes = [&](double x) { return x / d >= m; };
  double x = m * d;
  if (std::isfinite(x)) {
    for (int k = 0; k < 4 && !passes(x); k++) x = std::nextafter(x, INFINITY);
    if (passes(x)) {
      for (int k = 0; k < 4; k++) {
        const double below = std::nextafter(x, -INFINITY);
        if (!passes(below)) return x;
        x = below;
      }
    }
  }
  if (passes(-INFINITY)) return -INFINITY;
  uint64_t lo = _brian_order_key(-INFINITY), hi = _brian_order_key(INFINITY);
  while (hi - lo > 1) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (passes(_brian_from_order_key(mid))) hi = mid;
    else lo = mid;
  }
  return _brian_from_order_key(hi);
}

// A user-visible error inside the program: a line the device turns into a coded BrianError.
[[noreturn]] inline void _brian_fail(const char* code, const char* message) {
  std::fflush(stdout);
  std::fprintf(stderr, "@brian-error %s %s\n", code, message);
  std::exit(3);
}

// The numerical health check (network/numerical-health.ts): the first value of a state array
// that is NaN or infinite stops the program with the same message as the runtime device.
inline void _brian_check_finite(const double* values, size_t n, const char* what, int64_t step,
                                int64_t every, double dt) {
  for (size_t k = 0; k < n; k++) {
    const double x = values[k];
    if (std::isfinite(x)) continue;
    char message[1024];
    std::snprintf(message, sizeof message,
                  "%s[%zu] is %s at the end of time step %lld (t = %.15g s; the state is checked every %lld steps)",
                  what, k, std::isnan(x) ? "NaN" : (x > 0 ? "inf" : "-inf"), (long long)step,
                  (double)step * dt, (long long)every);
    _brian_fail("numerical_error", message);
  }
}
