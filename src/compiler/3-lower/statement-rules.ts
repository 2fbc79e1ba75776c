import type { ArrayVariable } from '../../core/variables.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { AssignOp, Expr, Statement } from '../1-parse/ast.ts';
import { exprToString, walk } from '../1-parse/expr-utils.ts';
import type { Resolved, Scope } from '../2-analyze/scope.ts';
import { checkRepeatedStatefulCalls } from '../2-analyze/stateful-calls.ts';
import type { ScalarType } from '../functions.ts';

/**
 * What Brian's `make_statements` checks and rewrites about one assignment statement, apart from
 * the block it is lowered into: the shared-variable write rules, the dimensions of both sides,
 * and the expansion of an augmented assignment (`v += x` → `v = v + x`).
 */

/** Where a write to a shared variable stands in its block. */
export interface SharedWriteContext {
  /** Whether the kernel may write shared variables at all (run_regularly and setters may). */
  readonly allowed: boolean;
  /** Whether a per-element variable was already written earlier in the block. */
  readonly afterVectorWrite: boolean;
}

/** Brian's rules for a statement writing a shared variable from vector code (codegen/translation.py). */
export function checkSharedWrite(
  stmt: Statement,
  value: Expr,
  scope: Scope,
  context: SharedWriteContext,
): void {
  const refuse = (message: string, span = stmt.targetSpan) => {
    throw new BrianError('shared_write_in_vector_code', message, { span });
  };
  if (!context.allowed) {
    refuse(`Writing to the shared variable "${stmt.target}" is not allowed in this context.`);
  }
  if (context.afterVectorWrite) {
    refuse(
      `All writes to shared variables in a code block have to come before writes to per-element variables; "${stmt.target}" is written after.`,
    );
  }
  const vector = vectorReference(value, scope);
  if (vector) {
    refuse(
      `Cannot write to the shared variable "${stmt.target}" with an expression referring to the per-element variable "${vector.name}".`,
      vector.span,
    );
  }
}

/** The first name in `expr` (or in the subexpressions it uses) with one value per element, if any. */
function vectorReference(expr: Expr, scope: Scope): Extract<Expr, { kind: 'Name' }> | undefined {
  let found: Extract<Expr, { kind: 'Name' }> | undefined;
  walk(expr, (node) => {
    if (found || node.kind !== 'Name') return;
    const r = scope.lookup(node.name, node.span);
    if (r?.kind !== 'variable') return;
    const v = r.variable;
    if (v.kind === 'constant' || r.index.kind === 'shared') return;
    if (v.kind === 'subexpression') {
      if (!v.shared && vectorReference(v.expr, r.scope)) found = node;
      return;
    }
    if (!v.shared) found = node;
  });
  return found;
}

/** The value a statement assigns: its right-hand side, or `target op value` for `op=`. */
export function augmentedValue(stmt: Statement): Expr {
  if (stmt.op === '=') return stmt.value;
  const op = stmt.op.slice(0, -1) as Exclude<AssignOp, '='> extends `${infer O}=` ? O : never;
  return {
    kind: 'Binary',
    op: op as '+',
    left: { kind: 'Name', name: stmt.target, span: stmt.targetSpan },
    right: stmt.value,
    span: stmt.span,
  };
}

/** Both sides of an assignment have one dimension (Brian's `DimensionMismatchError`). */
export function checkAssignmentDimensions(
  stmt: Statement,
  variable: ArrayVariable,
  valueDim: ArrayVariable['dim'],
  value: Expr,
): void {
  if (variable.dim === valueDim) return;
  throw new BrianError(
    'dimension_mismatch',
    `The right-hand side of "${stmt.target} ${stmt.op} …" has dimension ${valueDim}, but "${stmt.target}" has ` +
      `dimension ${variable.dim} ('${exprToString(value)}').`,
    { span: stmt.span },
  );
}

/** Checks of the user's own statements (internal targets start with `_`: integrator output, checked on the equations). */
export function checkUserStatement(stmt: Statement, scope: Scope): void {
  if (!stmt.target.startsWith('_')) checkRepeatedStatefulCalls(stmt.value, scope);
}

/** The target is a constant, a function, a subexpression or a variable this kernel may not write. */
export function refuseReadOnly(stmt: Statement, target: Resolved): never {
  throw new BrianError('read_only_variable', `Cannot assign to "${stmt.target}": it is read-only here.`, {
    span: stmt.targetSpan,
    hint:
      target.kind === 'variable' && target.variable.kind === 'subexpression'
        ? 'subexpressions are computed from their definition and cannot be assigned'
        : undefined,
  });
}

/** A number stored into a boolean becomes `value != 0`, as numpy and C++ do. */
export function storedValue(variable: ArrayVariable, valueType: ScalarType, value: Expr): Expr {
  if (variable.type !== 'boolean' || valueType === 'boolean') return value;
  return {
    kind: 'Compare',
    op: '!=',
    left: value,
    right: { kind: 'Number', value: 0, isInteger: true, span: value.span },
    span: value.span,
  };
}
