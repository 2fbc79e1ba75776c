import type { Expr } from '../compiler/1-parse/ast.ts';
import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { warn } from '../core/log.ts';
import { SourceText } from '../diagnostics/span.ts';
import type { Group } from './group.ts';

/**
 * Brian's `ambiguous_string_expression` warning: `G.v[SG] = 'i'` sets G's elements of subgroup
 * SG with G's `i`, not SG's; names that the indexing group defines differently (`i`, `N`) are
 * reported, once each. Names reached through subexpressions count.
 */
export function warnAmbiguousNames(
  group: Group,
  name: string,
  code: string,
  indexGroups: readonly Group[],
): void {
  const used = new Set<string>();
  const visit = (expr: Expr) => {
    for (const id of identifiers(expr)) {
      if (used.has(id)) continue;
      used.add(id);
      const v = group.variables.get(id);
      if (v?.kind === 'subexpression') visit(v.expr);
    }
  };
  visit(parseExpression(new SourceText(code, `value of ${group.name}.${name}`)));
  for (const id of used) {
    const own = group.variables.get(id);
    if (!own) continue;
    // Brian compares by the variable's own name too: a synapse's `N_pre` is its source's `N`.
    const base = 'source' in group ? /^(.+)_(pre|post)$/.exec(id)?.[1] : undefined;
    const differs = indexGroups.some((g) => {
      const other = g.variables.get(id) ?? (base === undefined ? undefined : g.variables.get(base));
      return other !== undefined && other !== own;
    });
    if (differs) {
      warn(
        'ambiguous_string_expression',
        `The string expression used for setting '${name}' refers to '${id}' which might be ambiguous. It will be ` +
          `interpreted as referring to '${id}' in '${group.name}', not as a variable of a group used for indexing.`,
      );
    }
  }
}
