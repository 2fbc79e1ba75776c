import type { CodeBlock, Kernel } from '../../ir/kernel.ts';

/**
 * Whether the iterations of a kernel's element loop are independent of each other: every store
 * goes to the element itself (`_idx`, possibly offset for a subgroup), an array that is written
 * is read only at that element too, and only the element's own locals are assigned (not one
 * computed by the scalar block). Such loops get `#pragma GCC ivdep` (the compiler need not
 * check at run time whether the arrays overlap, which it gives up on beyond ten pairs).
 */
export function iterationsIndependent(kernel: Kernel): boolean {
  const blocks = [kernel.vector, kernel.condition].filter((b): b is CodeBlock => b !== undefined);
  const own = new Set<string>();
  for (const block of blocks) {
    for (const load of block.loads) own.add(load.local);
    for (const s of block.statements) {
      if (s.kind === 'let') own.add(s.name);
      else if (!own.has(s.name)) return false;
    }
  }
  const written = new Set<string>();
  for (const block of blocks) {
    for (const store of block.stores) {
      if (!isOwnElement(store.index)) return false;
      written.add(store.arrayId);
    }
  }
  for (const block of blocks) {
    for (const load of block.loads) {
      if (written.has(load.arrayId) && !isOwnElement(load.index)) return false;
    }
  }
  return true;
}

/**
 * Whether OpenMP threads may share the loop: independent iterations, and no function keeping
 * state between calls (a user function declared not stateless). Random numbers do not tie
 * elements together: each element's draws are keyed by its index (core/random), so a seed gives
 * the same numbers with any number of threads.
 */
export function elementsIndependent(kernel: Kernel): boolean {
  return iterationsIndependent(kernel) && ![...kernel.functions].some((f) => f.stateful && !f.random);
}

function isOwnElement(index: CodeBlock['stores'][number]['index']): boolean {
  return index.kind === 'element' && index.base === '_idx' && index.steps.every((s) => s.kind === 'offset');
}
