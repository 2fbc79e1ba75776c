import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { warnAmbiguousNames } from './ambiguous-names.ts';
import { assignValues, type SettableValue } from './assign-values.ts';
import { isGroup } from './element-selection.ts';
import type { Group, Where } from './group.ts';
import { runSetter } from './run-once.ts';
import { isSelection } from './selection.ts';

/**
 * Brian's `G.v = value` / `G.v[where] = value` for a variable that is not linked: a string value
 * or condition runs a setter kernel; a quantity, number or array is written straight into the
 * selected elements. A shared variable takes no index; read-only variables refuse.
 */
export function setVariable(
  g: Group,
  name: string,
  value: SettableValue,
  where: Where | undefined,
  namespace?: Namespace,
  /** false: a string value's dimension is not checked (raw setters). */
  units = true,
): void {
  const variable = g.variable(name);
  if (where !== undefined && g.isScalarVariable(name, variable)) {
    throw new BrianError(
      'index_out_of_range',
      `${g.name}.${name} is shared: it has one value and cannot be indexed.`,
      {
        hint: `set it without an index: ${g.name}.${name} = value`,
      },
    );
  }
  if (typeof value === 'string') {
    const indexGroups = isGroup(where) ? [where] : isSelection(where) ? (where.indexGroups ?? []) : [];
    if (indexGroups.length > 0) warnAmbiguousNames(g, name, value, indexGroups);
  }
  if (typeof value === 'string' || typeof where === 'string') {
    runSetter(g, name, typeof value === 'string' ? value : undefined, value, where, namespace, units);
    return;
  }
  if (variable.kind !== 'array' || variable.readOnly) {
    throw new BrianError('read_only_variable', `Variable "${name}" of ${g.name} cannot be set.`);
  }
  const indices = g.absoluteIndices(where, variable.shared, namespace);
  g.device.assign(variable.arrayId, indices, value, (data) =>
    assignValues(g.name, name, variable, data, indices, value),
  );
}
