import type { Expr } from '../../1-parse/ast.ts';
import { identifiers, mapExpr } from '../../1-parse/expr-utils.ts';
import type { ScalarType } from '../../functions.ts';
import type { IRStatement } from '../kernel.ts';
import { foldConstants } from './fold-constants.ts';

/**
 * Brian's boolean simplification (codegen/optimisation.py): a statement whose value depends on a
 * per-element boolean (typically `int(not_refractory)` from `(unless refractory)`) is computed
 * for each value of that boolean and selected with `_select(b, ifTrue, ifFalse)`, so that each
 * branch simplifies and most of it becomes loop-invariant for the hoisting pass.
 */
export function specializeBooleans(
  statements: readonly IRStatement[],
  types: ReadonlyMap<string, ScalarType>,
  isPerElement: (name: string) => boolean,
): IRStatement[] {
  return statements.map((s) => {
    if (s.type === 'boolean') return s;
    const bools = [...identifiers(s.value)]
      .filter((n) => types.get(n) === 'boolean' && isPerElement(n))
      .sort();
    if (bools.length === 0 || bools.length > 2 || !hasCall(s.value)) return s;
    return { ...s, value: specialize(s.value, bools) };
  });
}

function specialize(expr: Expr, bools: readonly string[]): Expr {
  if (bools.length === 0) return foldConstants(expr);
  const [b, ...rest] = bools;
  const withValue = (value: boolean) =>
    specialize(
      mapExpr(expr, (e) => (e.kind === 'Name' && e.name === b ? { kind: 'Bool', value, span: e.span } : e)),
      rest,
    );
  const span = expr.span;
  return {
    kind: 'Call',
    callee: '_select',
    calleeSpan: span,
    args: [{ kind: 'Name', name: b, span }, withValue(true), withValue(false)],
    keywords: [],
    span,
  };
}

function hasCall(expr: Expr): boolean {
  let found = false;
  mapExpr(expr, (e) => {
    if (e.kind === 'Call') found = true;
    return e;
  });
  return found;
}
