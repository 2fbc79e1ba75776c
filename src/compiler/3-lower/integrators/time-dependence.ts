import { STATEFUL_FUNCTIONS } from '../../../symbolic/node.ts';
import type { Expr } from '../../1-parse/ast.ts';
import type { IntegrationContext } from './types.ts';

/**
 * Brian's `is_constant_over_dt`: an expression may be treated as constant during one step
 * unless it uses `t` (other than as the whole argument of a locally constant function such as
 * a TimedArray: `stimulus(t)`) or calls a stateful function (`rand()`).
 * Returns the first offending node (for the error's span), or undefined when constant.
 * With `stateful: false`, only the dependence on time counts.
 */
export function notConstantOverDt(
  expr: Expr,
  ctx: IntegrationContext,
  options: { stateful?: boolean } = {},
): Expr | undefined {
  const checkStateful = options.stateful ?? true;
  const isStateful = (fn: string) => ctx.isStateful?.(fn) ?? STATEFUL_FUNCTIONS.has(fn);
  const visit = (e: Expr): Expr | undefined => {
    switch (e.kind) {
      case 'Number':
      case 'Bool':
        return undefined;
      case 'Name':
        return ctx.kindOf(e.name) === 'time' ? e : undefined;
      case 'Call': {
        if (checkStateful && isStateful(e.callee)) return e;
        const locallyConstant = ctx.isLocallyConstant?.(e.callee) ?? false;
        for (const arg of e.args) {
          if (locallyConstant && arg.kind === 'Name' && ctx.kindOf(arg.name) === 'time') continue;
          const bad = visit(arg);
          if (bad) return bad;
        }
        return undefined;
      }
      case 'Unary':
        return visit(e.operand);
      default:
        return visit(e.left) ?? visit(e.right);
    }
  };
  return visit(expr);
}
