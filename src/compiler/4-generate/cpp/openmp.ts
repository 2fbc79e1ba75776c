import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { platform } from '../../../platform/platform.ts';
import type { IndexRef } from '../../2-analyze/scope.ts';
import type { CodeBlock, Kernel } from '../../ir/kernel.ts';
import type { CodeWriter } from '../code-writer.ts';
import type { CppKernelContext } from './context.ts';
import { indexExpr } from './emit-block.ts';

/**
 * OpenMP for the compiled kernels. Every parallel loop is written so that its results are the
 * serial loop's to the bit, whatever the number of threads: a thread only ever writes elements
 * no other thread touches, and what is summed into one element is summed in the serial order.
 */

/**
 * A developer switch of the OpenMP code read from the environment (BRIAN_PARALLEL_PROPAGATION,
 * BRIAN_PARALLEL_THRESHOLD, BRIAN_LOOP_CHOICE): unset or empty, or one of `values`. Any other
 * value is a coded error, not a silent default (a misspelt `paralel` would otherwise measure the
 * default and be read as the switch's effect).
 */
export function envSwitch<const V extends string>(name: string, values: readonly V[]): V | undefined {
  const value = platform().env(name);
  if (value === undefined || value === '') return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw new BrianError(
      'bad_argument',
      `${name}=${JSON.stringify(value)} is not one of ${values.join(', ')}.`,
      {
        hint: `unset ${name} for the default`,
      },
    );
  }
  return value as V;
}

/** The `num_threads(n)` clause when the context fixes the count (runtime kernels), else nothing. */
export function threadsClause(ctx: CppKernelContext): string {
  return ctx.threads !== undefined ? ` num_threads(${ctx.threads})` : '';
}

/** Whether the kernel is printed with OpenMP at all. */
export function openmpOn(ctx: CppKernelContext): boolean {
  return ctx.openmp === true;
}

/**
 * Targets are shared out among threads in blocks of this many consecutive elements, block b
 * going to thread b mod threads: the threads' writes never share a cache line (64 doubles are
 * 8 lines), and no target count is needed.
 */
export const TARGET_BLOCK_SHIFT = 6;

/**
 * How the synapses of a pathway can be shared out by target so that no two threads write one
 * element: `key` is the C++ expression of the element a synapse `_idx` writes (its
 * postsynaptic neuron, before any subgroup offset), or `_idx` when every write goes to the
 * synapse itself (each synapse is then always handled by one thread, in order). Undefined when the kernel writes
 * anything else (a presynaptic variable, two different targets), reads a written array at
 * another element than it writes, assigns a local of the scalar block, or calls a function that
 * keeps state between calls: such kernels stay serial.
 */
export function targetPartition(kernel: Kernel): { key: string; keyArray?: string } | undefined {
  const blocks = [kernel.vector, kernel.condition].filter((b): b is CodeBlock => b !== undefined);
  if ([...kernel.functions].some((f) => f.stateful)) return undefined;
  const own = new Set<string>();
  for (const block of blocks) {
    for (const load of block.loads) own.add(load.local);
    for (const s of block.statements) {
      if (s.kind === 'let') own.add(s.name);
      else if (!own.has(s.name)) return undefined;
    }
  }
  // Every written array is read and written at one index only, and every such index is either
  // the synapse itself or one lookup of it (plus offsets) through the same index array.
  const written = new Map<string, string>();
  let lookup: string | undefined;
  for (const block of blocks) {
    for (const store of block.stores) {
      const shape = indexShape(store.index);
      if (shape === undefined) return undefined;
      if (shape !== 'own') {
        if (lookup !== undefined && lookup !== shape) return undefined;
        lookup = shape;
      }
      const text = indexExpr(store.index);
      if (written.has(store.arrayId) && written.get(store.arrayId) !== text) return undefined;
      written.set(store.arrayId, text);
    }
  }
  for (const block of blocks) {
    for (const load of block.loads) {
      const at = written.get(load.arrayId);
      if (at !== undefined && at !== indexExpr(load.index)) return undefined;
    }
  }
  return lookup === undefined ? { key: '_idx' } : { key: `${lookupPointer(lookup)}[_idx]`, keyArray: lookup };
}

/**
 * Whether a pathway's kernel applies its synapses from a spike queue split into one part per
 * thread (kernels/synapses.ts, brianlib's `SpikeQueue::prepare_parts`), and the array id of the
 * key the synapses are split by (the postsynaptic index; none: the synapse itself). Only where the
 * program runs the queue (standalone, not distributed: `ctx.queues`) and the kernel can be
 * shared out by target (targetPartition). `BRIAN_PARALLEL_PROPAGATION=0` when the code is
 * generated keeps propagation on one thread.
 */
export function queueParts(kernel: Kernel, ctx: CppKernelContext): { keyArray?: string } | undefined {
  if (kernel.kind !== 'synapses' || !openmpOn(ctx) || !ctx.queues || ctx.partition) return undefined;
  if (envSwitch('BRIAN_PARALLEL_PROPAGATION', ['0', '1']) === '0') return undefined;
  const partition = targetPartition(kernel);
  return partition && { keyArray: partition.keyArray };
}

/** `'own'` for `_idx` (plus offsets), the index array for `array[_idx]` (plus offsets), else undefined. */
function indexShape(index: IndexRef): string | undefined {
  if (index.kind !== 'element' || index.base !== '_idx') return undefined;
  const lookups = index.steps.filter((s) => s.kind === 'lookup');
  if (lookups.length === 0) return 'own';
  if (lookups.length > 1 || index.steps[0].kind !== 'lookup') return undefined;
  return lookups[0].arrayId;
}

function lookupPointer(arrayId: string): string {
  return indexExpr({ kind: 'element', base: '_idx', steps: [{ kind: 'lookup', arrayId }] }).replace(
    /\[_idx\]$/,
    '',
  );
}

/** Fewer events than this run on one thread: waking the others would cost more. */
export const MIN_PARALLEL_EVENTS = 1024;

/**
 * `if (cond) { #pragma …; loop } else { loop }`: the loop printed twice, so that the serial case
 * calls no OpenMP at all (a region with a false `if` clause still sets up a team of one: 2 µs a
 * call, 2 % of CUBA 64000's step loop for its reset alone) and keeps the function's own pointers.
 * `serial` is the pragma of the serial copy (`#pragma omp simd` where the parallel loop is a
 * `for simd`, so both copies are vectorised alike).
 */
export function emitParallelOrSerial(
  w: CodeWriter,
  cond: string,
  pragma: string,
  loop: () => void,
  serial?: string,
): void {
  w.block(`if (${cond})`, () => {
    w.line(pragma);
    loop();
  });
  w.block('else', () => {
    if (serial) w.line(serial);
    loop();
  });
}

/**
 * A parallel region in which every thread runs `loop` over all elements and keeps those for
 * which `_mine(target)` holds: target blocks of 2^TARGET_BLOCK_SHIFT elements dealt out round
 * robin. Each target is therefore written by one thread, in the serial order. Below `when`, the
 * loop runs without a region, `_mine` always true.
 */
export function emitTargetShare(w: CodeWriter, ctx: CppKernelContext, when: string, loop: () => void): void {
  w.block(`if (${when})`, () => {
    w.line(`#pragma omp parallel${threadsClause(ctx)}`);
    w.block('', () => {
      w.line('const uint32_t _nt = (uint32_t)omp_get_num_threads();');
      w.line('const uint32_t _tid = (uint32_t)omp_get_thread_num();');
      w.line(
        `const auto _mine = [=](int32_t _target) { return ((uint32_t)_target >> ${TARGET_BLOCK_SHIFT}) % _nt == _tid; };`,
      );
      loop();
    });
  });
  w.block('else', () => {
    w.line('const auto _mine = [](int32_t) { return true; };');
    loop();
  });
}

/**
 * A loop whose results do not depend on the number of threads, run on all of them or on one as
 * timing says (brianlib/loop_choice.h): `parallel` prints the parallel loop, `serial` the
 * serial one; `work` is the C++ expression of its size, for the timing. With `large`, a C++
 * condition, calls where it is false run serially and are not timed.
 */
export function emitChosenLoop(
  w: CodeWriter,
  work: string,
  parallel: () => void,
  serial: () => void,
  large?: string,
): void {
  // The program reads BRIAN_LOOP_CHOICE itself (loop_choice.h); checked here, where it can be refused.
  envSwitch('BRIAN_LOOP_CHOICE', ['parallel', 'serial']);
  w.line('static brian::LoopChoice _choice;');
  if (large) w.line(`const bool _large = ${large};`);
  w.block(large ? 'if (_large && _choice.parallel())' : 'if (_choice.parallel())', parallel);
  w.block('else', serial);
  w.line(`${large ? 'if (_large) ' : ''}_choice.done((double)(${work}));`);
}
