import type { Kernel } from '../../ir/kernel.ts';

/**
 * Whether the elements of a kernel's loop are independent, so that OpenMP threads may share
 * them: every store goes to the element itself (`_idx`, possibly offset for a subgroup), only
 * the element's own locals are assigned, and no
 * function draws random numbers or keeps state (one generator stream must be consumed in order,
 * so that a seed gives the same numbers with and without threads).
 */
export function elementsIndependent(kernel: Kernel): boolean {
  if ([...kernel.functions].some((f) => f.stateful)) return false;
  const blocks = [kernel.vector, kernel.condition].filter((b) => b !== undefined);
  // Locals of the element: loaded or declared per element. Assigning any other (one of the
  // scalar block) would be a race between threads.
  const own = new Set<string>();
  for (const block of blocks) {
    for (const load of block.loads) own.add(load.local);
    for (const s of block.statements) {
      if (s.kind === 'let') own.add(s.name);
      else if (!own.has(s.name)) return false;
    }
  }
  for (const block of blocks) {
    for (const store of block.stores) {
      if (store.index.kind !== 'element' || store.index.base !== '_idx') return false;
      if (store.index.steps.some((s) => s.kind !== 'offset')) return false;
    }
  }
  return true;
}
