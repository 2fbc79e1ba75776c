/**
 * Numeric coefficients of the small CAS: exact rationals (from integer literals, as sympy's
 * Integer/Rational) or floats (from float literals, as sympy's Float). Keeping integer arithmetic
 * exact makes `k_1/6 + k_2/3` come out as written instead of as `0.16666…*k_1`, and keeps the
 * Python meaning of literals: an integer stays an integer unless a float takes part.
 *
 * A rational whose numerator or denominator leaves the safe-integer range becomes a float.
 */
export type Coef =
  | { readonly kind: 'rat'; readonly p: number; readonly q: number }
  | { readonly kind: 'float'; readonly v: number };

export const ZERO: Coef = { kind: 'rat', p: 0, q: 1 };
export const ONE: Coef = { kind: 'rat', p: 1, q: 1 };
export const MINUS_ONE: Coef = { kind: 'rat', p: -1, q: 1 };

export function float(v: number): Coef {
  return { kind: 'float', v };
}

export function int(n: number): Coef {
  return Number.isSafeInteger(n) ? { kind: 'rat', p: n, q: 1 } : float(n);
}

export function rat(p: number, q: number): Coef {
  if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q) || q === 0) return float(p / q);
  if (q < 0) {
    p = -p;
    q = -q;
  }
  const g = gcd(Math.abs(p), q);
  return { kind: 'rat', p: p / g, q: q / g };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export function value(c: Coef): number {
  return c.kind === 'rat' ? c.p / c.q : c.v;
}

export function isZero(c: Coef): boolean {
  return value(c) === 0;
}

export function isOne(c: Coef): boolean {
  return value(c) === 1;
}

/** An exact integer (not a float that happens to be integral). */
export function isInteger(c: Coef): boolean {
  return c.kind === 'rat' && c.q === 1;
}

export function isNegative(c: Coef): boolean {
  return value(c) < 0;
}

export function add(a: Coef, b: Coef): Coef {
  if (a.kind === 'rat' && b.kind === 'rat') return rat(a.p * b.q + b.p * a.q, a.q * b.q);
  return float(value(a) + value(b));
}

export function mul(a: Coef, b: Coef): Coef {
  if (a.kind === 'rat' && b.kind === 'rat') return rat(a.p * b.p, a.q * b.q);
  return float(value(a) * value(b));
}

export function neg(a: Coef): Coef {
  return a.kind === 'rat' ? { kind: 'rat', p: -a.p, q: a.q } : float(-a.v);
}

export function abs(a: Coef): Coef {
  return isNegative(a) ? neg(a) : a;
}

/** `1/a`; undefined for an exact zero (left unevaluated, as sympy's `zoo` would not help). */
export function inv(a: Coef): Coef | undefined {
  if (a.kind === 'rat') return a.p === 0 ? undefined : rat(a.q, a.p);
  return a.v === 0 ? undefined : float(1 / a.v);
}

/**
 * `a**b` when the result is a real number; undefined when it is not (negative base with a
 * fractional exponent, zero to a negative power), so the power stays symbolic.
 * An exact base to an exact integer power stays exact; otherwise the result is a float
 * (Python: `4**(1/2)` is `2.0`, because `1/2` is already the float 0.5).
 */
export function pow(a: Coef, b: Coef): Coef | undefined {
  const base = value(a);
  const exp = value(b);
  if (base === 0 && exp < 0) return undefined;
  if (base < 0 && !Number.isInteger(exp)) return undefined;
  if (a.kind === 'rat' && b.kind === 'rat' && b.q === 1 && Math.abs(b.p) <= 64) {
    const n = Math.abs(b.p);
    const p = a.p ** n;
    const q = a.q ** n;
    if (Number.isSafeInteger(p) && Number.isSafeInteger(q)) return b.p >= 0 ? rat(p, q) : rat(q, p);
  }
  return float(base ** exp);
}

/** A stable text for keys and debugging: `3`, `-1/6`, `0.5f`. */
export function key(c: Coef): string {
  if (c.kind === 'rat') return c.q === 1 ? String(c.p) : `${c.p}/${c.q}`;
  return `${c.v}f`;
}
