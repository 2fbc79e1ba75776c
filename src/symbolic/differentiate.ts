import type { Expr } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';
import * as C from './coef.ts';
import { toExpr, toNode } from './convert.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

/**
 * The derivative of `expr` with respect to the variable `name`, simplified. Piecewise-constant
 * parts (`int`, `floor`, `ceil`, `sign`, comparisons, `//`) have derivative 0, as in sympy;
 * `abs(u)` gives `sign(u)*u'`. Throws for a function it does not know that depends on `name`.
 */
export function differentiate(expr: Expr, name: string, span: Span = expr.span): Expr {
  return toExpr(derivative(toNode(expr), name), span);
}

const { add, mul, pow, div, neg, call } = N;
const num = (v: number) => N.numNode(C.int(v));
const fn = (f: string, ...args: Node[]) => call(f, args);

export function derivative(n: Node, x: string): Node {
  if (!N.hasAny(n, new Set([x]))) return N.ZERO;
  switch (n.t) {
    case 'sym':
      return N.ONE;
    case 'add':
      return add(n.terms.map((t) => derivative(t, x)));
    case 'mul': {
      // Product rule over the factors.
      const terms = n.factors.map((f, k) =>
        mul([N.numNode(n.c), ...n.factors.filter((_, j) => j !== k), derivative(f, x)]),
      );
      return add(terms);
    }
    case 'pow': {
      const { base, exp } = n;
      const only = new Set([x]);
      if (!N.hasAny(exp, only)) return mul([exp, pow(base, add([exp, N.MINUS_ONE])), derivative(base, x)]);
      // d(b**e) = b**e * (e' log(b) + e b'/b)
      return mul([
        n,
        add([
          mul([derivative(exp, x), fn('log', base)]),
          mul([exp, derivative(base, x), pow(base, N.MINUS_ONE)]),
        ]),
      ]);
    }
    case 'call':
      return callDerivative(n, x);
    case 'op':
      if (n.op === '%') {
        // a % b = a - b*floor(a/b)
        const [a, b] = n.args;
        return add([derivative(a, x), neg(mul([derivative(b, x), fn('floor', div(a, b))]))]);
      }
      return N.ZERO; // comparisons, logic and // are piecewise constant
    default:
      return N.ZERO;
  }
}

function callDerivative(n: N.CallNode, x: string): Node {
  const [u, lo, hi] = n.args;
  const du = () => derivative(u, x);
  const chain = (outer: Node) => mul([outer, du()]);
  switch (n.name) {
    case 'exp':
      return chain(n);
    case 'expm1':
      return chain(fn('exp', u));
    case 'log':
      return chain(pow(u, N.MINUS_ONE));
    case 'log10':
      return chain(pow(mul([u, fn('log', num(10))]), N.MINUS_ONE));
    case 'log1p':
      return chain(pow(add([N.ONE, u]), N.MINUS_ONE));
    case 'sqrt':
      return chain(pow(mul([num(2), n]), N.MINUS_ONE));
    case 'sin':
      return chain(fn('cos', u));
    case 'cos':
      return chain(neg(fn('sin', u)));
    case 'tan':
      return chain(add([N.ONE, pow(n, num(2))]));
    case 'sinh':
      return chain(fn('cosh', u));
    case 'cosh':
      return chain(fn('sinh', u));
    case 'tanh':
      return chain(add([N.ONE, neg(pow(n, num(2)))]));
    case 'arcsin':
      return chain(pow(add([N.ONE, neg(pow(u, num(2)))]), N.numNode(C.rat(-1, 2))));
    case 'arccos':
      return chain(neg(pow(add([N.ONE, neg(pow(u, num(2)))]), N.numNode(C.rat(-1, 2)))));
    case 'arctan':
      return chain(pow(add([N.ONE, pow(u, num(2))]), N.MINUS_ONE));
    case 'exprel':
      // d/du (e^u - 1)/u = (e^u - exprel(u))/u  (its limit at u = 0 is 1/2)
      return chain(div(add([fn('exp', u), neg(n)]), u));
    case 'abs':
      return chain(fn('sign', u));
    case 'sign':
    case 'int':
    case 'floor':
    case 'ceil':
    case 'timestep':
      return N.ZERO;
    case 'clip': {
      // clip(u, lo, hi): u between the bounds, otherwise the bound that applies.
      const inside = fn('int', N.op('and', [N.op('>', [u, lo]), N.op('<', [u, hi])]));
      const below = fn('int', N.op('<=', [u, lo]));
      const above = fn('int', N.op('>=', [u, hi]));
      return add([mul([inside, du()]), mul([below, derivative(lo, x)]), mul([above, derivative(hi, x)])]);
    }
    case 'pow':
      if (n.args.length === 2) return derivative(pow(n.args[0], n.args[1]), x);
      break;
  }
  throw new Error(`differentiate: no derivative known for ${n.name}()`);
}
