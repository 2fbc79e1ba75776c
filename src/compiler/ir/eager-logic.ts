import type { Expr, Logical } from '../1-parse/ast.ts';
import { walk } from '../1-parse/expr-utils.ts';
import type { FunctionDef } from '../functions.ts';
import { passEnabled } from './passes/pass-switches.ts';

/**
 * Whether `a and b` / `a or b` may be printed with both operands always evaluated (`&`, `|`)
 * instead of short-circuit (`&&`, `||`). Both must be free of side effects and cheap: only
 * arithmetic (no `//` or `%`), comparisons, `_select` and functions marked `cheap`.
 *
 * Why: a short-circuit operator is a branch whose result is a phi of several values. In a
 * per-element loop the JIT keeps that as control flow, and a rarely taken side (the exact
 * refractoriness test near the end of the refractory period, see bound-timestep-comparisons.ts)
 * cost CUBA's state update 1.5 ns per neuron-step (3.0 → 1.8 ns, bench/README.md). The eager
 * form is straight-line code. Results are the same: the operands are booleans and
 * evaluating the other one has no effect.
 */
export function evaluateEagerly(expr: Logical, functions: ReadonlyMap<string, FunctionDef>): boolean {
  return passEnabled('eager-logic') && isCheap(expr.left, functions) && isCheap(expr.right, functions);
}

function isCheap(expr: Expr, functions: ReadonlyMap<string, FunctionDef>): boolean {
  let cheap = true;
  walk(expr, (node) => {
    // Integer `//` and `%` by zero are undefined behaviour in C++: keep them behind their guard.
    if (node.kind === 'Binary' && (node.op === '//' || node.op === '%')) cheap = false;
    if (node.kind !== 'Call' || node.callee === '_select') return;
    if (functions.get(node.callee)?.cheap !== true) cheap = false;
  });
  return cheap;
}

/** The operator that prints `expr` in JavaScript or C++ (the same symbols in both). */
export function logicalOperator(expr: Logical, functions: ReadonlyMap<string, FunctionDef>): string {
  const eager = evaluateEagerly(expr, functions);
  if (expr.op === 'and') return eager ? '&' : '&&';
  return eager ? '|' : '||';
}
