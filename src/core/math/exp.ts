/**
 * exp(x) as every brian-ts kernel computes it, in JavaScript and (generated from the same
 * tables, in the same operation order, without fused multiply-add) in C++, so both devices give
 * the same bits. Table-driven, after Tang (1989): x = (64m + j)·ln2/64 + r with |r| ≤ ln2/128,
 * exp(x) = 2^m · 2^(j/64) · (1 + p(r)), p a degree-5 Taylor polynomial (truncation < 2^-54).
 * Every step is an IEEE operation in a fixed order: no pow, no libm.
 *
 * Why not Math.exp: V8 calls out to its C implementation, ~7 ns per call in a kernel loop, and
 * COBAHH's state update makes ten calls per neuron and step. This inlines into the loop at
 * ~2.9 ns (bench/README.md, "Improvements"), and C++ compilers can vectorise it (libm's exp is
 * a call they cannot).
 *
 * Accuracy: within 1.3 ulp of the correctly rounded result over the normal range (Math.exp and
 * glibc: < 1 ulp; Brian's -ffast-math builds use glibc's vector exp, < 4 ulp), subnormal
 * results rounded once; ±∞ and NaN propagate.
 */

/** 2^(j/64), j = 0…63, correctly rounded (Python `decimal`, 50 digits). */
export const EXP2_FRACTIONS: readonly number[] = [
  1.0,
  1.0108892860517005,
  1.0218971486541166,
  1.0330248790212284,
  1.0442737824274138,
  1.0556451783605572,
  1.0671404006768237,
  1.0787607977571199,
  1.0905077326652577,
  1.102382583307841,
  1.1143867425958924,
  1.1265216186082418,
  1.1387886347566916,
  1.1511892299529827,
  1.1637248587775775,
  1.1763969916502812,
  1.189207115002721,
  1.202156731452703,
  1.215247359980469,
  1.22848053610687,
  1.241857812073484,
  1.255380757024691,
  1.2690509571917332,
  1.2828700160787783,
  1.2968395546510096,
  1.3109612115247644,
  1.3252366431597413,
  1.339667524053303,
  1.3542555469368927,
  1.3690024229745905,
  1.383909881963832,
  1.3989796725383112,
  Math.SQRT2,
  1.42961333839197,
  1.4451808069770467,
  1.460917794180647,
  1.4768261459394993,
  1.4929077282912648,
  1.5091644275934228,
  1.5255981507445384,
  1.5422108254079407,
  1.559004400237837,
  1.5759808451078865,
  1.593142151342267,
  1.6104903319492543,
  1.6280274218573478,
  1.645755478153965,
  1.6636765803267364,
  1.681792830507429,
  1.7001063537185235,
  1.718619298122478,
  1.7373338352737062,
  1.7562521603732995,
  1.7753764925265212,
  1.7947090750031072,
  1.8142521755003989,
  1.8340080864093424,
  1.8539791250833855,
  1.8741676341103,
  1.8945759815869656,
  1.9152065613971474,
  1.9360617934922943,
  1.9571441241754002,
  1.978456026387951,
];

/** Offset of 2^0 in EXP2_POWERS; the table holds 2^(k − offset), 0 below 2^-1074, ∞ above 2^1023. */
export const EXP2_POWERS_OFFSET = 1100;
const EXP2_POWERS_SIZE = 2200;

/** 2^e by exact doublings and halvings (no pow, whose last bit may vary between libraries). */
function powersOfTwo(): Float64Array {
  const table = new Float64Array(EXP2_POWERS_SIZE);
  table[EXP2_POWERS_OFFSET] = 1;
  for (let k = EXP2_POWERS_OFFSET + 1; k < EXP2_POWERS_SIZE; k++) table[k] = table[k - 1] * 2;
  for (let k = EXP2_POWERS_OFFSET - 1; k >= 0; k--) table[k] = table[k + 1] * 0.5;
  return table;
}

export const EXP2_POWERS: Float64Array = powersOfTwo();

/** The constants of the reduction, shared with the C++ header (write-project.ts). */
export const EXP_CONSTANTS = {
  /** Inputs are clamped to [LO, HI] first: beyond, the result is 0 or ∞ anyway. */
  LO: -746,
  HI: 710,
  /** 64/ln 2. */
  INV_STEP: 92.33248261689366,
  /** ln2/64 split: STEP_HI has trailing zero bits, so k·STEP_HI is exact for |k| < 2^17. */
  STEP_HI: 0.01083042469326756,
  STEP_LO: 2.9815858269852933e-12,
  /** 1.5·2^52: adding and subtracting it rounds to the nearest integer (ties to even). */
  SHIFT: 6755399441055744,
} as const;

const T = new Float64Array(EXP2_FRACTIONS);
const P = EXP2_POWERS;
const { LO, HI, INV_STEP, STEP_HI, STEP_LO, SHIFT } = EXP_CONSTANTS;

export function brianExp(x: number): number {
  // Not Math.min/max: the ternaries keep NaN and are cheaper in a loop.
  // biome-ignore lint/complexity/useMathMinMax: see above
  const xc = x < LO ? LO : x > HI ? HI : x;
  const kf = xc * INV_STEP + SHIFT - SHIFT;
  const k = kf | 0;
  const r = xc - kf * STEP_HI - kf * STEP_LO;
  const t = T[k & 63];
  const p =
    r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664 + r * 0.008333333333333333)));
  // 2^m in two exact halves: 2^1024 (x just below ln(MAX_VALUE)) and subnormal results need it,
  // and the second product is then the only rounding.
  const m = k >> 6;
  const h = m >> 1;
  return (t + t * p) * P[m - h + EXP2_POWERS_OFFSET] * P[h + EXP2_POWERS_OFFSET];
}
