import type { Expr } from '../compiler/1-parse/ast.ts';

/** The names (variables, constants, not called functions) used in an expression. */
export function freeNames(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'Number':
    case 'Bool':
      break;
    case 'Name':
      into.add(expr.name);
      break;
    case 'Call':
      for (const a of expr.args) freeNames(a, into);
      for (const k of expr.keywords) freeNames(k.value, into);
      break;
    case 'Unary':
      freeNames(expr.operand, into);
      break;
    default:
      freeNames(expr.left, into);
      freeNames(expr.right, into);
  }
  return into;
}

/** Whether `expr` uses any of `names`. (Syntactic: `0*v` depends on v; simplify first if that matters.) */
export function dependsOn(expr: Expr, names: Iterable<string>): boolean {
  const set = names instanceof Set ? (names as ReadonlySet<string>) : new Set(names);
  for (const n of freeNames(expr)) if (set.has(n)) return true;
  return false;
}

/** The names of the functions called in `expr`, with the calls themselves. */
export function callsIn(
  expr: Expr,
  into: Extract<Expr, { kind: 'Call' }>[] = [],
): Extract<Expr, { kind: 'Call' }>[] {
  switch (expr.kind) {
    case 'Number':
    case 'Bool':
    case 'Name':
      break;
    case 'Call':
      into.push(expr);
      for (const a of expr.args) callsIn(a, into);
      break;
    case 'Unary':
      callsIn(expr.operand, into);
      break;
    default:
      callsIn(expr.left, into);
      callsIn(expr.right, into);
  }
  return into;
}
