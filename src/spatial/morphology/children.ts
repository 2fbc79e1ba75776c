import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Morphology } from './morphology.ts';

/** Bumped at every change of any tree, so that layouts computed from a tree know when they are stale. */
export const treeChanges = { count: 0 };

/**
 * The subtrees of a section (Brian's `Children`): in the order they were attached, each under
 * the name it was given (`axon`, `L`) and under its automatic number (`1`, `2`, …, the first
 * attached being `1`). Iterating gives the subtrees.
 */
export class Children implements Iterable<Morphology> {
  private counter = 0;
  private readonly list: Morphology[] = [];
  private readonly named = new Map<string, Morphology>();
  private readonly givenName = new Map<Morphology, string | undefined>();

  constructor(private readonly owner: Morphology) {}

  /** Iterates over the subtrees in the order they were attached (Brian's `for child in morpho.children`). */
  [Symbol.iterator](): Iterator<Morphology> {
    return this.list[Symbol.iterator]();
  }

  /** Number of subtrees attached directly (Brian's `len(morpho.children)`). */
  get length(): number {
    return this.list.length;
  }

  /** Whether a subtree is known under `name` (given or automatic). */
  has(name: string): boolean {
    return this.named.has(name);
  }

  /** Whether `subtree` is attached directly to this section. */
  includes(subtree: Morphology): boolean {
    return this.list.includes(subtree);
  }

  /** The name a subtree was given (not its automatic number). */
  name(child: Morphology): string | undefined {
    return this.givenName.get(child);
  }

  /** The subtree called `name` (given, or its automatic number `'1'`, `'2'`…); `bad_argument` if there is none. */
  get(name: string): Morphology {
    const found = this.named.get(name);
    if (!found) throw unknownSubtree(name);
    return found;
  }

  /**
   * Attaches `subtree` under `name`. A name already used for another subtree is an error, or
   * with `automaticName` becomes `name2`, `name3`, … (as SWC files with several sections of
   * one type need).
   */
  add(name: string | undefined, subtree: Morphology, automaticName = false): void {
    let given = name;
    if (given !== undefined && this.named.has(given) && this.named.get(given) !== subtree) {
      if (!automaticName) {
        throw new BrianError('bad_argument', `The name ${given} is already used for a subtree.`);
      }
      const base = given;
      for (let k = 2; this.named.has(given); k++) given = `${base}${k}`;
    }
    if (!this.list.includes(subtree)) {
      this.counter += 1;
      this.list.push(subtree);
      this.named.set(String(this.counter), subtree);
      this.givenName.set(subtree, given);
    }
    if (given !== undefined) this.named.set(given, subtree);
    subtree.attachTo(this.owner);
    treeChanges.count += 1;
  }

  /** Detaches the subtree called `name` (its automatic number stays taken, as in Brian). */
  remove(name: string): void {
    const subtree = this.named.get(name);
    if (!subtree) throw unknownSubtree(name);
    this.named.delete(name);
    this.list.splice(this.list.indexOf(subtree), 1);
    subtree.attachTo(undefined);
    treeChanges.count += 1;
  }

  toString(): string {
    const n = this.list.length;
    if (n === 0) return `<${n} children>`;
    const names = this.list.map((c) => `'${this.name(c) ?? ''}': ${c.toString()}`);
    return `<${n} children: {${names.join(', ')}}>`;
  }
}

export function unknownSubtree(name: string): BrianError {
  return new BrianError('unknown_section', `The subtree ${name} does not exist.`);
}
