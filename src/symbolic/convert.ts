import type { Expr } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';
import { builders, NO_SPAN } from './build.ts';
import type { Coef } from './coef.ts';
import * as C from './coef.ts';
import type { Node } from './node.ts';
import * as N from './node.ts';

/**
 * Conversion between syntax trees (`Expr`) and the CAS's canonical form (`Node`).
 * Converting a tree and back is `simplify`.
 */

/** The canonical form of an expression. Each call of a stateful function stays distinct. */
export function toNode(expr: Expr): Node {
  let occurrence = 0;
  const visit = (e: Expr): Node => {
    switch (e.kind) {
      case 'Number':
        return N.numNode(e.isInteger ? C.int(e.value) : C.float(e.value));
      case 'Bool':
        return N.boolNode(e.value);
      case 'Name':
        return N.symNode(e.name, e.span);
      case 'Call': {
        const keywords = e.keywords.map((k) => ({ name: k.name, value: visit(k.value) }));
        const random = N.STATEFUL_FUNCTIONS.has(e.callee) || keywords.length > 0;
        return N.call(e.callee, e.args.map(visit), e.span, random ? ++occurrence : 0, keywords);
      }
      case 'Unary':
        if (e.op === '-') return N.neg(visit(e.operand));
        if (e.op === '+') return visit(e.operand);
        return N.op('not', [visit(e.operand)]);
      case 'Binary': {
        const a = visit(e.left);
        const b = visit(e.right);
        switch (e.op) {
          case '+':
            return N.add([a, b]);
          case '-':
            return N.sub(a, b);
          case '*':
            return N.mul([a, b]);
          case '/':
            return N.div(a, b);
          case '**':
            return N.pow(a, b);
          default:
            return N.op(e.op, [a, b]);
        }
      }
      case 'Compare':
      case 'Logical':
        return N.op(e.op, [visit(e.left), visit(e.right)]);
    }
  };
  return visit(expr);
}

/** A syntax tree for a canonical node; new nodes carry `span`, names keep their own. */
export function toExpr(node: Node, span: Span = NO_SPAN): Expr {
  const b = builders(span);

  const number = (c: Coef): Expr => {
    const v = C.value(c);
    const literal = C.isInteger(c) ? b.num(Math.abs(v), true) : b.float(Math.abs(v));
    return v < 0 || Object.is(v, -0) ? b.neg(literal) : literal;
  };

  const isNegative = (n: Node): boolean => (n.t === 'num' || n.t === 'mul') && C.isNegative(n.c);

  const product = (n: N.MulNode): Expr => {
    const numerator: Expr[] = [];
    const denominator: Expr[] = [];
    const c = C.abs(n.c);
    if (c.kind === 'rat') {
      if (c.p !== 1) numerator.push(b.num(c.p, true));
      if (c.q !== 1) denominator.push(b.num(c.q, true));
    } else {
      // A float coefficient is kept even when it is 1.0: it makes the product a float.
      numerator.push(b.float(c.v));
    }
    for (const f of n.factors) {
      if (f.t === 'pow' && f.exp.t === 'num' && C.isNegative(f.exp.c)) {
        denominator.push(visit(N.pow(f.base, N.numNode(C.neg(f.exp.c)))));
      } else numerator.push(visit(f));
    }
    if (numerator.length === 0) numerator.push(b.num(1));
    // The sign goes on the first factor, as Python reads `-dt*v/tau`: ((-dt)*v)/tau.
    if (C.isNegative(n.c)) numerator[0] = b.neg(numerator[0]);
    const top = b.mul(...numerator);
    return denominator.length ? b.div(top, b.mul(...denominator)) : top;
  };

  const sum = (n: N.AddNode): Expr => {
    // Constant last, and a positive term first when there is one: `v - dt*v/tau`, `1 - exp(x)`.
    const terms = [...n.terms.filter((t) => t.t !== 'num'), ...n.terms.filter((t) => t.t === 'num')];
    const firstPositive = terms.findIndex((t) => !isNegative(t));
    if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
    let acc = visit(terms[0]);
    for (const term of terms.slice(1)) {
      acc = isNegative(term) ? b.sub(acc, visit(N.neg(term))) : b.add(acc, visit(term));
    }
    return acc;
  };

  const visit = (n: Node): Expr => {
    switch (n.t) {
      case 'num':
        return number(n.c);
      case 'bool':
        return b.bool(n.v);
      case 'sym':
        return { kind: 'Name', name: n.name, span: n.span ?? span };
      case 'call':
        return {
          kind: 'Call',
          callee: n.name,
          calleeSpan: n.span ?? span,
          args: n.args.map(visit),
          keywords: (n.keywords ?? []).map((k) => ({
            name: k.name,
            value: visit(k.value),
            span: n.span ?? span,
          })),
          span: n.span ?? span,
        };
      case 'add':
        return sum(n);
      case 'mul':
        return product(n);
      case 'pow':
        if (n.exp.t === 'num' && C.isNegative(n.exp.c)) {
          return b.div(b.num(1), visit(N.pow(n.base, N.numNode(C.neg(n.exp.c)))));
        }
        return b.pow(
          visit(n.base),
          n.exp.t === 'num' && !C.isInteger(n.exp.c) ? b.float(C.value(n.exp.c)) : visit(n.exp),
        );
      case 'op':
        if (n.op === 'not') return b.not(visit(n.args[0]));
        if (n.op === 'and' || n.op === 'or') return b.logical(n.op, visit(n.args[0]), visit(n.args[1]));
        if (n.op === '//' || n.op === '%') return b.binary(n.op, visit(n.args[0]), visit(n.args[1]));
        return b.compare(n.op, visit(n.args[0]), visit(n.args[1]));
    }
  };
  return visit(node);
}
