import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { Group, Where } from './group.ts';
import { warnNamespaceConflicts } from './namespace-conflicts.ts';
import { evaluateToBuffer } from './run-once.ts';
import { elementNumbers, isSelection } from './selection.ts';

/** Which elements of a group an index selects (Brian's `Group.indices` and `VariableView` indexing). */

/** A group given as an index (a subgroup): it has a range and a root, numbers and conditions do not. */
export function isGroup(x: unknown): x is Group {
  return typeof x === 'object' && x !== null && 'root' in x && 'start' in x && 'variables' in x;
}

/**
 * Absolute element indices selected by `where` (a condition, element numbers, or a subgroup of
 * the same storage), or undefined for all the elements of the storage. A subgroup's "all" is
 * its own range, never its parent's.
 */
export function absoluteIndices(
  g: Group,
  where: Where | undefined,
  shared: boolean,
  namespace?: Namespace,
): Int32Array | undefined {
  if (shared) return undefined;
  if (where === undefined) {
    // A top-level group: all of its storage, without reading N (synapses on a standalone device
    // know their number only once the program ran).
    if (g.root.name === g.name) return undefined;
    return Int32Array.from({ length: g.N }, (_, k) => g.start + k);
  }
  if (isGroup(where)) return indicesOfGroup(g, where);
  if (typeof where === 'string') return indicesWhere(g, where, namespace);
  if (typeof where !== 'number' && (typeof where !== 'object' || typeof where?.length !== 'number')) {
    if (!isSelection(where)) {
      throw new BrianError('bad_argument', `${describeValue(where)} cannot index ${g.name}.`, {
        hint: 'use element numbers, a list of them, a string condition or a subgroup',
      });
    }
  }
  // Numbers (negative ones from the end; not integers: bad_argument), or a selection (`S.at(i, j)`).
  const relative = elementNumbers(where, g.N, g.name);
  return g.start === 0 ? relative : relative.map((k) => k + g.start);
}

/** Brian's `G.v[SG]`: the elements of subgroup `sub` (of the same storage, inside this group). */
function indicesOfGroup(g: Group, sub: Group): Int32Array {
  // By name: a group and its attribute-access proxy are the same group.
  if (sub.root.name !== g.root.name || sub.start < g.start || sub.stop > g.stop) {
    throw new BrianError('index_out_of_range', `${sub.name} is not a part of ${g.name} and cannot index it.`);
  }
  return Int32Array.from({ length: sub.N }, (_, k) => sub.start + k);
}

/** Absolute indices of the elements for which `condition` is true. */
export function indicesWhere(g: Group, condition: string, namespace?: Namespace): Int32Array {
  warnNamespaceConflicts(g, identifiers(parseExpression(new SourceText(condition))), undefined, namespace);
  const mask = evaluateToBuffer(g, condition, true, namespace);
  const out: number[] = [];
  for (let k = g.start; k < g.stop; k++) if (mask[k]) out.push(k);
  return Int32Array.from(out);
}

/** Raw SI values of a variable (for subexpressions, computed now). A copy for subgroups. */
export function rawValues(g: Group, name: string, where?: Where, namespace?: Namespace): TypedArray {
  const variable = g.variable(name);
  const scalar = g.isScalarVariable(name, variable);
  if (scalar && where !== undefined) {
    throw new BrianError(
      'index_out_of_range',
      `${g.name}.${name} is shared: it has one value and cannot be indexed.`,
      {
        hint: `read it without an index: ${g.name}.${name}`,
      },
    );
  }
  let data: TypedArray;
  const index = g.indexOf(name, variable);
  const direct = index.kind === 'shared' ? !index.element : index.steps.length === 0;
  if (variable.kind === 'array' && direct) {
    data = g.device.values(variable.arrayId);
    if (scalar) return data.slice(0, 1);
  } else if (
    variable.kind === 'array' ||
    variable.kind === 'subexpression' ||
    variable.kind === 'auxiliary' ||
    variable.kind === 'constant'
  ) {
    data = evaluateToBuffer(g, name);
    // One value for all elements (Brian gives a scalar): any element's.
    if (scalar) return data.slice(g.start, g.start + 1);
  } else {
    throw new BrianError('unknown_variable', `${name} has no values.`);
  }
  const indices = absoluteIndices(g, where, false, namespace);
  if (indices === undefined) return g.start === 0 && data.length === g.N ? data : data.slice(g.start, g.stop);
  const out = new (data.constructor as new (n: number) => TypedArray)(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = data[indices[k]];
  return out;
}
