import { walk } from '../compiler/1-parse/expr-utils.ts';
import type { AnalyzedEquation } from '../compiler/2-analyze/analyze-equations.ts';
import type { Scope } from '../compiler/2-analyze/scope.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';

/**
 * A `(shared)` subexpression has one value for the whole group, so it may only use shared
 * values: `sub = v_post + s : 1 (shared)` is refused where it is declared (Brian's SyntaxError
 * "Shared subexpression … refers to non-shared variable …"), pointing at the offending name.
 * Synapses look names up in their code scope (`v_post`, `v_pre` are not their own variables);
 * a NeuronGroup uses model-checks.ts's check on its variables.
 */
export function checkScopedSharedSubexpressions(
  owner: string,
  subexpressions: readonly AnalyzedEquation[],
  scope: Scope,
): void {
  for (const eq of subexpressions) {
    if (!eq.flags.has('shared') || !eq.line.expr) continue;
    walk(eq.line.expr, (node) => {
      if (node.kind !== 'Name') return;
      const found = scope.lookup(node.name);
      if (found?.kind !== 'variable') return;
      const v = found.variable;
      const perElement =
        (v.kind === 'array' || v.kind === 'subexpression' || v.kind === 'auxiliary') && !v.shared;
      if (perElement && found.index.kind !== 'shared') {
        throw new BrianError(
          'shared_subexpression',
          `The shared subexpression ${eq.name} of ${owner} refers to ${node.name}, which has one value per element.`,
          { span: node.span, hint: `remove (shared) from ${eq.name}, or use only shared values in it` },
        );
      }
    });
  }
}
