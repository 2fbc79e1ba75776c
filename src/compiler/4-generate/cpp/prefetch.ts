import type { IndexRef } from '../../2-analyze/scope.ts';
import type { CodeBlock, Kernel } from '../../ir/kernel.ts';
import type { CodeWriter } from '../code-writer.ts';
import { ptr } from './names.ts';

/**
 * Due synapses ahead of the one being applied whose synapse-indexed arrays are prefetched: about
 * one DRAM latency of events (5 to 7 ns each, bench/operations.ts).
 */
export const PREFETCH_AHEAD = 48;

/**
 * The arrays a pathway reads or writes at the synapse's own index (`w[_idx]`, the first lookup
 * of `ge[_synaptic_post[_idx]]`), sorted: what a due-list loop can prefetch for the synapse
 * PREFETCH_AHEAD places on.
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

/** Inside `for (_k < _n)` over a list `_due`: prefetches the arrays' elements of the synapse PREFETCH_AHEAD on. */
export function emitPrefetch(w: CodeWriter, arrays: readonly string[]): void {
  if (arrays.length === 0) return;
  w.block(`if (_k + ${PREFETCH_AHEAD} < _n)`, () => {
    w.line(`const int32_t _ahead = _due[_k + ${PREFETCH_AHEAD}];`);
    for (const id of arrays) w.line(`__builtin_prefetch(&${ptr(id)}[_ahead]);`);
  });
}

/**
 * Inside a walk over due rows (kernels/synapses.ts): when `condition` holds, prefetches the
 * arrays' elements of a coming row, synapses `first` … `end - 1` (C++ expressions, after the
 * lines `locate` prints), whole (brian::prefetch_run). A row walk has no list to look ahead in,
 * and the hardware prefetcher finds each row only after its first lines: CUBA 64000, walking
 * rows took 3.5 ns per event against the list's 4.6 (a C++ model of the step: 64 000 neurons
 * streamed, then 37 random rows of 80 sorted targets, 7 runs each).
 */
export function emitRowPrefetch(
  w: CodeWriter,
  arrays: readonly string[],
  condition: string,
  first: string,
  end: string,
  locate?: () => void,
): void {
  if (arrays.length === 0) return;
  w.block(`if (${condition})`, () => {
    locate?.();
    for (const id of arrays) w.line(`brian::prefetch_run(${ptr(id)}, ${first}, ${end});`);
  });
}
