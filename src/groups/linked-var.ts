import { ExternalScope, type Namespace } from '../compiler/2-analyze/external-scope.ts';
import {
  ChainScope,
  composeIndex,
  type IndexRef,
  type Resolved,
  type Scope,
  TableScope,
} from '../compiler/2-analyze/scope.ts';
import type { Variable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Dimension } from '../units/dimension.ts';
import type { Group } from './group.ts';
import { isVariableView, type VariableView } from './variable-view.ts';

/** Which element of the source each element of the linked group reads. */
export type LinkIndex = ArrayLike<number> | string;

/**
 * What `linkedVar(G.x)` (or `linkedVar(G, 'x')`) returns: the source of a `(linked)` variable,
 * assigned with `H.y = linkedVar(G.x, { index })` (Brian's `linked_var`).
 */
export class LinkedVariable {
  constructor(
    /** The group the values are read from. */
    readonly group: Group,
    /** The variable of `group` that is read. */
    readonly name: string,
    /** For each element of the linked group, the element of `group` it reads: an array, or the name of an integer variable of the linked group. */
    readonly index?: LinkIndex,
  ) {}
}

/**
 * Links a `(linked)` parameter to the variable `view` (Brian's `linked_var(G.x, index=…)`):
 * `H.x = linkedVar(G.x)`. Without `index` the groups correspond one to one (or the source has one
 * element, read by all); `index[k]` (numbers, or the name of an integer variable of the linking
 * group) names the element of the source that element k reads.
 */
export function linkedVar(view: VariableView, options?: { index?: LinkIndex }): LinkedVariable;
/**
 * Links a `(linked)` parameter to variable `name` of `group` (Brian's `linked_var(G, 'x', index=…)`):
 * `H.x = linkedVar(G, 'x')`; `index` as for `linkedVar(G.x)`.
 */
export function linkedVar(group: Group, name: string, options?: { index?: LinkIndex }): LinkedVariable;
export function linkedVar(
  source: VariableView | Group,
  nameOrOptions?: string | { index?: LinkIndex },
  options: { index?: LinkIndex } = {},
): LinkedVariable {
  if (isVariableView(source)) {
    if (typeof nameOrOptions === 'string') {
      throw new BrianError(
        'bad_argument',
        `linkedVar(${source.group.name}.${source.name}) takes no variable name.`,
        {
          hint: `linkedVar(${source.group.name}.${source.name}) or linkedVar(${source.group.name}, '${source.name}')`,
        },
      );
    }
    return new LinkedVariable(source.group, source.name, nameOrOptions?.index);
  }
  if (typeof nameOrOptions !== 'string') {
    throw new BrianError(
      'bad_argument',
      'linkedVar(group, name) needs the name of the variable to link to.',
      {
        hint: "linkedVar(G.x) or linkedVar(G, 'x')",
      },
    );
  }
  return new LinkedVariable(source, nameOrOptions, options.index);
}

/** How a linked variable reaches its source: its index, and for a subexpression the scope its definition is read in. */
export interface ResolvedLink {
  readonly variable: Variable;
  readonly index: IndexRef;
  /** Subexpressions: the source's names seen through the link (given the run's namespace). */
  readonly scope?: (runNamespace?: Namespace) => Scope;
}

/**
 * Checks a link and works out where `target.name` finds its values: the element of the source
 * given by the index (an array, an integer variable of `target`, one-to-one for groups of the
 * same size, the single element of a one-element group), then the source's own index for that
 * variable (a variable linked to a linked variable goes through both).
 */
export function resolveLink(
  target: Group,
  name: string,
  link: LinkedVariable,
  declared: Dimension | undefined,
): ResolvedLink {
  const src = link.group;
  const source = src.variables.get(link.name);
  if (!source || source.kind === 'constant' || source.kind === 'auxiliary') {
    throw new BrianError(
      'unknown_variable',
      `${src.name} has no state variable or subexpression "${link.name}" to link to.`,
    );
  }
  if (source.kind === 'array' && source.dynamic) {
    throw new BrianError(
      'bad_argument',
      `Linking to ${src.name}.${link.name} is not supported: only variables of fixed size (not synaptic ones) can be linked.`,
    );
  }
  if (declared && !declared.equals(source.dim)) {
    throw new BrianError(
      'dimension_mismatch',
      `Linked variable ${name} has dimension ${declared}, but ${src.name}.${link.name} has dimension ${source.dim}.`,
    );
  }
  const toSource = sourceIndex(target, name, link, source.shared);
  const index = composeIndex(toSource, src.indexOf(link.name, source));
  if (source.kind === 'array') return { variable: { ...source, name }, index };
  return { variable: source, index, scope: (runNamespace) => src.scopeThrough(toSource, runNamespace) };
}

/**
 * The names of `group` seen from elements of another group, each element reading element
 * `toSource` of `group` (where a linked subexpression is computed).
 */
export function scopeThrough(group: Group, toSource: IndexRef, runNamespace?: Namespace): Scope {
  const table = new Map<string, Resolved>();
  const scope = new ChainScope([
    new TableScope(table),
    new ExternalScope(group.namespace, runNamespace, group.name),
  ]);
  for (const [name, variable] of group.variables) {
    const index = composeIndex(toSource, group.indexOf(name, variable));
    table.set(name, {
      kind: 'variable',
      variable,
      index,
      scope: group.linkedScopes.get(name)?.(runNamespace) ?? scope,
    });
  }
  return scope;
}

/** The absolute element of the source group that each element of `target` reads. */
function sourceIndex(target: Group, name: string, link: LinkedVariable, shared: boolean): IndexRef {
  const src = link.group;
  if (link.index === undefined) {
    if (shared) return { kind: 'shared' };
    // One value for all: Brian's index '0' for a link from a one-element group to a larger one.
    if (src.N === 1 && target.N !== 1) return { kind: 'shared', element: src.start };
    if (src.N !== target.N) {
      throw new BrianError(
        'bad_argument',
        `Cannot link ${target.name}.${name} (size ${target.N}) to ${src.name}.${link.name} (size ${src.N}): sizes differ.`,
        { hint: 'give an index: linkedVar(G.x, { index })' },
      );
    }
    const by = src.start - target.start;
    return { kind: 'element', base: '_idx', steps: by === 0 ? [] : [{ kind: 'offset', by }] };
  }
  const offset = src.start ? [{ kind: 'offset' as const, by: src.start }] : [];
  if (typeof link.index === 'string') {
    const indexVar = target.variables.get(link.index);
    if (indexVar?.kind !== 'array' || indexVar.type !== 'integer' || indexVar.shared) {
      throw new BrianError(
        'type_mismatch',
        `The index of linked variable ${target.name}.${name} must be an integer variable of ${target.name}; "${link.index}" is not.`,
      );
    }
    return {
      kind: 'element',
      base: '_idx',
      steps: [{ kind: 'lookup', arrayId: indexVar.arrayId }, ...offset],
    };
  }
  const index = checkedIndexArray(target, name, link);
  const arrayId = `${target.storage}_${name}__linked_index`;
  const data = target.device.allocate(arrayId, 'integer', target.storageSize()).data;
  index.forEach((k, n) => {
    data[target.start + n] = k;
  });
  return { kind: 'element', base: '_idx', steps: [{ kind: 'lookup', arrayId }, ...offset] };
}

/** Brian's checks of an index array: integers, one dimension, one per element of the target, inside the source. */
function checkedIndexArray(target: Group, name: string, link: LinkedVariable): number[] {
  const src = link.group;
  const given = link.index as ArrayLike<unknown>;
  if (typeof given !== 'object' || given === null || typeof given.length !== 'number') {
    throw new BrianError(
      'bad_argument',
      `The index of linked variable ${name} must be an array of integers.`,
    );
  }
  const index = Array.from(given);
  if (!index.every((k) => typeof k === 'number' && Number.isInteger(k))) {
    throw new BrianError(
      'bad_argument',
      `The index of linked variable ${name} must be a one-dimensional array of integers.`,
    );
  }
  if (index.length !== target.N) {
    throw new BrianError(
      'bad_argument',
      `The index of linked variable ${name} has ${index.length} values, ${target.name} has ${target.N} elements.`,
    );
  }
  for (const k of index as number[]) {
    if (k < 0 || k >= src.N) {
      throw new BrianError('index_out_of_range', `Linked index ${k} is outside ${src.name} (size ${src.N}).`);
    }
  }
  return index as number[];
}
