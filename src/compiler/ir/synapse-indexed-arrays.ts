import type { IndexRef } from '../2-analyze/scope.ts';
import type { CodeBlock, Kernel } from './kernel.ts';

/**
 * The arrays a pathway reads or writes at the synapse's own index (`w[_idx]`, the first lookup
 * of `ge[_synaptic_post[_idx]]`), sorted. Kernels fetch them early for the coming due synapses:
 * the compiled kernels prefetch them (cpp/prefetch.ts), the JavaScript kernels load the
 * next row's lines (js/kernels/synapses.ts).
 *
 * Why: a spike's synapses are one row of these arrays, and each step's spiking rows lie far apart
 * in arrays of megabytes, so the loop waited on a cache miss at every row (and the hardware
 * prefetcher only picks a row up after its first lines). The due list holds the coming synapse
 * numbers already, so their lines can be asked for early. COBAHH 64000, one thread: the
 * excitatory pathway took about half the CPU time with the prefetch (0.19 to 0.27 s against 0.42
 * to 0.44 s, three runs each, CPU clock on a loaded machine).
 */
export function synapseIndexedArrays(kernel: Kernel): string[] {
  const blocks = [kernel.condition, kernel.vector].filter((b): b is CodeBlock => b !== undefined);
  const arrays = new Set<string>();
  for (const block of blocks) {
    for (const access of [...block.loads, ...block.stores]) {
      const id = ownIndexed(access.index, access.arrayId);
      if (id !== undefined) arrays.add(id);
    }
  }
  return [...arrays].sort();
}

/** The array read at `_idx` itself when an access is `array[_idx]` or `x[array[_idx]…]`. */
function ownIndexed(index: IndexRef, arrayId: string): string | undefined {
  if (index.kind !== 'element' || index.base !== '_idx') return undefined;
  const first = index.steps[0];
  if (first === undefined) return arrayId;
  return first.kind === 'lookup' ? first.arrayId : undefined;
}
