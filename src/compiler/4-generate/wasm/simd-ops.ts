/**
 * Opcodes of the instructions the SIMD kernels emit: core instructions are one byte, SIMD ones
 * are the prefix 0xfd followed by a LEB128 number (final numbering of the SIMD proposal, as
 * shipped in V8 9.1, Node 16.4, every current browser).
 */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  br_if: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Shl: 0x74,
  i32And: 0x71,
  f64Load: 0x2b,
  i32Store: 0x36,
  f64Store: 0x39,
  i32Store8: 0x3a,
} as const;

export const SIMD = {
  v128Load: 0x00,
  load8Splat: 0x07,
  load16Splat: 0x08,
  load64Splat: 0x0a,
  v128Store: 0x0b,
  v128Const: 0x0c,
  i8x16Shuffle: 0x0d,
  f64x2Splat: 0x14,
  i32x4ExtractLane: 0x1b,
  f64x2ReplaceLane: 0x22,
  i8x16Eq: 0x23,
  f64x2Eq: 0x47,
  f64x2Ne: 0x48,
  f64x2Lt: 0x49,
  f64x2Gt: 0x4a,
  f64x2Le: 0x4b,
  f64x2Ge: 0x4c,
  v128Not: 0x4d,
  v128And: 0x4e,
  v128Or: 0x50,
  v128Xor: 0x51,
  v128Bitselect: 0x52,
  v128AnyTrue: 0x53,
  store16Lane: 0x59,
  i32x4ShrS: 0xac,
  i32x4Sub: 0xb1,
  i64x2ExtendLowI32x4S: 0xc7,
  i64x2Shl: 0xcb,
  i64x2Add: 0xce,
  i32x4TruncSatF64x2SZero: 0xfc,
  f64x2Ceil: 0x74,
  f64x2Floor: 0x75,
  f64x2Trunc: 0x7a,
  f64x2Abs: 0xec,
  f64x2Neg: 0xed,
  f64x2Sqrt: 0xef,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
} as const;

/** IR operations and the f64x2 instruction each maps to, exactly (IEEE, no contraction). */
export const ARITHMETIC: Readonly<Record<string, number>> = {
  '+': SIMD.f64x2Add,
  '-': SIMD.f64x2Sub,
  '*': SIMD.f64x2Mul,
  '/': SIMD.f64x2Div,
};

export const COMPARE: Readonly<Record<string, number>> = {
  '==': SIMD.f64x2Eq,
  '!=': SIMD.f64x2Ne,
  '<': SIMD.f64x2Lt,
  '>': SIMD.f64x2Gt,
  '<=': SIMD.f64x2Le,
  '>=': SIMD.f64x2Ge,
};

/** Functions by their JavaScript implementation (FunctionDef.js), so the two targets agree by construction. */
export const MATH: Readonly<Record<string, number>> = {
  'Math.sqrt': SIMD.f64x2Sqrt,
  'Math.abs': SIMD.f64x2Abs,
  'Math.floor': SIMD.f64x2Floor,
  'Math.ceil': SIMD.f64x2Ceil,
};
