/**
 * The smallest double `x` with `x / d >= m` (IEEE division, rounded to nearest), for `d > 0`.
 *
 * Why: refractoriness asks `timestep(t - lastspike, dt) >= n` for every neuron and step, a
 * division per element that bound CUBA's state update (2 ns per neuron-step, most of it the
 * divider). For `d > 0` the rounded quotient is monotone in `x`, so the set of `x` that pass is
 * `[T, ∞)` and the test is exactly `x >= T`, with T computed once per kernel call
 * (compiler/ir/passes/bound-timestep-comparisons.ts). NaN passes neither test.
 *
 * T is found from `m·d`, which lies within an ulp or two of it, by stepping one double at a
 * time; when that product over- or underflows, by bisection over the ordered doubles. The
 * C++ twin is `_brian_quotient_threshold` (brianlib/functions.h); T is unique, so both give
 * the same bits. Results are remembered: a kernel asks again at every step.
 */
export function quotientThreshold(m: number, d: number): number {
  let byDivisor = known.get(m);
  if (byDivisor === undefined) {
    if (known.size > 64) known.clear();
    byDivisor = new Map();
    known.set(m, byDivisor);
  }
  let threshold = byDivisor.get(d);
  if (threshold === undefined) {
    threshold = compute(m, d);
    byDivisor.set(d, threshold);
  }
  return threshold;
}

const known = new Map<number, Map<number, number>>();

function compute(m: number, d: number): number {
  if (Number.isNaN(m) || !(d > 0)) return Number.NaN;
  const passes = (x: number) => x / d >= m;
  let x = m * d;
  if (Number.isFinite(x)) {
    for (let k = 0; k < 4 && !passes(x); k++) x = nextUp(x);
    if (passes(x)) {
      for (let k = 0; k < 4; k++) {
        const below = nextDown(x);
        if (!passes(below)) return x;
        x = below;
      }
    }
  }
  return bisect(passes);
}

/** The first double (in order, -∞ … +∞) that passes a monotone test; +∞ passes whenever m is not NaN. */
function bisect(passes: (x: number) => boolean): number {
  if (passes(Number.NEGATIVE_INFINITY)) return Number.NEGATIVE_INFINITY;
  let lo = orderKey(Number.NEGATIVE_INFINITY);
  let hi = orderKey(Number.POSITIVE_INFINITY);
  while (hi - lo > 1n) {
    const mid = lo + (hi - lo) / 2n;
    if (passes(fromOrderKey(mid))) hi = mid;
    else lo = mid;
  }
  return fromOrderKey(hi);
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const SIGN = 1n << 63n;
const ALL = (1n << 64n) - 1n;

/** An unsigned key that orders doubles as numbers (negative ones flipped, positive ones above). */
function orderKey(x: number): bigint {
  f64[0] = x;
  const bits = u64[0];
  return bits & SIGN ? ALL ^ bits : bits | SIGN;
}

function fromOrderKey(key: bigint): number {
  u64[0] = key & SIGN ? key ^ SIGN : ALL ^ key;
  return f64[0];
}

function nextUp(x: number): number {
  return x === Number.POSITIVE_INFINITY ? x : fromOrderKey(orderKey(x === 0 ? 0 : x) + 1n);
}

function nextDown(x: number): number {
  return x === Number.NEGATIVE_INFINITY ? x : fromOrderKey(orderKey(x === 0 ? -0 : x) - 1n);
}
