import type { CodeWriter } from '../code-writer.ts';
import { ptr } from './names.ts';

/**
 * Due synapses ahead of the one being applied whose synapse-indexed arrays
 * (ir/synapse-indexed-arrays.ts) are prefetched: about
 * one DRAM latency of events (5 to 7 ns each, bench/operations.ts).
 */
export const PREFETCH_AHEAD = 48;

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
