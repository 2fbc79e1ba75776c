import { EXP_CONSTANTS } from '../../../core/math/exp.ts';
import { EXP_TABLE_OFFSET } from './memory-layout.ts';
import { OP, SIMD } from './simd-ops.ts';
import type { VectorCode } from './vector-code.ts';

/**
 * exp() on two lanes, operation for operation as core/math/exp.ts's brianExp (what JavaScript
 * kernels call), so the bits are the same: clamp, reduction by ln2/64, the table entry
 * 2^(j/64) (one scalar load per lane from the memory's table), the degree-5 polynomial, and
 * 2^m as two exact halves. The halves are built from their exponent bits instead of read from
 * brianExp's table of powers: both halves lie in [-539, 512], where the bits are 2^e exactly.
 * Takes the argument from the stack and leaves the result there.
 */
export function emitExp(code: VectorCode): void {
  const { LO, HI, INV_STEP, STEP_HI, STEP_LO, SHIFT } = EXP_CONSTANTS;
  const t = code.temps('exp', 8);
  const [X, XC, KF, K, R, P, M, H] = t;
  const f64 = (a: number, b: number, op: number) => {
    code.get(a);
    code.get(b);
    code.simd(op);
  };
  code.set(X);
  // xc = x < LO ? LO : x > HI ? HI : x (NaN passes through)
  code.constF64(HI);
  code.get(X);
  code.get(X);
  code.constF64(HI);
  code.simd(SIMD.f64x2Gt).simd(SIMD.v128Bitselect).set(XC);
  code.constF64(LO);
  code.get(XC);
  code.get(X);
  code.constF64(LO);
  code.simd(SIMD.f64x2Lt).simd(SIMD.v128Bitselect).set(XC);
  // kf = xc * INV_STEP + SHIFT - SHIFT; k = kf | 0 (NaN → 0, as `| 0`)
  code.get(XC);
  code.constF64(INV_STEP);
  code.simd(SIMD.f64x2Mul);
  code.constF64(SHIFT);
  code.simd(SIMD.f64x2Add);
  code.constF64(SHIFT);
  code.simd(SIMD.f64x2Sub).set(KF);
  code.get(KF).simd(SIMD.i32x4TruncSatF64x2SZero).set(K);
  // r = xc - kf * STEP_HI - kf * STEP_LO
  code.get(XC).get(KF);
  code.constF64(STEP_HI);
  code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).get(KF);
  code.constF64(STEP_LO);
  code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Sub).set(R);
  // p = r + r * r * (0.5 + r * (1/6 + r * (1/24 + r * 1/120)))
  code.get(R);
  f64(R, R, SIMD.f64x2Mul);
  code.constF64(0.5);
  code.get(R);
  code.constF64(0.16666666666666666);
  code.get(R);
  code.constF64(0.041666666666666664);
  code.get(R);
  code.constF64(0.008333333333333333);
  for (const op of [SIMD.f64x2Mul, SIMD.f64x2Add, SIMD.f64x2Mul, SIMD.f64x2Add, SIMD.f64x2Mul, SIMD.f64x2Add])
    code.simd(op);
  code.simd(SIMD.f64x2Mul).simd(SIMD.f64x2Add).set(P);
  // m = k >> 6, h = m >> 1
  code.get(K).i32(6).simd(SIMD.i32x4ShrS).set(M);
  code.get(M).i32(1).simd(SIMD.i32x4ShrS).set(H);
  // t = T[k & 63], one lane at a time; then (t + t * p)
  for (const lane of [0, 1]) {
    code.get(K).simd(SIMD.i32x4ExtractLane);
    code.b.byte(lane);
    code.i32(63);
    code.b.byte(OP.i32And);
    code.i32(3);
    code.b.byte(OP.i32Shl, OP.f64Load);
    code.memarg(3, EXP_TABLE_OFFSET);
    if (lane === 0) code.simd(SIMD.f64x2Splat);
    else {
      code.simd(SIMD.f64x2ReplaceLane);
      code.b.byte(1);
    }
  }
  code.set(X); // t (x is no longer needed)
  code.get(X);
  f64(X, P, SIMD.f64x2Mul);
  code.simd(SIMD.f64x2Add);
  // · 2^(m - h) · 2^h
  code.get(M).get(H).simd(SIMD.i32x4Sub);
  powerOfTwo(code);
  code.simd(SIMD.f64x2Mul);
  code.get(H);
  powerOfTwo(code);
  code.simd(SIMD.f64x2Mul);
}

/** i32 lanes 0 and 1 (exponents in the normal range) → f64x2 of 2^e: the bits (e + 1023) << 52. */
function powerOfTwo(code: VectorCode): void {
  code.simd(SIMD.i64x2ExtendLowI32x4S);
  code.constBytes([0xff, 0x03, 0, 0, 0, 0, 0, 0, 0xff, 0x03, 0, 0, 0, 0, 0, 0]);
  code.simd(SIMD.i64x2Add).i32(52).simd(SIMD.i64x2Shl);
}
