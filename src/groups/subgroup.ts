import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { IndexRef, Scope } from '../compiler/2-analyze/scope.ts';
import type { Variable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { BrianObject, Runner } from '../network/brian-object.ts';
import { uniqueName } from '../network/names.ts';
import { Group } from './group.ts';
import { indexRange, sliceRange } from './subgroup-index.ts';
import { VariableOverlay } from './variable-overlay.ts';

/**
 * A contiguous part of a group (Brian's `G[10:20]`), sharing its parent's storage: kernels on a
 * subgroup visit the parent's elements `start…stop-1`, and `i` counts from 0 inside it.
 * Usable wherever a group is: as synapse source or target, monitor source, for state access.
 */
export class Subgroup extends Group {
  // biome-ignore lint/suspicious/noExplicitAny: dynamic state-variable properties, as NeuronGroup
  [variable: string]: any;

  private readonly first: number;
  private readonly size: number;

  constructor(
    /** The group this is a part of (itself possibly a subgroup). */
    readonly parent: Group,
    start: number,
    stop: number,
  ) {
    // The parent's variables themselves (Brian's references): only `i` and `N` are the subgroup's own.
    super(
      uniqueName(`${parent.name}_subgroup*`),
      parent.clock,
      parent.device,
      parent.namespace,
      new VariableOverlay(parent.variables),
    );
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(stop) ||
      start < 0 ||
      stop > parent.N ||
      start >= stop
    ) {
      throw new BrianError(
        'index_out_of_range',
        `A subgroup of ${parent.name} needs 0 <= start < stop <= ${parent.N}, got ${start}:${stop}.`,
      );
    }
    this.first = parent.start + start;
    this.size = stop - start;
    this.addIndexVariables();
    this.exposeVariables();
  }

  get N(): number {
    return this.size;
  }

  override get start(): number {
    return this.first;
  }

  /** The group whose storage this subgroup views (follows nested subgroups to the top). */
  override get root(): Group {
    return this.parent instanceof Subgroup ? this.parent.root : this.parent;
  }

  /**
   * A subexpression of the parent means here what it means there (Brian resolves it in its
   * owner): `abs_i = i` is the parent's, absolute `i`, not the subgroup's own.
   */
  override codeScope(runNamespace?: Namespace, extra?: Namespace): Scope {
    const own = super.codeScope(runNamespace, extra);
    const parent = this.parent.codeScope(runNamespace, extra);
    return {
      lookup: (name, span) => {
        const found = own.lookup(name, span);
        return found?.kind === 'variable' && found.variable.kind === 'subexpression'
          ? { ...found, scope: parent }
          : found;
      },
      names: () => own.names(),
    };
  }

  /** Variables are indexed as in the parent (linked variables through the parent's links). */
  override indexOf(name: string, variable: Variable): IndexRef {
    return this.parent.indexOf(name, variable);
  }

  /** Brian's `Subgroup.source`: the group whose storage this subgroup views. */
  get source(): Group {
    return this.root;
  }

  /** Elements `start` to `stop` (exclusive; negative from the end) of this subgroup (Brian's `SG[start:stop]`). */
  slice(start?: number, stop?: number, step?: number): Subgroup {
    const [a, b] = sliceRange(this.N, start, stop, step);
    return new Subgroup(this, a, b);
  }

  /** Element `k`, or the contiguous elements listed, as a subgroup (Brian's `SG[k]`, `SG[[k, l]]`). */
  at(index: number | readonly number[]): Subgroup {
    const [a, b] = indexRange(this.N, index);
    return new Subgroup(this, a, b);
  }

  override storageSize(): number {
    return this.root.N;
  }

  /** Its `runRegularly` code (Brian runs a subgroup's operations with its parent, see Group.runRegularly). */
  runners(): readonly Runner[] {
    return this.regularRunners;
  }

  stateArrays(): readonly string[] {
    return [];
  }

  override dependencies() {
    return [this.parent];
  }

  override dependencyRoot(): BrianObject {
    return this.root;
  }

  /** Spike space of the root group (monitors of a subgroup filter it by range). */
  arrayId(name: string): string {
    return (this.root as unknown as { arrayId(n: string): string }).arrayId(name);
  }

  /** Brian's text: `<Subgroup 'neurongroup_subgroup' of 'neurongroup' from 0 to 2>`. */
  override toString(): string {
    const from = this.first - this.parent.start;
    return `<Subgroup '${this.name}' of '${this.parent.name}' from ${from} to ${from + this.size}>`;
  }
}
