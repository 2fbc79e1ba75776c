import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Expr } from '../1-parse/ast.ts';
import { calls } from '../1-parse/expr-utils.ts';
import type { Scope } from './scope.ts';

/**
 * Brian refuses an expression that calls a stateful function (`rand()`, `randn()`, a user
 * function with `stateless: false`) more than once, such as `rand() - rand()` in an equation or
 * a statement (brian2/parsing/sympytools.py, NotImplementedError): its symbolic processing could
 * merge the calls. brian-ts keeps the same rule, so that scripts behave alike on both.
 */
export function checkRepeatedStatefulCalls(expr: Expr, scope: Scope): void {
  const seen = new Set<string>();
  for (const call of calls(expr)) {
    const found = scope.lookup(call.callee);
    if (found?.kind !== 'function' || !found.def.stateful) continue;
    if (seen.has(call.callee)) {
      throw new BrianError(
        'repeated_stateful_call',
        `The expression contains more than one call of ${call.callee}(), which gives a new value at each call; ` +
          'Brian does not support this (it could be simplified, e.g. rand() - rand() to 0).',
        {
          span: call.span,
          hint: `draw each value in a statement of its own: r1 = ${call.callee}(); r2 = ${call.callee}()`,
        },
      );
    }
    seen.add(call.callee);
  }
}
