import { toExpr } from '../../../symbolic/convert.ts';
import { freeNames } from '../../../symbolic/depends.ts';
import { evaluate } from '../../../symbolic/evaluate.ts';
import type { Node } from '../../../symbolic/node.ts';
import type { IntegrationContext } from './types.ts';

/**
 * The value of an expression when every name in it has a compile-time value (ctx.valueOf) and
 * the result is a finite number; undefined otherwise.
 */
export function numericValue(node: Node, ctx: IntegrationContext): number | undefined {
  const expr = toExpr(node);
  const values = new Map<string, number>();
  for (const name of freeNames(expr)) {
    const v = ctx.valueOf(name);
    if (v === undefined) return undefined;
    values.set(name, v);
  }
  try {
    const v = Number(evaluate(expr, values));
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined; // a function without compile-time value (user function, rand())
  }
}
