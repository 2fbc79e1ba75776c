import * as C from './coef.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

/**
 * Divided differences of f(z) = exp(z·dt) over eigenvalues λ, the building blocks of the
 * exponential of a triangular matrix (see triangular.ts). Written so that the generated code
 * stays finite where the plain formulas give 0/0:
 *
 *   f[a]       = exp(a·dt)
 *   f[a, b]    = dt·exp(b·dt)·exprel((a − b)·dt)    (= (e^{a dt} − e^{b dt})/(a − b), and dt·e^{a dt} when a = b)
 *   f[a, …, a] = dt^k·exp(a·dt)/k!                  (k + 1 equal values: the confluent case)
 *   otherwise    f[S] = (f[S∖b] − f[S∖a])/(a − b) for two different values a, b of S,
 *
 * choosing the pair whose difference is least likely to vanish at run time (a difference of
 * time constants, 1/tau, rather than one containing `int(not_refractory)`, which is 0 during
 * refractoriness). Values count as equal when they have the same canonical form, or when
 * `sameValue` says so (equal compile-time numbers).
 */
export class ExpDividedDifferences {
  private readonly classes: Node[] = [];
  private readonly memo = new Map<string, Node>();

  constructor(
    private readonly dt: Node,
    private readonly sameValue: (a: Node, b: Node) => boolean = () => false,
  ) {}

  /** The class (index) of an eigenvalue: equal eigenvalues share one. */
  classOf(lambda: Node): number {
    const k = this.classes.findIndex((c) => c.key === lambda.key || this.sameValue(c, lambda));
    if (k >= 0) return k;
    this.classes.push(lambda);
    return this.classes.length - 1;
  }

  /** f[λ_0, …, λ_k] for eigenvalues given by their classes (order does not matter). */
  of(classes: readonly number[]): Node {
    const sorted = [...classes].sort((a, b) => a - b);
    const memoKey = sorted.join(',');
    const known = this.memo.get(memoKey);
    if (known) return known;
    const result = this.compute(sorted);
    this.memo.set(memoKey, result);
    return result;
  }

  private compute(sorted: readonly number[]): Node {
    const distinct = [...new Set(sorted)];
    const dt = this.dt;
    // exp(0·dt) is written 1 (an exact 1, not the float exp(0) folds to).
    const exp = (k: number) =>
      isZero(this.classes[k]) ? N.ONE : N.call('exp', [N.mul([this.classes[k], dt])]);
    if (distinct.length === 1) {
      const k = sorted.length - 1;
      const factorial = Array.from({ length: k }, (_, j) => j + 1).reduce((a, b) => a * b, 1);
      return N.mul([N.numNode(C.rat(1, factorial)), N.pow(dt, N.numNode(C.int(k))), exp(distinct[0])]);
    }
    if (sorted.length === 2) {
      // exp of the zero eigenvalue (the constant term of an affine system) is 1: use it as b.
      const [first, second] = distinct;
      const [a, b] = isZero(this.classes[first]) ? [second, first] : [first, second];
      const diff = N.sub(this.classes[a], this.classes[b]);
      return N.mul([dt, exp(b), N.call('exprel', [N.mul([diff, dt])])]);
    }
    const [a, b] = this.safestPair(distinct);
    const without = (k: number) => {
      const rest = [...sorted];
      rest.splice(rest.indexOf(k), 1);
      return rest;
    };
    return N.div(N.sub(this.of(without(b)), this.of(without(a))), N.sub(this.classes[a], this.classes[b]));
  }

  private safestPair(distinct: readonly number[]): [number, number] {
    let best: [number, number] = [distinct[0], distinct[1]];
    let bestScore = -1;
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) {
        const score = nonzeroConfidence(N.sub(this.classes[distinct[i]], this.classes[distinct[j]]));
        if (score > bestScore) {
          bestScore = score;
          best = [distinct[i], distinct[j]];
        }
      }
    return best;
  }
}

function isZero(n: Node): boolean {
  return n.t === 'num' && C.isZero(n.c);
}

/**
 * How sure we are that a difference of eigenvalues is never 0 at run time: 3 for a nonzero
 * number or a product of denominators (`1/tau`) and exponentials, 1 for sums and plain names
 * (parameters can be 0), 0 when a factor is a truncation or comparison (`int(not_refractory)`).
 */
function nonzeroConfidence(d: Node): number {
  switch (d.t) {
    case 'num':
      return C.isZero(d.c) ? 0 : 3;
    case 'mul':
      return Math.min(...d.factors.map(nonzeroConfidence));
    case 'pow':
      return d.exp.t === 'num' && C.isNegative(d.exp.c) ? 3 : nonzeroConfidence(d.base);
    case 'call':
      return d.name === 'exp' ? 3 : d.name === 'int' ? 0 : 1;
    case 'op':
    case 'bool':
      return 0;
    default:
      return 1;
  }
}
