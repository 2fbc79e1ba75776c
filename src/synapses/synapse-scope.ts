import { ExternalScope, type Namespace } from '../compiler/2-analyze/external-scope.ts';
import {
  ChainScope,
  composeIndex,
  type IndexBase,
  type IndexRef,
  type IndexStep,
  type Resolved,
  type Scope,
  SHARED_INDEX,
  TableScope,
} from '../compiler/2-analyze/scope.ts';
import type { Variable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Span } from '../diagnostics/span.ts';
import type { Group } from '../groups/group.ts';

/**
 * How synaptic code sees names (Brian's Synapses variables): the synapse's own variables, then
 * `x_pre` (source) and `x_post` (target), then bare names of the target, then external names.
 * Neuron variables are reached through index steps from the synapse index: look up the
 * synapse's pre/post index array, then add the group's offset in its storage (subgroups).
 */

/** Index of a neuron variable seen from an element of another object. */
export function throughIndex(base: IndexBase, steps: readonly IndexStep[]): (v: Variable) => IndexRef {
  return (v) => {
    const shared = v.kind === 'array' ? v.shared : v.kind === 'subexpression' && v.shared;
    return shared ? SHARED_INDEX : { kind: 'element', base, steps };
  };
}

/** Entries for the variables of `group`, renamed by `rename` (undefined skips one), with indices from `index`. */
export function viewEntries(
  group: Group,
  rename: (name: string) => string | undefined,
  index: (v: Variable) => IndexRef,
  table: Map<string, Resolved>,
  scope: () => Scope,
): void {
  // The group's own subexpressions must see the group's names, through the same indices.
  let inner: Scope | undefined;
  const innerScope = (): Scope => {
    if (!inner) {
      const t = new Map<string, Resolved>();
      inner = new ChainScope([new TableScope(t), new ExternalScope(group.namespace, undefined, group.name)]);
      for (const [name, v] of group.variables) {
        if (name.startsWith('_') && v.kind !== 'array') continue;
        t.set(name, { kind: 'variable', variable: v, index: indexOf(name, v), scope: inner });
      }
    }
    return inner;
  };
  const indexOf = (name: string, v: Variable) => composeIndex(index(v), group.indexOf(name, v));
  for (const [name, v] of group.variables) {
    if (name.startsWith('_')) continue;
    if (v.kind === 'auxiliary' && (name === 't' || name === 'dt' || name === 't_in_timesteps')) continue;
    const renamed = rename(name);
    if (renamed === undefined || table.has(renamed)) continue;
    if (v.kind === 'auxiliary' && name === 'i') {
      // `i_pre` / `i_post`: the neuron index inside its group.
      continue;
    }
    table.set(renamed, {
      kind: 'variable',
      variable: v,
      index: indexOf(name, v),
      get scope() {
        return v.kind === 'subexpression' ? innerScope() : scope();
      },
    } as Resolved);
  }
}

/** A chain of own table, then externals of the owner namespace and the run namespace. */
export function chainWithExternals(
  table: Map<string, Resolved>,
  namespace: Namespace | undefined,
  runNamespace: Namespace | undefined,
  context: string,
): Scope {
  return new ChainScope([
    new TableScope(table),
    new ExternalScope(namespace, runNamespace, context),
    MISSING_LASTUPDATE,
  ]);
}

/**
 * `lastupdate` only exists with event-driven equations: code using it otherwise gets Brian's
 * explanation of how to declare and update it (instead of a bare "could not be resolved").
 */
const MISSING_LASTUPDATE: Scope = {
  lookup(name: string, span?: Span) {
    if (name !== 'lastupdate') return undefined;
    throw new BrianError('unknown_identifier', 'The identifier "lastupdate" could not be resolved.', {
      span,
      hint:
        "lastupdate only exists for synapses with event-driven equations; to use it otherwise, add 'lastupdate : second' " +
        "to the model and 'lastupdate = t' to the pathway code",
    });
  },
  names: () => [],
};
