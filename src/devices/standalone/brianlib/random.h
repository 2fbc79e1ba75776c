// The random numbers of brian-ts, line for line src/core/random/ (threefry.ts, site-draws.ts,
// draw-state.ts): counter-based, so a number depends only on (seed, epoch, kernel, time step or
// call, call site, element, draw), not on the order, thread or MPI process that draws it.
// Threefry-2x32-20 (Random123) as the block function; rand() with 53 random bits; randn() by the
// ziggurat method (tables in math_tables.h, printed from ziggurat.ts) and poisson() by inversion
// (lambda < 10) or PTRS, with brian-ts's own exp and log (brian_math.h), so every device draws
// the same bits.
#pragma once
#include <cmath>
#include <cstdint>

#include "brian_math.h"

namespace brian {

// Threefry-2x32 with 20 rounds: (o0, o1) = the encryption of counter (c0, c1) under key (k0, k1).
inline void threefry2x32(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t& o0, uint32_t& o1) {
  const uint32_t k2 = 0x1bd11bdau ^ k0 ^ k1;
  uint32_t x0 = c0 + k0, x1 = c1 + k1;
#define BRIAN_TF_ROUND(r)             \
  x0 += x1;                           \
  x1 = (x1 << (r)) | (x1 >> (32 - (r))); \
  x1 ^= x0;
  BRIAN_TF_ROUND(13) BRIAN_TF_ROUND(15) BRIAN_TF_ROUND(26) BRIAN_TF_ROUND(6)
  x0 += k1; x1 += k2 + 1u;
  BRIAN_TF_ROUND(17) BRIAN_TF_ROUND(29) BRIAN_TF_ROUND(16) BRIAN_TF_ROUND(24)
  x0 += k2; x1 += k0 + 2u;
  BRIAN_TF_ROUND(13) BRIAN_TF_ROUND(15) BRIAN_TF_ROUND(26) BRIAN_TF_ROUND(6)
  x0 += k0; x1 += k1 + 3u;
  BRIAN_TF_ROUND(17) BRIAN_TF_ROUND(29) BRIAN_TF_ROUND(16) BRIAN_TF_ROUND(24)
  x0 += k1; x1 += k2 + 4u;
  BRIAN_TF_ROUND(13) BRIAN_TF_ROUND(15) BRIAN_TF_ROUND(26) BRIAN_TF_ROUND(6)
  o0 = x0 + k2;
  o1 = x1 + k0 + 5u;
#undef BRIAN_TF_ROUND
}

// What a kernel invocation's key is made of besides the kernel and the time step (DrawState):
// the seed, the epoch, and for one-off calls (setters, connect) the call's number.
struct DrawContext {
  uint32_t seed_lo = 5489u, seed_hi = 0u;
  uint32_t epoch = 0;
  bool once = false;
  uint64_t call = 0;

  // The layout the runtime device passes to compiled kernels: six doubles.
  static DrawContext from_doubles(const double* s) {
    DrawContext c;
    c.seed_lo = (uint32_t)s[0];
    c.seed_hi = (uint32_t)s[1];
    c.epoch = (uint32_t)s[2];
    c.once = s[3] != 0;
    c.call = (uint64_t)s[4];
    return c;
  }

  // The key of one invocation of kernel `object` at time step `timestep` (draw-state.ts's invocationKey).
  void invocation(uint32_t object, int64_t timestep, uint32_t key[2]) const {
    const uint64_t time = once ? call : (uint64_t)timestep;
    uint32_t a0, a1;
    threefry2x32(seed_lo, seed_hi, object, epoch, a0, a1);
    const uint32_t hi = (uint32_t)(time >> 32) | (once ? 0x80000000u : 0u);
    threefry2x32(a0, a1, (uint32_t)time, hi, key[0], key[1]);
  }
};

// A call site's key within an invocation.
struct SiteKey {
  uint32_t k0, k1;
  SiteKey(const uint32_t invocation[2], uint32_t site) { threefry2x32(invocation[0], invocation[1], site, 0u, k0, k1); }
};

// log Γ(x) for x ≥ 1 (Stirling series with numpy's coefficients), as poisson-constants.ts.
inline double log_gamma(double x) {
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
  double gl0 = coeffs[9];
  for (int k = 8; k >= 0; k--) gl0 = gl0 * x2 + coeffs[k];
  double gl = gl0 / x0 + 0.5 * _brian_log(2 * M_PI) + (x0 - 0.5) * _brian_log(x0) - x0;
  if (x <= 7) {
    for (int k = 1; k <= n; k++) {
      gl -= _brian_log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

// The draws of one call site for one element (site-draws.ts): the d-th number is
// Threefry(site key, (element, d)). A local of the element's loop body, so threads never share one.
struct SiteDraws {
  uint32_t k0, k1, e, d = 0;
  SiteDraws(const SiteKey& key, uint32_t element) : k0(key.k0), k1(key.k1), e(element) {}

  double rand() {
    uint32_t o0, o1;
    threefry2x32(k0, k1, e, d, o0, o1);
    d++;
    return ((double)(o0 >> 5) * 67108864.0 + (double)(o1 >> 6)) / 9007199254740992.0;
  }

  double randn() {
    for (;;) {
      uint32_t o0, o1;
      threefry2x32(k0, k1, e, d, o0, o1);
      d++;
      const uint32_t i = o0 & 255u;
      const double u = ((double)(o0 >> 11) * 4294967296.0 + (double)o1) / 9007199254740992.0;
      const double x = u * _brian_ziggurat_x[i];
      const bool negative = (o0 & 256u) != 0;
      if (x < _brian_ziggurat_x[i + 1]) return negative ? -x : x;
      if (i == 0) {
        double xt, y;
        do {
          xt = -_brian_log(1 - rand()) / _BRIAN_ZIGGURAT_R;
          y = -_brian_log(1 - rand());
        } while (y + y < xt * xt);
        return negative ? -(_BRIAN_ZIGGURAT_R + xt) : _BRIAN_ZIGGURAT_R + xt;
      }
      const double f = _brian_ziggurat_f[i + 1] + rand() * (_brian_ziggurat_f[i] - _brian_ziggurat_f[i + 1]);
      if (f < _brian_exp(-0.5 * x * x)) return negative ? -x : x;
    }
  }

  int32_t poisson(double lambda) {
    if (!(lambda > 0)) return 0;
    if (lambda < 10) {
      const double enlam = _brian_exp(-lambda);
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

  int32_t poisson_ptrs(double lam) {
    const double slam = std::sqrt(lam);
    const double loglam = _brian_log(lam);
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
      if (_brian_log(V) + _brian_log(invalpha) - _brian_log(a / (us * us) + b) <=
          -lam + k * loglam - log_gamma(k + 1)) {
        return (int32_t)k;
      }
    }
  }
};

// The program's draw context: seed() sets the seed, each one-off call and run its epoch and call.
extern DrawContext _draws;

// A random seed for a program whose script did not call seed().
void seed_randomly(DrawContext& draws);

}  // namespace brian
