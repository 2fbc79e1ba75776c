import { builders } from '../../../symbolic/build.ts';
import * as C from '../../../symbolic/coef.ts';
import { toExpr, toNode } from '../../../symbolic/convert.ts';
import { derivative } from '../../../symbolic/differentiate.ts';
import { termsOf } from '../../../symbolic/expand.ts';
import { conditionallyLinearParts } from '../../../symbolic/linear.ts';
import type { Node } from '../../../symbolic/node.ts';
import * as N from '../../../symbolic/node.ts';
import { substitute } from '../../../symbolic/substitute.ts';
import type { Statement } from '../../1-parse/ast.ts';
import { isStochastic, noiseSpan, noiseSymbols } from './noise.ts';
import type { IntegrationContext, IntegrationProblem, OdeEquation, StateUpdateMethod } from './types.ts';

/**
 * Exponential Euler, for conditionally linear equations (Hodgkin–Huxley gating variables):
 * each dx/dt = A·x + B, with A and B frozen at the start of the step, advances exactly:
 *
 *   _BA_x = B/A
 *   _x = -_BA_x + (_BA_x + x)*exp(A*dt)       (x*exp(A*dt) when B = 0, x + dt*B when A = 0)
 *
 * This is Brian's `exponential_euler`, split included (see `conditionallyLinearParts`: like
 * Brian, A and B may still contain x inside functions, as in the AdEx exponential term), but
 * A and B are written unexpanded where that gives the same values (see `compactParts`). As in
 * Brian there is no guard for an A that becomes 0 at run time, except that B/A is written term
 * by term when A is a single product, so common factors cancel (`int(not_refractory)` in both).
 */
export const exponentialEuler: StateUpdateMethod = {
  name: 'exponential_euler',
  stochastic: 'none',
  check,
  cannotIntegrate: (eqs, ctx) => check(eqs, ctx)?.reason,
  integrate,
};

function check(eqs: readonly OdeEquation[], ctx: IntegrationContext): IntegrationProblem | undefined {
  if (isStochastic(eqs, ctx)) {
    return {
      reason: 'exponential_euler cannot integrate stochastic equations',
      span: noiseSpan(eqs, noiseSymbols(eqs, ctx)[0]),
    };
  }
  for (const eq of eqs) {
    if (!conditionallyLinearParts(toNode(eq.expr), eq.name)) {
      return {
        reason: `exponential_euler can only integrate conditionally linear equations, but d${eq.name}/dt is not linear in ${eq.name}`,
        span: eq.span,
      };
    }
  }
  return undefined;
}

function integrate(eqs: readonly OdeEquation[], ctx: IntegrationContext): Statement[] {
  const problem = check(eqs, ctx);
  if (problem) throw new Error(problem.reason);
  const out: Statement[] = [];
  const dt = N.symNode('dt');
  for (const eq of eqs) {
    const b = builders(eq.span);
    const { a, b: constant } = compactParts(eq);
    const x = N.symNode(eq.name);
    let update: Node;
    if (isZero(a)) update = N.add([x, N.mul([dt, constant])]);
    else if (isZero(constant)) update = N.mul([x, N.call('exp', [N.mul([a, dt])])]);
    else {
      const ratioName = `_BA_${eq.name}`;
      out.push(b.assign(ratioName, toExpr(divide(constant, a), eq.span)));
      const ratio = N.symNode(ratioName);
      update = N.add([N.neg(ratio), N.mul([N.add([ratio, x]), N.call('exp', [N.mul([a, dt])])])]);
    }
    out.push(b.assign(`_${eq.name}`, toExpr(update, eq.span)));
  }
  for (const eq of eqs) {
    const b = builders(eq.span);
    out.push(b.assign(eq.name, b.name(`_${eq.name}`)));
  }
  return out;
}

const isZero = (n: Node) => n.t === 'num' && C.isZero(n.c);

/**
 * A and B as `conditionallyLinearParts` finds them, but written without expanding f when f is
 * truly linear in x (A and B free of x): A = ∂f/∂x and B = f(x = 0) are then the same values
 * in far less code (HH rates appear once instead of once per expanded term). In Brian's
 * lenient cases (x left inside A or B) the expanded split is kept, as Brian computes it.
 */
function compactParts(eq: OdeEquation): { a: Node; b: Node } {
  const node = toNode(eq.expr);
  const split = conditionallyLinearParts(node, eq.name)!;
  const x = new Set([eq.name]);
  if (N.hasAny(split.a, x) || N.hasAny(split.b, x)) return split;
  const a = isZero(split.a) ? split.a : derivative(node, eq.name);
  const b = isZero(split.b)
    ? split.b
    : toNode(substitute(eq.expr, new Map([[eq.name, builders(eq.span).num(0)]])));
  return { a, b };
}

/** B/A, dividing term by term when A is a single product so that common factors cancel. */
function divide(b: Node, a: Node): Node {
  if (a.t === 'add') return N.div(b, a);
  return N.add(termsOf(b).map((term) => N.div(term, a)));
}
