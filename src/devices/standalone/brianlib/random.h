// The random number generator of brian-ts, line for line the algorithm of src/core/random.ts:
// xoshiro128** on 32-bit words seeded through splitmix32, rand() with 53 random bits, randn() by
// Marsaglia's polar method (second value cached), poisson() by inversion (lambda < 10) or PTRS.
// One seed gives the same stream of uniform numbers as the JavaScript runtime.
#pragma once
#include <cmath>
#include <cstdint>

namespace brian {

class Random {
 public:
  Random() { seed(5489u, 0u); }

  // The seed as JavaScript sees it: low 32 bits and the next 32 bits of the number.
  void seed(uint32_t lo, uint32_t hi) {
    uint32_t x = lo;
    auto next = [&]() -> uint32_t {
      x = x + 0x9e3779b9u;
      uint32_t z = x ^ hi;
      hi = (hi ^ (hi >> 15)) * 0x2c1b3c6du;
      z = (z ^ (z >> 16)) * 0x85ebca6bu;
      z = (z ^ (z >> 13)) * 0xc2b2ae35u;
      return z ^ (z >> 16);
    };
    s0 = next();
    s1 = next();
    s2 = next();
    s3 = next();
    if ((s0 | s1 | s2 | s3) == 0) s0 = 1;
    has_cached_normal = false;
    cached_normal = 0;
  }

  uint32_t next_uint32() {
    const uint32_t result = rotl(s1 * 5u, 7) * 9u;
    const uint32_t t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  }

  double rand() {
    const uint32_t a = next_uint32() >> 5;  // 27 bits
    const uint32_t b = next_uint32() >> 6;  // 26 bits
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
  }

  double randn() {
    if (has_cached_normal) {
      has_cached_normal = false;
      return cached_normal;
    }
    double x, y, r2;
    do {
      x = 2 * rand() - 1;
      y = 2 * rand() - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1 || r2 == 0);
    const double f = std::sqrt((-2 * std::log(r2)) / r2);
    cached_normal = y * f;
    has_cached_normal = true;
    return x * f;
  }

  int32_t poisson(double lambda) {
    if (!(lambda > 0)) return 0;
    if (lambda < 10) {
      const double enlam = std::exp(-lambda);
      int32_t k = 0;
      double prod = 1;
      for (;;) {
        prod *= rand();
        if (prod > enlam)
          k++;
        else
          return k;
      }
    }
    return poisson_ptrs(lambda);
  }

  // The whole state (for store/restore): four words, the cache flag and the cached value.
  void get_state(double* out) const {
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    out[4] = has_cached_normal ? 1 : 0;
    out[5] = cached_normal;
  }
  void set_state(const double* in) {
    s0 = (uint32_t)in[0];
    s1 = (uint32_t)in[1];
    s2 = (uint32_t)in[2];
    s3 = (uint32_t)in[3];
    has_cached_normal = in[4] == 1;
    cached_normal = in[5];
  }

 private:
  uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  bool has_cached_normal = false;
  double cached_normal = 0;

  static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

  int32_t poisson_ptrs(double lam) {
    const double slam = std::sqrt(lam);
    const double loglam = std::log(lam);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const double U = rand() - 0.5;
      const double V = rand();
      const double us = 0.5 - std::fabs(U);
      const double k = std::floor(((2 * a) / us + b) * U + lam + 0.43);
      if (us >= 0.07 && V <= vr) return (int32_t)k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (std::log(V) + std::log(invalpha) - std::log(a / (us * us) + b) <= -lam + k * loglam - log_gamma(k + 1)) {
        return (int32_t)k;
      }
    }
  }

  // log Γ(x) for x ≥ 1 (Stirling series with the numpy coefficients), as in random.ts.
  static double log_gamma(double x) {
    static const double coeffs[10] = {8.333333333333333e-2,  -2.777777777777778e-3, 7.936507936507937e-4,
                                      -5.952380952380952e-4, 8.417508417508418e-4,  -1.917526917526918e-3,
                                      6.41025641025641e-3,   -2.955065359477124e-2, 1.796443723688307e-1,
                                      -1.3924322169059};
    if (x == 1 || x == 2) return 0;
    double x0 = x;
    double n = 0;
    if (x <= 7) {
      n = std::floor(7 - x);
      x0 = x + n;
    }
    const double x2 = 1 / (x0 * x0);
    const double xp = 2 * M_PI;
    double gl0 = coeffs[9];
    for (int k = 8; k >= 0; k--) gl0 = gl0 * x2 + coeffs[k];
    double gl = gl0 / x0 + 0.5 * std::log(xp) + (x0 - 0.5) * std::log(x0) - x0;
    if (x <= 7) {
      for (int k = 1; k <= n; k++) {
        gl -= std::log(x0 - 1);
        x0 -= 1;
      }
    }
    return gl;
  }
};

}  // namespace brian
