import type { Expr } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';
import { toExpr, toNode } from './convert.ts';

/**
 * Simplifies without changing what an expression computes: constant folding (`2*3` → `6`,
 * `exp(0)` → `1.0`), the identities of 0 and 1, collecting numeric factors and like terms
 * (`2*x*3 + x` → `7*x`), combining powers (`tau*tau**-1` → `1`). Integer literals stay integers
 * and `/` stays true division; nothing is expanded. The result carries `span` (default: the
 * span of `expr`) on every new node.
 */
export function simplify(expr: Expr, span: Span = expr.span): Expr {
  return toExpr(toNode(expr), span);
}
