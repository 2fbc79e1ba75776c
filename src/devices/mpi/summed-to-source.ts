import type { KernelAccess } from '../../compiler/4-generate/cpp-mpi/kernel-access.ts';
import type { SummedVariableParams } from '../../compiler/4-generate/js/kernels/summed-variable.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { Operation } from '../standalone/program.ts';
import { localName } from './local-synapses.ts';
import type { PlanContext } from './run-plan.ts';

type RunOperation = Extract<Operation, { kind: 'run' }>;

/*
 * Summed variables onto presynaptic neurons of synapses stored apart, in the run plan: the terms
 * travel to the processes owning the source neurons (brianlib/distributed_summed.h), which add
 * them in global synapse order. See local-synapses.ts for which kernels these are.
 */

/**
 * A summed variable onto presynaptic neurons of synapses stored apart: instead of every process
 * gathering every term (`gathered`), the terms travel to the processes owning the sources, which
 * each compute their own part of the target (`SummedToSource`): the target is then split by
 * neuron, as a state update's variables are.
 */
export function summedToSource(access: KernelAccess, kernel: Kernel, ctx: PlanContext): KernelAccess {
  if (!access.gathered || !ctx.localSets?.summedToSource(kernel)) return access;
  return {
    ...access,
    gathered: undefined,
    writes: [...access.writes, { arrayId: access.gathered, reach: 'source' }],
  };
}

/** Before the loop: who sends which terms of these summed variables where (the synapses are fixed now). */
export function summedPreparations(op: RunOperation, ctx: PlanContext): string[] {
  const lines = new Set<string>();
  for (const r of op.runners)
    for (const a of r.actions) {
      if (a.kind !== 'call') continue;
      const kernel = ctx.kernelOf(a.fn);
      const name = ctx.localSets?.summedToSource(kernel);
      if (!name) continue;
      const p = kernel.params as SummedVariableParams;
      const set = ctx.localSets?.setOf(p.postIndex);
      if (!set) throw new Error(`internal: ${kernel.name} sums over synapses stored nowhere`);
      lines.add(
        `${name}.prepare(${ctx.decl(p.postIndex).cppName}, ${p.postOffset}, ${sourceSize(p.target, ctx)}, ${localName(set)});`,
      );
    }
  return [...lines];
}

export function sourceSize(arrayId: string, ctx: PlanContext): number {
  const n = ctx.sets.sizeOf(arrayId);
  if (n === undefined) throw new Error(`internal: ${arrayId} is not a static array of a group`);
  return n;
}
