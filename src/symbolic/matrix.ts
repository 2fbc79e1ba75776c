import type { Expr } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';
import { NO_SPAN } from './build.ts';
import { toExpr, toNode } from './convert.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';
import { expmTriangularNodes, triangularOrder as orderOfNodes } from './triangular.ts';

/** A matrix of expressions, row-major. */
export type ExprMatrix = readonly (readonly Expr[])[];

const toNodes = (a: ExprMatrix): Node[][] => a.map((row) => row.map(toNode));
const toExprs = (a: readonly (readonly Node[])[], span: Span): Expr[][] =>
  a.map((row) => row.map((x) => toExpr(x, span)));

/** The product A·B, simplified. */
export function matrixProduct(a: ExprMatrix, b: ExprMatrix, span: Span = NO_SPAN): Expr[][] {
  return toExprs(matrixProductNodes(toNodes(a), toNodes(b)), span);
}

export function matrixProductNodes(
  a: readonly (readonly Node[])[],
  b: readonly (readonly Node[])[],
): Node[][] {
  return a.map((row) => b[0].map((_, j) => N.add(row.map((x, k) => N.mul([x, b[k][j]])))));
}

/** See triangular.ts: an order of the variables making A upper triangular, or undefined. */
export function triangularOrder(a: ExprMatrix): number[] | undefined {
  return orderOfNodes(toNodes(a));
}

/**
 * exp(A·dt), symbolically, for A triangular up to a permutation of the variables; undefined
 * otherwise. `sameValue` may declare two diagonal entries equal (e.g. equal known numbers).
 */
export function expmTriangular(
  a: ExprMatrix,
  dt: Expr,
  span: Span = NO_SPAN,
  sameValue?: (x: Node, y: Node) => boolean,
): Expr[][] | undefined {
  const result = expmTriangularNodes(toNodes(a), toNode(dt), sameValue);
  return result && toExprs(result, span);
}
