import type { Expr } from '../../1-parse/ast.ts';
import { mapExpr } from '../../1-parse/expr-utils.ts';

/**
 * Constant folding of literal-only float arithmetic: `13 * 0.001` → `0.013`, `-(0.063)` →
 * `-0.063`, `(-0.063) + 0.013` → `-0.05`. Only `+ - * /` on two literals, with a float
 * result (one operand written as a float, or true division), are folded: each is one IEEE-754
 * double operation, correctly rounded, so computing it here gives exactly the double that the
 * generated code would compute at run time on any target (JS, or C++ without `-ffast-math`
 * reassociation, which does not apply to a single operation). Integer arithmetic (Python ints,
 * wrap-around, floor division), `**` and function calls are left alone: their results depend
 * on the target's semantics or library.
 */
export function foldLiterals(expr: Expr): Expr {
  return mapExpr(expr, foldLiteralNode);
}

/** Folds one node whose children are already folded (for use inside other bottom-up rewrites). */
export function foldLiteralNode(e: Expr): Expr {
  if (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Number') {
    return { kind: 'Number', value: -e.operand.value, isInteger: e.operand.isInteger, span: e.span };
  }
  if (e.kind === 'Unary' && e.op === '+' && e.operand.kind === 'Number') return e.operand;
  if (e.kind !== 'Binary' || e.left.kind !== 'Number' || e.right.kind !== 'Number') return e;
  const a = e.left;
  const b = e.right;
  const isFloat = e.op === '/' || !a.isInteger || !b.isInteger;
  if (!isFloat) return e;
  const value = FLOAT_OPS[e.op]?.(a.value, b.value);
  if (value === undefined) return e;
  return { kind: 'Number', value, isInteger: false, span: e.span };
}

const FLOAT_OPS: Partial<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};
