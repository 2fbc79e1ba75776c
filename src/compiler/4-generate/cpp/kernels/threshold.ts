import type { Kernel } from '../../../ir/kernel.ts';
import { isPure } from '../../../ir/passes/expand-powers.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { ThresholdParams } from '../../js/kernels/threshold.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws, functionTable } from '../emit-block.ts';
import { ptr } from '../names.ts';
import { envSwitch, openmpOn, threadsClause } from '../openmp.ts';
import { elementsIndependent } from '../parallel.ts';
import { emitTeamRange, teamBlockStart, teamKernel } from '../team.ts';

/** Elements per chunk of the two-pass loop. */
const CHUNK = 64;

/**
 * Fills the spike space: indices of the elements whose condition holds, then their count at `size`.
 *
 * A loop that appends to the spike space cannot be vectorised, yet the condition is evaluated
 * for every neuron at every step. So when the condition has no side effects, the loop runs over
 * chunks: a vectorised pass ORs the chunk's conditions into one 32-bit integer, and only a
 * chunk with a spike is evaluated again, serially, to append (spikes are rare: a few chunks in a
 * thousand). Same events in the same order. Measured on CUBA's `v > Vt` with refractoriness,
 * 64000 neurons: 7 µs per step, against 34 µs when the conditions of a chunk were stored in an
 * array and scanned again, and 25 µs for the plain appending loop.
 *
 * With OpenMP, each thread scans its own block of neurons (whole chunks) and writes its events
 * into the spike space from the start of its block on (a block of k neurons has at most k
 * events, so blocks never overlap); then the blocks' events are moved down in block order: the
 * serial events in the serial order. In a standalone program that threshold is a team kernel
 * (team.ts): the threads of the step's region scan the blocks of the state update, with no
 * region of its own. Even so it was slower than one thread at the sizes measured (COBAHH 64000,
 * 2 threads: 0.11 to 0.26 s against 0.07 to 0.09 s, thread 0's time with the waits), so it too
 * needs BRIAN_PARALLEL_THRESHOLD=1.
 *
 * In a distributed program (MPI) each process scans only the block of neurons it owns, serially;
 * the program then exchanges the events.
 */
export function threshold(
  w: CodeWriter,
  kernel: Kernel<ThresholdParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  emitBlock(w, kernel.scalar, kernel, declared);
  w.line(`int32_t* _events = ${ptr(p.eventspace)};`);
  if (teamKernel(kernel, ctx)) {
    teamThreshold(w, kernel, declared);
    return;
  }
  // With a region of its own, per-thread blocks merged in order cost more than they save at the
  // sizes measured (bench/operations.ts, COBAHH 64000, standalone before team kernels, 2 threads:
  // 0.228 s against 0.115 s serial): such thresholds run on one thread unless
  // BRIAN_PARALLEL_THRESHOLD=1.
  if (
    ctx.partition ||
    !openmpOn(ctx) ||
    envSwitch('BRIAN_PARALLEL_THRESHOLD', ['0', '1']) !== '1' ||
    !elementsIndependent(kernel) ||
    p.size < 2 * CHUNK
  ) {
    const own = ctx.partition?.neurons('0', String(p.size)) ?? { start: '0', stop: String(p.size) };
    w.line('int32_t _count = 0;');
    scan(w, kernel, declared, own.start, own.stop);
    w.line(`_events[${p.size}] = _count;`);
    return;
  }
  w.line('int32_t _counts[256];');
  w.line('int32_t _blocks = 1;');
  w.line(`#pragma omp parallel${threadsClause(ctx)}`);
  w.block('', () => {
    w.line('const int32_t _nt = omp_get_num_threads() < 256 ? omp_get_num_threads() : 256;');
    w.line('const int32_t _tid = omp_get_thread_num();');
    w.block('if (_tid < _nt)', () => {
      w.line(`const int32_t _lo = ${blockStart('_tid', p.size)};`);
      w.line(`const int32_t _hi = ${blockStart('(_tid + 1)', p.size)};`);
      w.line('int32_t _count = _lo;');
      scan(w, kernel, declared, '_lo', '_hi');
      w.line('_counts[_tid] = _count - _lo;');
      w.line('if (_tid == 0) _blocks = _nt;');
    });
  });
  compactBlocks(w, '_blocks', (b) => blockStart(b, p.size, '_blocks'), String(p.size));
}

/**
 * Moves the events each block wrote from its own start down to follow the previous blocks'
 * (`_counts[b]` each), in block order, and stores the total: the spikes in neuron order.
 */
function compactBlocks(w: CodeWriter, blocks: string, start: (b: string) => string, size: string): void {
  w.line('int32_t _total = 0;');
  w.block(`for (int32_t _b = 0; _b < ${blocks}; _b++)`, () => {
    w.line(`const int32_t _start = ${start('_b')};`);
    w.line(
      'if (_total != _start) std::memmove(_events + _total, _events + _start, sizeof(int32_t) * _counts[_b]);',
    );
    w.line('_total += _counts[_b];');
  });
  w.line(`_events[${size}] = _total;`);
}

/**
 * The team kernel (team.ts): each thread scans the block of neurons whose state it updated,
 * writing its events from the start of its block on, then one thread moves them down in block
 * order, as the region-opening version below does.
 */
function teamThreshold(w: CodeWriter, kernel: Kernel<ThresholdParams>, declared: Set<string>): void {
  const size = String(kernel.params.size);
  w.line('static int32_t _counts[256];');
  emitTeamRange(w, '0', size);
  w.line(
    'if (_nt > 256) _brian_fail("bad_argument", "a threshold shares its neurons out among at most 256 threads");',
  );
  w.line('int32_t _count = _lo;');
  scan(w, kernel, declared, '_lo', '_hi');
  w.line('_counts[_tid] = _count - _lo;');
  w.line('#pragma omp barrier');
  w.line('#pragma omp single');
  w.block('', () => compactBlocks(w, '_nt', (b) => teamBlockStart(b, '0', size), size));
}

/** Start of block `b` of `nt` (the last one ends at `size`): whole chunks, so each block stays vectorised. */
function blockStart(b: string, size: number, nt = '_nt'): string {
  const chunks = Math.ceil(size / CHUNK);
  return `(${b} >= ${nt} ? ${size} : (int32_t)(((int64_t)${chunks} * ${b} / ${nt}) * ${CHUNK}))`;
}

/** The scan of neurons [start, stop), appending at `_events[_count++]`. */
function scan(
  w: CodeWriter,
  kernel: Kernel<ThresholdParams>,
  declared: Set<string>,
  start: string,
  stop: string,
) {
  const p = kernel.params;
  const functions = functionTable(kernel);
  const pure = kernel.vector.statements.every((s) => isPure(s.value, functions));
  const append = (index: string) => {
    w.line(`_events[_count++] = ${index};`);
    if (p.refractory) {
      w.line(`${ptr(p.refractory.notRefractory)}[${index}] = 0;`);
      w.line(`${ptr(p.refractory.lastspike)}[${index}] = t;`);
    }
  };
  w.line(`int32_t _base = ${start};`);
  if (pure && p.size >= CHUNK) {
    const evaluate = () => {
      w.line('const int32_t _idx = _base + _j;');
      emitElementDraws(w, kernel, '_idx');
      emitBlock(w, kernel.vector, kernel, new Set(declared));
    };
    w.block(`for (; _base + ${CHUNK} <= ${stop}; _base += ${CHUNK})`, () => {
      w.line('int32_t _any = 0;');
      w.block(`for (int32_t _j = 0; _j < ${CHUNK}; _j++)`, () => {
        evaluate();
        w.line('_any |= (int32_t)_cond;');
      });
      w.block('if (_any)', () => {
        w.block(`for (int32_t _j = 0; _j < ${CHUNK}; _j++)`, () => {
          evaluate();
          w.block('if (_cond)', () => append('_idx'));
        });
      });
    });
  }
  w.block(`for (int32_t _idx = _base; _idx < ${stop}; _idx++)`, () => {
    emitElementDraws(w, kernel, '_idx');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.block('if (_cond)', () => append('_idx'));
  });
}
