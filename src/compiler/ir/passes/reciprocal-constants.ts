import type { Expr } from '../../1-parse/ast.ts';
import { mapExpr } from '../../1-parse/expr-utils.ts';

/**
 * Division by a float literal becomes multiplication by its reciprocal: `x / 0.005` → `x * 200.0`.
 * A division costs ~3–5× a multiplication in throughput, and COBAHH's exponential-Euler update
 * divides by eight literals per neuron and step.
 *
 * Results: exact when the literal is a power of two (the reciprocal is exact). Otherwise the
 * product can differ from the correctly rounded quotient by 1 ulp — exactly what Brian's own
 * compiled targets compute: Cython and C++ standalone build with `-ffast-math`, under which g++
 * replaces `x / 0.018` by `x * (1/0.018)` (checked with g++ 12 -O3 -ffast-math). Brian's numpy
 * target divides. The reference tests (1e-9 relative) agree either way (bench/README.md).
 *
 * Only literals whose reciprocal is a normal double are used (no 0, ±∞, NaN or subnormals),
 * so no overflow or precision loss beyond that ulp.
 */
export function reciprocalConstants(expr: Expr): Expr {
  return mapExpr(expr, (e) => {
    if (e.kind !== 'Binary' || e.op !== '/' || e.right.kind !== 'Number') return e;
    const c = e.right.value;
    const r = 1 / c;
    if (!isNormal(c) || !isNormal(r)) return e;
    return { ...e, op: '*', right: { kind: 'Number', value: r, isInteger: false, span: e.right.span } };
  });
}

function isNormal(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) >= 2.2250738585072014e-308;
}
