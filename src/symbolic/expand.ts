import * as C from './coef.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

/** Integer powers of sums above this are left alone rather than multiplied out. */
const MAX_EXPANDED_POWER = 16;

/**
 * sympy's `expand` on the canonical form: products are distributed over sums, including
 * numerators over a denominator (`(a + v)/tau` → `a/tau + v/tau`), and positive integer powers
 * of sums are multiplied out (`(a + b)**2`). Applied inside function arguments too. Denominators
 * that are sums stay as they are (`1/(1 + v)` is one factor).
 */
export function expand(n: Node): Node {
  switch (n.t) {
    case 'add':
      return N.add(n.terms.map(expand));
    case 'mul':
      return distribute(N.numNode(n.c), n.factors.map(expand));
    case 'pow': {
      const base = expand(n.base);
      const exp = expand(n.exp);
      if (base.t === 'add' && exp.t === 'num' && C.isInteger(exp.c)) {
        const power = C.value(exp.c);
        if (power > 1 && power <= MAX_EXPANDED_POWER) return distribute(N.ONE, new Array(power).fill(base));
      }
      const p = N.pow(base, exp);
      // (x*(a + b))**2 became x**2*(a + b)**2: expand the new factors.
      return p.t === 'mul' && p.key !== n.key ? expand(p) : p;
    }
    case 'call':
      return n.args.length
        ? N.call(
            n.name,
            n.args.map(expand),
            n.span,
            n.occurrence,
            n.keywords?.map((k) => ({ name: k.name, value: expand(k.value) })),
          )
        : n;
    case 'op':
      return N.op(n.op, n.args.map(expand));
    default:
      return n;
  }
}

/** The product of `factors`, multiplied out over the terms of the sums among them. */
function distribute(first: Node, factors: readonly Node[]): Node {
  let terms: Node[] = [first];
  for (const f of factors) {
    const parts = f.t === 'add' ? f.terms : [f];
    terms = terms.flatMap((t) => parts.map((p) => N.mul([t, p])));
  }
  return N.add(terms);
}

/** The terms of a sum, or the node itself as a single term. */
export function termsOf(n: Node): readonly Node[] {
  return n.t === 'add' ? n.terms : [n];
}

/** The factors of a product without its coefficient, or the node itself. */
export function factorsOf(n: Node): readonly Node[] {
  const [, rest] = N.splitCoefficient(n);
  if (rest.t === 'mul') return rest.factors;
  return rest.t === 'num' ? [] : [rest];
}
