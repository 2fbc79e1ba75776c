import type { Expr } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';
import * as C from './coef.ts';
import { toExpr, toNode } from './convert.ts';
import { expand, factorsOf, termsOf } from './expand.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

export interface LinearDecomposition {
  /** The coefficient of each variable that occurs (variables with coefficient 0 are absent). */
  readonly coefficients: Map<string, Expr>;
  /** What remains when every variable is 0. */
  readonly constant: Expr;
}

/**
 * Writes `expr` as `Σ c_v·v + constant` with no variable of `vars` in any `c_v` or in the
 * constant, after sympy-style expansion, as Brian's `get_linear_system` does: `(a + v)/tau` is
 * linear in v with coefficient `1/tau`. Undefined when `expr` is not linear in `vars`
 * (`v*exp(v)`, `v**2`, `v*w`, `1/(1 + v)`).
 */
export function linearDecomposition(
  expr: Expr,
  vars: Iterable<string>,
  span: Span = expr.span,
): LinearDecomposition | undefined {
  const parts = linearParts(toNode(expr), new Set(vars));
  if (!parts) return undefined;
  const coefficients = new Map<string, Expr>();
  for (const [v, c] of parts.coefficients) coefficients.set(v, toExpr(c, span));
  return { coefficients, constant: toExpr(parts.constant, span) };
}

/** `linearDecomposition` on the canonical form. */
export function linearParts(
  node: Node,
  vars: ReadonlySet<string>,
): { coefficients: Map<string, Node>; constant: Node } | undefined {
  if (!N.hasAny(node, vars)) return { coefficients: new Map(), constant: node };
  const collected = new Map<string, Node[]>();
  const constant: Node[] = [];
  for (const term of termsOf(expand(node))) {
    if (!N.hasAny(term, vars)) {
      constant.push(term);
      continue;
    }
    const factors = factorsOf(term);
    const direct = factors.filter((f) => f.t === 'sym' && vars.has(f.name));
    if (direct.length !== 1) return undefined;
    const variable = (direct[0] as N.SymNode).name;
    const coefficient = N.div(term, direct[0]);
    if (N.hasAny(coefficient, vars)) return undefined;
    const list = collected.get(variable) ?? [];
    list.push(coefficient);
    collected.set(variable, list);
  }
  const coefficients = new Map<string, Node>();
  for (const [v, list] of collected) {
    const sum = N.add(list);
    if (!(sum.t === 'num' && C.isZero(sum.c))) coefficients.set(v, sum);
  }
  return { coefficients, constant: N.add(constant) };
}

/**
 * The split Brian's `exponential_euler` makes (`get_conditionally_linear_system`, via sympy's
 * `collect(expand(f), x)`): f = A·x + B, where A collects the terms having x as a plain factor
 * exactly once and B the terms without x as a plain factor. Like Brian, A and B may still
 * contain x inside functions or denominators (`x*exp(x)` gives A = exp(x); the exponential
 * term of AdEx lands in B). Undefined when a term has x to another power (`x**2`, `1/x`), or
 * when f contains x but no term is proportional to it (`exp(x)`).
 */
export function conditionallyLinearParts(node: Node, x: string): { a: Node; b: Node } | undefined {
  const only = new Set([x]);
  if (!N.hasAny(node, only)) return { a: N.ZERO, b: node };
  const a: Node[] = [];
  const b: Node[] = [];
  for (const term of termsOf(expand(node))) {
    let power = 0;
    for (const f of factorsOf(term)) {
      if (f.t === 'sym' && f.name === x) power += 1;
      else if (f.t === 'pow' && f.base.t === 'sym' && f.base.name === x) {
        if (f.exp.t !== 'num') return undefined;
        power += C.value(f.exp.c);
      }
    }
    if (power === 1) a.push(N.div(term, N.symNode(x)));
    else if (power === 0) b.push(term);
    else return undefined;
  }
  if (a.length === 0) return undefined;
  return { a: N.add(a), b: N.add(b) };
}
