import type { Expr } from '../compiler/1-parse/ast.ts';
import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { isZero } from '../symbolic/coef.ts';
import { derivative } from '../symbolic/differentiate.ts';
import { dependsOn, freeNames, substituteNames, toExpr, toNode } from '../symbolic/index.ts';
import * as N from '../symbolic/node.ts';

/**
 * Functions of v that the cable solver can linearise: those whose derivative sympy gives
 * Brian (plus `sqrt`, which Brian's sympy printing refuses although it is smooth). Piecewise
 * functions (`abs`, `clip`, `floor`, comparisons …) and user functions have no derivative the
 * implicit scheme could use: Brian refuses them too.
 */
const DIFFERENTIABLE = new Set([
  'exp',
  'log',
  'log10',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'arcsin',
  'arccos',
  'arctan',
  'exprel',
  'expm1',
  'log1p',
]);

/**
 * The membrane current split as the implicit cable scheme needs it (Brian's SpatialNeuron):
 * `Im = I0 - gtot*v` around the present v, with `gtot = -dIm/dv` and `I0 = Im + gtot*v`. For
 * an Im linear in v (every conductance-based model), `gtot` does not depend on v and `I0` is
 * Im at v = 0; otherwise both are evaluated at the present v each step.
 *
 * `im` is the membrane current with every subexpression substituted (except those stored,
 * `constant over dt`, which count as constants here, as in Brian).
 */
export function linearisedCurrent(im: Expr): { gtot: Expr | undefined; I0: Expr | undefined } {
  checkDifferentiable(im);
  const node = toNode(im);
  let d: N.Node;
  try {
    d = derivative(node, 'v');
  } catch {
    throw notDifferentiable(im, im);
  }
  const span = im.span;
  const linear = !N.hasAny(d, new Set(['v']));
  const I0 = linear
    ? toNode(substituteNames(im, { v: { kind: 'Number', value: 0, isInteger: false, span } }))
    : N.add([node, N.neg(N.mul([d, N.symNode('v')]))]);
  // A zero is left out: it would be a dimensionless 0 where a current is declared.
  const nonZero = (n: N.Node) => (n.t === 'num' && isZero(n.c) ? undefined : toExpr(n, span));
  return { gtot: nonZero(N.neg(d)), I0: nonZero(I0) };
}

function notDifferentiable(part: Expr, im: Expr): BrianError {
  return new BrianError(
    'membrane_current',
    `Cannot take the derivative of '${exprToString(im)}' with respect to v: '${exprToString(part)}' is not differentiable.`,
    {
      span: part.span,
      hint: 'the cable equation is solved implicitly in v, which needs dIm/dv: keep piecewise functions (clip, abs, comparisons) and user functions of v out of Im, or store them in a (constant over dt) subexpression',
    },
  );
}

/** Refuses v inside anything without a derivative (see DIFFERENTIABLE). */
function checkDifferentiable(im: Expr): void {
  const visit = (e: Expr): void => {
    if (!freeNames(e).has('v')) return;
    switch (e.kind) {
      case 'Call':
        if (!DIFFERENTIABLE.has(e.callee) && e.args.some((a) => dependsOn(a, ['v'])))
          throw notDifferentiable(e, im);
        e.args.forEach(visit);
        return;
      case 'Unary':
        if (e.op === 'not') throw notDifferentiable(e, im);
        visit(e.operand);
        return;
      case 'Binary':
        if (e.op === '%' || e.op === '//') throw notDifferentiable(e, im);
        visit(e.left);
        visit(e.right);
        return;
      case 'Compare':
      case 'Logical':
        throw notDifferentiable(e, im);
      default:
        return;
    }
  };
  visit(im);
}
