import type { Kernel } from '../../../ir/kernel.ts';
import { synapseIndexedArrays } from '../../../ir/synapse-indexed-arrays.ts';
import type { CodeWriter } from '../../code-writer.ts';
import type { SynapsesParams } from '../../js/kernels/synapses.ts';
import type { CppKernelContext } from '../context.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { ptr, queueName } from '../names.ts';
import {
  emitChosenLoop,
  emitTargetShare,
  envSwitch,
  MIN_PARALLEL_EVENTS,
  openmpOn,
  queueParts,
  targetPartition,
  threadsClause,
} from '../openmp.ts';
import { emitPrefetch, emitRowPrefetch } from '../prefetch.ts';
import { teamKernel } from '../team.ts';
import { drawKey } from './loops.ts';

/**
 * Whether the pathway's kernel pops its own spike queue (`SpikeQueue::pop_due`, the queue named
 * after the pathway): where the program runs the queues itself (standalone, not distributed), so
 * that the due synapses are the queue's to hand out. The step loop then only pushes the spikes.
 */
export function popsOwnQueue(kernel: Kernel, ctx: CppKernelContext): boolean {
  if (kernel.kind !== 'synapses' || !ctx.queues || ctx.partition || ctx.localSynapses) return false;
  return ctx.array((kernel as Kernel<SynapsesParams>).params.spikes).dynamic;
}

/**
 * Runs a pathway's statements for every synapse whose spike arrives now. In a standalone program
 * the kernel pops its queue (popsOwnQueue): where the due synapses are rows of consecutive
 * synapse numbers (one delay, synapses in source order: what connect() makes), it walks the rows
 * and prefetches the coming ones whole; otherwise it walks the queue's list of due synapses,
 * prefetching PREFETCH_AHEAD synapses on. The runtime's compiled kernels read the JavaScript
 * queue's buffer (SynapsesParams): rows as [first, end) pairs, walked the same way, or the list.
 * A distributed program's step loop pops its queues into the due vector (a list).
 *
 * With OpenMP in a standalone program, the pathway's queue is split into one part per thread,
 * each holding the synapses of one block of targets (openmp.ts, queueParts): each thread pushes
 * this step's spikes into its parts, pops them and applies their synapses, so the threads share
 * out the memory traffic (the due list, the synapse indices, the targets) and each target gets
 * its synapses in the serial order. Below MIN_PARALLEL_EVENTS due synapses, or when timing says
 * one thread is faster (brianlib/loop_choice.h: waking the others costs more than it saves), one
 * thread does every part, in order.
 */
export function synapses(
  w: CodeWriter,
  kernel: Kernel<SynapsesParams>,
  declared: Set<string>,
  ctx: CppKernelContext,
): void {
  const p = kernel.params;
  const due = ctx.array(p.spikes);
  // The coming synapses' rows are asked for early (prefetch.ts).
  const prefetched = synapseIndexedArrays(kernel);
  const element = () => {
    emitElementDraws(w, kernel, drawKey(ctx));
    emitBlock(w, kernel.vector, kernel, new Set(declared));
  };
  const listLoop = (mine?: string) =>
    w.block('for (int32_t _k = 0; _k < _n; _k++)', () => {
      w.line('const int32_t _idx = _due[_k];');
      if (mine) w.line(`if (!_mine(${mine})) continue;`);
      emitPrefetch(w, prefetched);
      element();
    });
  /**
   * The rows 0 … count-1, each a run of consecutive synapses: `row(r, name)` prints the lines
   * that define `name_first` and `name_end` of row r. The row `ahead` rows on is prefetched.
   */
  const rowLoop = (count: string, ahead: string, row: (r: string, name: string) => void, mine?: string) =>
    w.block(`for (int32_t _r = 0; _r < ${count}; _r++)`, () => {
      row('_r', '_row');
      emitRowPrefetch(w, prefetched, `_r + ${ahead} < ${count}`, '_next_first', '_next_end', () =>
        row(`_r + ${ahead}`, '_next'),
      );
      w.block('for (int32_t _idx = _row_first; _idx < _row_end; _idx++)', () => {
        if (mine) w.line(`if (!_mine(${mine})) continue;`);
        element();
      });
    });
  // The due synapses of `_d` (a SpikeQueue::Due): its rows, or its list.
  const dueLoop = () => {
    w.block('if (_d.rows)', () =>
      rowLoop('_d.n_sources', '_d.ahead', (r, name) => {
        w.line(`const int32_t ${name}_source = _d.sources[${r}];`);
        w.line(`const int32_t ${name}_first = _d.row_first[${name}_source];`);
        w.line(
          `const int32_t ${name}_end = ${name}_first + (_d.row_start[${name}_source + 1] - _d.row_start[${name}_source]);`,
        );
      }),
    );
    w.block('else', () => {
      w.line('const int32_t* _due = _d.list;');
      w.line('const int32_t _n = _d.n;');
      listLoop();
    });
  };
  if (due.dynamic && queueParts(kernel, ctx)) {
    w.line(`brian::SpikeQueue& _queue = ${queueName(kernel.name)};`);
    w.line('const int32_t _nparts = _queue.n_parts();');
    emitBlock(w, kernel.scalar, kernel, declared);
    // Each part in order on one thread, or the parts dealt out to the threads.
    const parts = (first: string, step: string) =>
      w.block(`for (int32_t _part = ${first}; _part < _nparts; _part += ${step})`, () => {
        w.line('const brian::SpikeQueue::Due _d = _queue.advance_part(_part);');
        dueLoop();
      });
    if (teamKernel(kernel, ctx)) {
      // Called by every thread of the step's region (team.ts): each applies its own parts.
      parts('omp_get_thread_num()', 'omp_get_num_threads()');
      w.line('#pragma omp barrier');
      return;
    }
    w.line('const size_t _estimate = _queue.due_estimate();');
    const shared = () => {
      w.line(`#pragma omp parallel${threadsClause(ctx)}`);
      w.block('', () => parts('omp_get_thread_num()', 'omp_get_num_threads()'));
    };
    // Enough synapses to share out: all threads or one as timing says (brianlib/loop_choice.h).
    const serial = () => parts('0', '1');
    emitChosenLoop(w, '_estimate', shared, serial, `_estimate >= ${MIN_PARALLEL_EVENTS}`);
    return;
  }
  if (popsOwnQueue(kernel, ctx)) {
    w.line(`const brian::SpikeQueue::Due _d = ${queueName(kernel.name)}.pop_due(${due.name});`);
    w.line('if (_d.empty()) return;');
    emitBlock(w, kernel.scalar, kernel, declared);
    dueLoop();
    return;
  }
  // The runtime's buffer: a count of synapses, or minus a count of rows (SynapsesParams).
  const rows = !due.dynamic;
  if (due.dynamic) {
    w.line(`const int32_t* _due = ${due.name}.data();`);
    w.line(`const int32_t _n = (int32_t)${due.name}.size();`);
  } else {
    w.line(`const int32_t* _due = ${ptr(p.spikes)};`);
    w.line(`const int32_t _n = _due[${p.capacity}];`);
  }
  w.line('if (_n == 0) return;');
  emitBlock(w, kernel.scalar, kernel, declared);
  // Without a queue split by target (the runtime's compiled kernels, where the JavaScript queue
  // fills one list), target-shared propagation is off by default: every thread would read every
  // due synapse and its target to find its own, so the memory traffic, which is what propagation
  // costs, is not divided. Measured (bench/operations.ts, COBAHH 64000, standalone): 0.366 s
  // serial against 0.737 s on 2 threads. BRIAN_PARALLEL_PROPAGATION=1 turns it on.
  const partition =
    openmpOn(ctx) && envSwitch('BRIAN_PARALLEL_PROPAGATION', ['0', '1']) === '1'
      ? targetPartition(kernel)
      : undefined;
  const loop = () => {
    if (!rows) {
      listLoop(partition?.key);
      return;
    }
    w.block('if (_n < 0)', () => {
      w.line('const int32_t _nrows = -_n;');
      rowLoop(
        '_nrows',
        '1',
        (r, name) =>
          w.line(`const int32_t ${name}_first = _due[2 * (${r})], ${name}_end = _due[2 * (${r}) + 1];`),
        partition?.key,
      );
    });
    w.block('else', () => listLoop(partition?.key));
  };
  if (partition) {
    // Rows hold 2 or more synapses on average (the queue's rule): as many due synapses, about.
    w.line(rows ? 'const int32_t _due_count = _n < 0 ? -2 * _n : _n;' : 'const int32_t _due_count = _n;');
    emitTargetShare(w, ctx, `_due_count >= ${MIN_PARALLEL_EVENTS}`, loop);
  } else loop();
}
