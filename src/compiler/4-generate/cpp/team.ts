import type { Kernel } from '../../ir/kernel.ts';
import type { CodeWriter } from '../code-writer.ts';
import type { SynapsesParams } from '../js/kernels/synapses.ts';
import type { ThresholdParams } from '../js/kernels/threshold.ts';
import type { CppKernelContext } from './context.ts';
import { envSwitch, openmpOn, queueParts } from './openmp.ts';
import { elementsIndependent } from './parallel.ts';

/**
 * Team kernels: the standalone program's step loop opens one OpenMP parallel region per step
 * (devices/standalone/step-region.ts) and every thread of it calls the step's kernels in turn.
 * A team kernel shares its work out among the threads it is called by and ends with them all
 * at a barrier, so the next kernel sees its results; the serial kernels between run on one
 * thread (`#pragma omp single`). The thread team is then woken once per step instead of once
 * per parallel loop (about 7.5 µs each on this machine's VM, three loops per COBAHH step).
 *
 * Called outside a parallel region (or in a region the program chose to run on one thread),
 * a team kernel is its own team of one: omp_get_num_threads() is 1, barriers do nothing, and it
 * does all the work in the serial order. Its results are the same to the bit either way.
 *
 * The neurons of a range are shared out in the same blocks by every team kernel (emitTeamRange):
 * with a team threshold, the thread that updates a neuron's state also tests its threshold.
 */

/** Elements per chunk of a thread's block: whole chunks keep the threshold's two-pass scan vectorised. */
export const TEAM_CHUNK = 64;

/** Whether kernels are printed for the step's parallel region (standalone programs with OpenMP, not distributed). */
export function teamOn(ctx: CppKernelContext): boolean {
  return openmpOn(ctx) && ctx.team === true && ctx.partition === undefined && ctx.threads === undefined;
}

/**
 * Whether every thread may run the kernel's scalar block and its own share of elements: the
 * elements are independent and the scalar block writes nothing (a shared variable written by
 * every thread would be a race).
 */
export function teamElements(kernel: Kernel): boolean {
  return elementsIndependent(kernel) && kernel.scalar.stores.length === 0;
}

/**
 * `_nt`, `_tid`, and this thread's block `[_lo, _hi)` of `[start, stop)` (C++ int32 expressions):
 * block b starts at chunk ⌊chunks·b/nt⌋, the last ends at `stop`.
 */
export function emitTeamRange(w: CodeWriter, start: string, stop: string): void {
  w.line('const int32_t _nt = omp_get_num_threads(), _tid = omp_get_thread_num();');
  w.line(`const int32_t _lo = ${teamBlockStart('_tid', start, stop)};`);
  w.line(`const int32_t _hi = ${teamBlockStart('(_tid + 1)', start, stop)};`);
}

/** Start of block `b` of `nt` blocks of `[start, stop)` (emitTeamRange). */
export function teamBlockStart(b: string, start: string, stop: string, nt = '_nt'): string {
  const chunks = `(((int64_t)(${stop}) - (${start}) + ${TEAM_CHUNK - 1}) / ${TEAM_CHUNK})`;
  return `(${b} >= ${nt} ? (int32_t)(${stop}) : (int32_t)((${start}) + ${chunks} * ${b} / ${nt} * ${TEAM_CHUNK}))`;
}

/**
 * Whether the kernel is printed as a team kernel: element loops of state updaters and Poisson
 * inputs, pathways whose queue is split per thread (openmp.ts, queueParts), and thresholds with
 * BRIAN_PARALLEL_THRESHOLD=1.
 * Other kernels keep their own parallel loops, or none.
 */
export function teamKernel(kernel: Kernel, ctx: CppKernelContext): boolean {
  if (!teamOn(ctx)) return false;
  switch (kernel.kind) {
    case 'stateupdate':
    case 'poisson_input':
      return teamElements(kernel);
    case 'threshold':
      // Measured slower shared out than on one thread (kernels/threshold.ts): only on request.
      return (
        envSwitch('BRIAN_PARALLEL_THRESHOLD', ['0', '1']) === '1' &&
        teamElements(kernel) &&
        (kernel.params as ThresholdParams).size >= 2 * TEAM_CHUNK
      );
    case 'synapses':
      return (
        kernel.scalar.stores.length === 0 &&
        ctx.array((kernel.params as SynapsesParams).spikes).dynamic &&
        queueParts(kernel, ctx) !== undefined
      );
    default:
      return false;
  }
}
