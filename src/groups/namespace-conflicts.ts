import type { EquationLine, Statement } from '../compiler/1-parse/ast.ts';
import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import { ExternalScope, type Namespace } from '../compiler/2-analyze/external-scope.ts';
import { warn } from '../core/log.ts';
import type { Group } from './group.ts';

/**
 * Brian's `resolution_conflict` warning for names of the model that are also defined outside it
 * (`y` a state variable and `y = 5` in the namespace): the model's variable wins, and Brian says
 * so for every name the user wrote in the code (not names only the generated code uses, such as
 * an integrator's `dt`). A constant of the group with the same value (`N` = 10 both ways) is no
 * conflict.
 */
export function warnNamespaceConflicts(
  group: Group,
  userNames: Iterable<string>,
  runNamespace?: Namespace,
  extra?: Namespace,
): void {
  const namespace = extra ? { ...(group.namespace ?? {}), ...extra } : group.namespace;
  const external = new ExternalScope(namespace, runNamespace, group.name);
  for (const name of new Set(userNames)) {
    const internal = group.variables.get(name);
    if (!internal) continue;
    const others = external
      .matches(name)
      .filter(
        ({ found }) =>
          internal.kind !== 'constant' ||
          found.kind !== 'constant' ||
          found.value !== internal.value ||
          !found.dim.equals(internal.dim),
      );
    if (others.length === 0) continue;
    warn(
      'resolution_conflict',
      `The name '${name}' refers to different objects in different namespaces used for resolving names in the ` +
        `context of '${group.name}': the model's variable, and an object in the ${others.map((o) => o.where).join(', ')} ` +
        'namespace. Will use the variable of the model.',
    );
  }
}

/** The names user statements mention: targets and the names in the values. */
export function statementNames(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => [s.target, ...identifiers(s.value)]);
}

/** The names the right-hand sides of a model's equations mention. */
export function equationNames(lines: readonly EquationLine[]): string[] {
  return lines.flatMap((l) => (l.expr ? [...identifiers(l.expr)] : []));
}
