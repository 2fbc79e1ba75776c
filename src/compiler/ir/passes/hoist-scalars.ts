import type { Expr } from '../../1-parse/ast.ts';
import { exprToString } from '../../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import type { IRStatement } from '../kernel.ts';
import { typeOf } from '../types.ts';

/**
 * Loop-invariant code motion (Brian's scalar/vector split): every maximal subexpression of the
 * per-element statements that only depends on loop-invariant values (constants, `t`, `dt`,
 * shared variables, scalar temporaries) and calls no stateful function is computed once per
 * call into a `_lio_N` temporary. Only whole subtrees move, so results are bit-identical.
 */
export function hoistScalars(
  vector: readonly IRStatement[],
  isScalarName: (name: string) => boolean,
  functions: ReadonlyMap<string, FunctionDef>,
  types: Map<string, ScalarType>,
): { hoisted: IRStatement[]; vector: IRStatement[] } {
  const hoisted: IRStatement[] = [];
  const byText = new Map<string, string>();
  // Locals assigned in the vector block are per-element from then on.
  const assigned = new Set<string>();
  const scalarName = (n: string) => !assigned.has(n) && isScalarName(n);

  const isScalar = (e: Expr): boolean => {
    switch (e.kind) {
      case 'Number':
      case 'Bool':
        return true;
      case 'Name':
        return scalarName(e.name);
      case 'Call': {
        const def = functions.get(e.callee);
        if (e.callee !== '_select' && (!def || def.stateful)) return false;
        return e.args.every(isScalar);
      }
      case 'Unary':
        return isScalar(e.operand);
      default:
        return isScalar(e.left) && isScalar(e.right);
    }
  };

  const hoist = (e: Expr): Expr => {
    if (e.kind === 'Number' || e.kind === 'Bool' || e.kind === 'Name') return e;
    if (isScalar(e)) {
      const text = exprToString(e);
      let name = byText.get(text);
      if (!name) {
        name = `_lio_${byText.size + 1}`;
        byText.set(text, name);
        const type = typeOf(e, types, functions);
        types.set(name, type);
        hoisted.push({ kind: 'let', name, type, value: e });
      }
      return { kind: 'Name', name, span: e.span };
    }
    switch (e.kind) {
      case 'Call':
        return { ...e, args: e.args.map(hoist) };
      case 'Unary':
        return { ...e, operand: hoist(e.operand) };
      default:
        return { ...e, left: hoist(e.left), right: hoist(e.right) };
    }
  };

  const out = vector.map((s) => {
    const value = hoist(s.value);
    assigned.add(s.name);
    return { ...s, value };
  });
  return { hoisted, vector: out };
}
