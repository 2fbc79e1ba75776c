import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Runner } from '../network/brian-object.ts';
import { uniqueName } from '../network/names.ts';
import { Group } from './group.ts';

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
    super(uniqueName(`${parent.name}_subgroup*`), parent.clock, parent.device, parent.namespace);
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
    for (const [name, v] of parent.variables) this.variables.set(name, v);
    this.addAuxiliaries();
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

  /** Elements `start` to `stop` (exclusive, counted inside this subgroup) as a subgroup of their own. */
  slice(start: number, stop: number): Subgroup {
    return new Subgroup(this, start, stop);
  }

  override storageSize(): number {
    return this.root.N;
  }

  runners(): readonly Runner[] {
    return [];
  }

  stateArrays(): readonly string[] {
    return [];
  }

  override dependencies() {
    return [this.parent];
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
