import type { Variable } from '../core/variables.ts';

/**
 * The variables of a subgroup: its parent's, seen live (a variable linked after the subgroup was
 * made is there too), with the few that are the subgroup's own (`i`, `N`) on top.
 */
export class VariableOverlay extends Map<string, Variable> {
  constructor(private readonly base: ReadonlyMap<string, Variable>) {
    super();
  }

  override get(name: string): Variable | undefined {
    return super.get(name) ?? this.base.get(name);
  }

  override has(name: string): boolean {
    return super.has(name) || this.base.has(name);
  }

  override get size(): number {
    let n = super.size;
    for (const name of this.base.keys()) if (!super.has(name)) n++;
    return n;
  }

  override *entries(): MapIterator<[string, Variable]> {
    for (const name of this.keys()) yield [name, this.get(name)!];
  }

  override *keys(): MapIterator<string> {
    for (const name of this.base.keys()) yield name;
    for (const name of super.keys()) if (!this.base.has(name)) yield name;
  }

  override *values(): MapIterator<Variable> {
    for (const name of this.keys()) yield this.get(name)!;
  }

  override [Symbol.iterator](): MapIterator<[string, Variable]> {
    return this.entries();
  }

  override forEach(fn: (value: Variable, key: string, map: Map<string, Variable>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
