import * as C from './coef.ts';
import { ExpDividedDifferences } from './divided-differences.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

const isZero = (n: Node) => n.t === 'num' && C.isZero(n.c);

/**
 * An order of the variables of x' = A·x that makes A upper triangular (each variable before
 * the ones it depends on), from a topological sort of the dependency graph; undefined when
 * variables depend on each other in a cycle (v → w → v). Self-dependence (the diagonal) is fine.
 */
export function triangularOrder(a: readonly (readonly Node[])[]): number[] | undefined {
  const n = a.length;
  const state = new Array<0 | 1 | 2>(n).fill(0); // unvisited, on the stack, done
  const postorder: number[] = [];
  const visit = (u: number): boolean => {
    state[u] = 1;
    for (let w = 0; w < n; w++) {
      if (w === u || isZero(a[u][w])) continue;
      if (state[w] === 1) return false;
      if (state[w] === 0 && !visit(w)) return false;
    }
    state[u] = 2;
    postorder.push(u);
    return true;
  };
  for (let u = 0; u < n; u++) if (state[u] === 0 && !visit(u)) return undefined;
  return postorder.reverse();
}

/**
 * exp(A·dt) of a matrix whose dependency graph has no cycle (triangular up to a permutation),
 * symbolically: entry (i, j) is the sum over the paths i → … → j of the graph of the product
 * of the entries of A along the path times the divided difference of exp(z·dt) over the
 * diagonal entries met (Parlett's recurrence solved in closed form; unlike the recurrence it
 * also holds when diagonal entries coincide, through the confluent divided differences).
 * Undefined when the graph has a cycle.
 */
export function expmTriangularNodes(
  a: readonly (readonly Node[])[],
  dt: Node,
  sameValue?: (x: Node, y: Node) => boolean,
): Node[][] | undefined {
  const n = a.length;
  if (!triangularOrder(a)) return undefined;
  const dd = new ExpDividedDifferences(dt, sameValue);
  const classes = a.map((row, i) => dd.classOf(row[i]));
  const terms: Node[][][] = Array.from({ length: n }, () => Array.from({ length: n }, () => []));
  for (let i = 0; i < n; i++) {
    const walk = (u: number, path: number[], weight: Node[]) => {
      terms[i][u].push(N.mul([...weight, dd.of(path.map((k) => classes[k]))]));
      for (let w = 0; w < n; w++) {
        if (w !== u && !isZero(a[u][w])) walk(w, [...path, w], [...weight, a[u][w]]);
      }
    };
    walk(i, [i], []);
  }
  return terms.map((row) => row.map((list) => N.add(list)));
}
