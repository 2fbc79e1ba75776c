import type { Expr } from '../../1-parse/ast.ts';
import { identifiers, mapExpr, walk } from '../../1-parse/expr-utils.ts';
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

/**
 * After specialisation, `let _v = _select(b, A, B)` followed by `set v = _select(b, _v, v)`
 * (the lowering of `(unless refractory)`) computes B only to throw it away: where a local is
 * read only as one arm of selects on the same, unchanged boolean, it keeps only that arm's
 * value. The element loop then has one branch on `b` instead of two (CUBA's state update).
 */
export function narrowSelectedLocals(
  statements: readonly IRStatement[],
  isStored: (name: string) => boolean,
  /** Whether dropping the other arm changes nothing else (no random draws: pure). */
  isDroppable: (e: Expr) => boolean,
): IRStatement[] {
  const out = [...statements];
  out.forEach((s, k) => {
    if (s.kind !== 'let' || isStored(s.name)) return;
    const select = asSelect(s.value);
    if (select?.condition.kind !== 'Name') return;
    const condition = select.condition.name;
    const later = out.slice(k + 1);
    const assignedBetween = (upTo: number) => later.slice(0, upTo).some((t) => t.name === condition);
    let arm: 1 | 2 | undefined;
    let consistent = true;
    later.forEach((t, j) => {
      walkReads(t.value, s.name, (use) => {
        const which = !use
          ? undefined
          : use.args[1] === use.read
            ? 1
            : use.args[2] === use.read
              ? 2
              : undefined;
        if (
          !use ||
          which === undefined ||
          use.condition.kind !== 'Name' ||
          use.condition.name !== condition ||
          assignedBetween(j) ||
          (arm !== undefined && arm !== which)
        ) {
          consistent = false;
          return;
        }
        arm = which;
      });
      if (t.name === s.name) consistent = false;
    });
    if (consistent && arm !== undefined && isDroppable(select.args[arm === 1 ? 2 : 1])) {
      out[k] = { ...s, value: select.args[arm] };
    }
  });
  return out;
}

interface SelectUse {
  readonly condition: Expr;
  readonly args: readonly Expr[];
  readonly read?: Expr;
}

function asSelect(e: Expr): SelectUse | undefined {
  if (e.kind !== 'Call' || e.callee !== '_select' || e.args.length !== 3) return undefined;
  return { condition: e.args[0], args: e.args };
}

/** Calls `found(parentSelect)` for each read of `name` in `expr`, with the select whose arm it is (if any). */
function walkReads(
  expr: Expr,
  name: string,
  found: (use: (SelectUse & { read: Expr }) | undefined) => void,
): void {
  walk(expr, (node, parent) => {
    if (node.kind !== 'Name' || node.name !== name) return;
    const select = parent && asSelect(parent);
    found(select && select.condition !== node ? { ...select, read: node } : undefined);
  });
}
