import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { KernelCalls } from '../device.ts';
import type { Launcher } from './execute.ts';
import type { DistributedKernel } from './kernel-compiler.ts';
import type { Operation } from './program.ts';
import type { DropPolicy } from './program-variants.ts';
import type { DistributedProgram } from './write-project.ts';

export type RunOperation = Extract<Operation, { kind: 'run' }>;

/**
 * What a distributed program (devices/mpi) changes in the standalone device's recording,
 * building and running: each hook is the single-process behaviour here, and MpiStandaloneDevice
 * overrides them. Kept apart so that the device itself reads as the single-process program.
 */
export abstract class DistributionHooks {
  /** The variants of the program recorded side by side (program-variants.ts); one here. */
  protected programVariants(): readonly string[] {
    return ['program'];
  }

  /** Which failures drop a variant of the program (none here: there is one). */
  protected variantPolicy(): DropPolicy | undefined {
    return undefined;
  }

  /** An operation on arrays as a distributed program records it (refused, or changed); unchanged here. */
  protected distributedOperation(op: Operation, _variant: string): Operation {
    return op;
  }

  /** Whether the program runs the pathways' spike queues as they are (a distributed program queues per process instead): pathways pop their own, and may split them per OpenMP thread. */
  protected runsQueues(): boolean {
    return true;
  }

  /**
   * Whether the step loop opens one OpenMP parallel region per step, in which every thread calls
   * the team kernels (cpp/team.ts); a distributed program keeps a region per parallel loop.
   */
  protected stepRegions(): boolean {
    return true;
  }

  /** What one process computes of a kernel (undefined: everything, as a single process does). */
  protected distributedKernel(
    _kernel: Kernel,
    _calls: KernelCalls,
    _variant: string,
  ): DistributedKernel | undefined {
    return undefined;
  }

  /** A run as the program performs it (a distributed program adds its exchanges). */
  protected distributedRun(op: RunOperation, _variant: string): RunOperation {
    return op;
  }

  /** What main.cpp and the Makefile add for a distributed program (the variant built). */
  protected distributedProgram(_variant: string): DistributedProgram | undefined {
    return undefined;
  }

  /** How the program is started (a distributed program: under mpirun). */
  protected launcher(): Launcher | undefined {
    return undefined;
  }
}
