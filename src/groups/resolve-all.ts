import { resolveName } from '../compiler/2-analyze/check-expression.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Resolved } from '../compiler/2-analyze/scope.ts';
import { SourceText } from '../diagnostics/span.ts';
import type { Group } from './group.ts';
import { warnNamespaceConflicts } from './namespace-conflicts.ts';

/** Brian's `Group.resolve_all` (see Group.resolveAll). */
export function resolveAll(
  group: Group,
  identifiers: readonly string[],
  runNamespace: Namespace,
  userIdentifiers: readonly string[],
): Record<string, Resolved> {
  warnNamespaceConflicts(group, userIdentifiers, runNamespace);
  const scope = group.codeScope(runNamespace);
  const resolved: Record<string, Resolved> = {};
  for (const name of identifiers) {
    // The names come from the caller, not from parsed text: the error points at the name itself.
    resolved[name] = resolveName(scope, name, {
      start: 0,
      end: name.length,
      source: new SourceText(name, `name resolved in ${group.name}`),
    });
  }
  return resolved;
}
