import type { Variable } from '../../core/variables.ts';
import type { Span } from '../../diagnostics/span.ts';
import type { Dimension } from '../../units/dimension.ts';
import type { FunctionDef, ScalarType } from '../functions.ts';

/**
 * Name resolution for one piece of code. A Scope answers "what does this name mean here?" with a
 * `Resolved`; analysis, lowering and code generation all ask the same scope, so a name is looked
 * up by one rule everywhere (Brian: group variables, then constants, units, functions, the
 * group's namespace and the run namespace).
 */

/**
 * Where an element's value of an array variable sits: start from the kernel's loop index
 * (`base`), then apply each step in order (add an offset for subgroups, look up an index array for
 * linked variables and synapses).
 */
export type IndexRef =
  /** One value for all elements: element `element` (default 0) of the array, e.g. a linked variable of a size-1 group. */
  | { readonly kind: 'shared'; readonly element?: number }
  | { readonly kind: 'element'; readonly base: IndexBase; readonly steps: readonly IndexStep[] };

/** The loop indices a kernel skeleton defines. */
export type IndexBase = '_idx' | '_presynaptic_idx' | '_postsynaptic_idx';

export type IndexStep =
  | { readonly kind: 'offset'; readonly by: number }
  | {
      readonly kind: 'lookup';
      readonly arrayId: string /** The index array grows (synapses). */;
      readonly dynamic?: boolean;
    };

export const OWN_INDEX: IndexRef = { kind: 'element', base: '_idx', steps: [] };
export const SHARED_INDEX: IndexRef = { kind: 'shared' };

export type Resolved =
  | {
      readonly kind: 'variable';
      readonly variable: Variable;
      readonly index: IndexRef;
      /** The scope in which a subexpression's definition is resolved (its owner, seen through the same index). */
      readonly scope: Scope;
    }
  | { readonly kind: 'constant'; readonly value: number; readonly dim: Dimension; readonly type: ScalarType }
  | { readonly kind: 'function'; readonly def: FunctionDef };

export interface Scope {
  /** The meaning of `name`, or undefined when this scope does not know it. */
  lookup(name: string, span?: Span): Resolved | undefined;
  /** Every name this scope defines itself (for messages that suggest close names). */
  names(): Iterable<string>;
}

/** Looks names up in the first scope that knows them. */
export class ChainScope implements Scope {
  constructor(private readonly scopes: readonly Scope[]) {}

  lookup(name: string, span?: Span): Resolved | undefined {
    for (const scope of this.scopes) {
      const found = scope.lookup(name, span);
      if (found) return found;
    }
    return undefined;
  }

  *names(): Iterable<string> {
    for (const scope of this.scopes) yield* scope.names();
  }
}

/** A fixed table of names, e.g. the variables of a group seen through some index. */
export class TableScope implements Scope {
  constructor(private readonly table: ReadonlyMap<string, Resolved>) {}

  lookup(name: string): Resolved | undefined {
    return this.table.get(name);
  }

  names(): Iterable<string> {
    return this.table.keys();
  }
}

/**
 * The index of a variable seen through another object's index: `outer` reaches an element of the
 * owning group (e.g. `_postsynaptic_idx`), `inner` is how the group itself indexes the variable
 * (its own element, a linked variable's index array, or one shared element).
 */
export function composeIndex(outer: IndexRef, inner: IndexRef): IndexRef {
  if (inner.kind === 'shared' || outer.kind === 'shared') return inner.kind === 'shared' ? inner : outer;
  if (inner.base !== '_idx') return inner;
  return { kind: 'element', base: outer.base, steps: [...outer.steps, ...inner.steps] };
}

/** Re-bases every element index of `scope` (the post-synaptic group seen from a synapse: `_idx` → `_postsynaptic_idx`). */
export function rebaseIndex(index: IndexRef, base: IndexBase, prefix: readonly IndexStep[] = []): IndexRef {
  if (index.kind === 'shared') return index;
  if (index.base !== '_idx') return index;
  return { kind: 'element', base, steps: [...prefix, ...index.steps] };
}
