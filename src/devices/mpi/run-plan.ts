import {
  type ArrayAccessInfo,
  type ElementSpace,
  type KernelAccess,
  kernelAccess,
  type Reach,
} from '../../compiler/4-generate/cpp-mpi/kernel-access.ts';
import { ownershipName } from '../../compiler/4-generate/cpp-mpi/partition.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { ArrayDecl, Operation, ResolvedAction } from '../standalone/program.ts';
import type { LocalSynapseSets } from './local-synapses.ts';
import { planSpikeBlocks } from './spike-blocks.ts';
import { sourceSize, summedPreparations, summedToSource } from './summed-to-source.ts';
import type { SynapseRegistry } from './synapse-sets.ts';

type RunOperation = Extract<Operation, { kind: 'run' }>;
/** How an array is split over the processes while the loop runs (each holds its own part only). */
type Partition = Exclude<ElementSpace, { kind: 'replicated' }>;

export interface PlanContext {
  /** The optimised IR of a compiled function. */
  kernelOf(fn: string): Kernel;
  readonly sets: SynapseRegistry;
  /** `distributeSynapses`: the sets each process stores only its own synapses of (local-synapses.ts). */
  readonly localSets?: LocalSynapseSets;
  decl(arrayId: string): ArrayDecl;
}

/**
 * A run of a distributed program: the recorded run with what the processes exchange added.
 *
 * Outside the step loop every process holds the same values of every array. In the loop, a kernel
 * that runs over neurons or synapses computes only this process's part, so the arrays it writes
 * become "partitioned" (each process's own part is right). A kernel that then reads elements
 * another process owns (a presynaptic variable in synaptic code, a monitor recording any neuron)
 * is preceded by an exchange of that array; a threshold's events are exchanged at once (every
 * process queues, records and resets from all of them), unless only readers that can do with
 * the process's own events read them: then they are held and exchanged once per minimum delay
 * (spike-blocks.ts). With one clock, the state at the start
 * of a step is that at the end of the previous one (two passes over the step); with several, every
 * such read is preceded by an exchange. After the loop every partitioned array is exchanged.
 */
export function planRun(op: RunOperation, ctx: PlanContext): RunOperation {
  const blocks = planSpikeBlocks(op, ctx);
  const queueSet = new Map(op.queues.map((q) => [q.queue, setOf(ctx, q.sourceIndex.id, q.queue)]));
  const calls = op.runners.map((r) => {
    const queue = r.actions.find((a) => a.kind === 'push_spikes');
    const pathway = queue?.kind === 'push_spikes' ? queueSet.get(queue.queue) : undefined;
    return r.actions.map((a) => {
      if (a.kind !== 'call') return undefined;
      const kernel = ctx.kernelOf(a.fn);
      const local = blocks.local.has(
        (kernel.params as { eventspace?: string } | undefined)?.eventspace ?? '',
      );
      return summedToSource(checked(kernelAccess(kernel, ctx.sets, pathway, local), kernel), kernel, ctx);
    });
  });
  const writers = writerPartitions(calls.flat(), ctx);
  const state = new Map<string, Partition>();
  const sticky = op.clocks.length > 1;
  const visit = (emit: boolean) =>
    op.runners.map((r, k) => {
      const actions: ResolvedAction[] = [];
      r.actions.forEach((a, n) => {
        const access = calls[k][n];
        if (!access) {
          actions.push((a.kind === 'push_spikes' && blocks.push(a)) || a);
          return;
        }
        const before = syncsBefore(access, sticky ? new Map(writers) : state, ctx);
        if (emit && before.length > 0) actions.push({ kind: 'code', lines: before });
        actions.push(a);
        if (access.events && emit) {
          const { arrayId, size } = access.events;
          const lines = blocks.local.has(arrayId)
            ? blocks.afterThreshold(arrayId, size)
            : [`brian::mpi::exchange_events(${ctx.decl(arrayId).cppName}, ${size});`];
          if (lines.length > 0) actions.push({ kind: 'code', lines });
        }
        if (!sticky) noteWrites(access, state, ctx);
      });
      return { ...r, actions };
    });
  visit(false);
  const runners = visit(true);
  // Sets stored apart hold only their own synapses: all owned, and never gathered into every process.
  const local = (set: string) => ctx.localSets?.has(set) ?? false;
  return {
    ...op,
    runners,
    queues: op.queues.map((q) => {
      const set = queueSet.get(q.queue)!;
      return local(set) ? q : { ...q, owned: `&${ownershipName(set)}.mask` };
    }),
    before: [
      ...ctx.sets
        .all()
        .filter((s) => !local(s.pre))
        .map(
          (s) =>
            `${ownershipName(s.pre)}.update(${ctx.decl(s.post).cppName}, ${s.targetStart}, ${s.targetStorageSize});`,
        ),
      ...summedPreparations(op, ctx),
      ...blocks.before,
    ],
    after: [
      ...monitorMerges(op, ctx),
      ...[...writers]
        .filter(([, p]) => !(p.kind === 'synapses' && local(p.set)))
        .map(([arrayId, p]) => syncCode(arrayId, p, ctx)),
      ...blocks.after,
    ],
  };
}

/** The records of state monitors of synapses stored apart, merged from every process. */
function monitorMerges(op: RunOperation, ctx: PlanContext): string[] {
  const lines = new Set<string>();
  for (const r of op.runners)
    for (const a of r.actions) {
      if (a.kind !== 'call' || !ctx.localSets) continue;
      for (const buffer of ctx.localSets.records(ctx.kernelOf(a.fn))) {
        const d = ctx.decl(buffer);
        lines.add(`brian::mpi::merge_records(${d.cppName}.data(), ${d.cppName}.size());`);
      }
    }
  return [...lines];
}

function setOf(ctx: PlanContext, arrayId: string, queue: string): string {
  const side = ctx.sets.sideOf(arrayId);
  if (!side) throw new Error(`internal: the spike queue ${queue} belongs to no synapse set`);
  return side.set;
}

/** Refuses what processes cannot compute apart: writes to elements another process owns, stateful functions. */
function checked(access: KernelAccess, kernel: Kernel): KernelAccess {
  if (access.space.kind === 'replicated') return access;
  for (const w of access.writes) {
    if (w.reach === 'any') {
      throw new BrianError(
        'mpi_not_supported',
        `${kernel.name} writes ${w.arrayId} at elements other MPI processes own (a presynaptic variable written by synaptic code, or a shared variable written per element), which a distributed program cannot do.`,
        { hint: 'write postsynaptic or synaptic variables only, or run without mpi' },
      );
    }
  }
  for (const f of kernel.functions) {
    if (f.stateful && !f.random) {
      throw new BrianError(
        'mpi_not_supported',
        `${kernel.name} calls ${f.name}, a function that keeps state between calls: with MPI each process calls it for its own elements only, so its results would depend on the number of processes.`,
        { hint: 'make the function stateless, or run without mpi' },
      );
    }
  }
  return access;
}

/** How each array written by a partitioned kernel is split (every writer must agree). */
function writerPartitions(
  accesses: readonly (KernelAccess | undefined)[],
  ctx: PlanContext,
): Map<string, Partition> {
  const out = new Map<string, Partition>();
  for (const access of accesses) {
    if (!access) continue;
    const probe = new Map<string, Partition>();
    noteWrites(access, probe, ctx);
    for (const [arrayId, p] of probe) {
      const known = out.get(arrayId);
      if (known && !samePartition(known, p)) {
        throw new BrianError(
          'mpi_not_supported',
          `${arrayId} is written by kernels that split it differently over the MPI processes (${describe(known)} and ${describe(p)}).`,
        );
      }
      out.set(arrayId, p);
    }
  }
  return out;
}

function noteWrites(access: KernelAccess, state: Map<string, Partition>, ctx: PlanContext): void {
  const space = access.space;
  if (space.kind === 'replicated') {
    for (const w of access.writes) state.delete(w.arrayId);
    return;
  }
  for (const w of access.writes) state.set(w.arrayId, writePartition(w, space, ctx));
  if (access.gathered) state.delete(access.gathered);
}

function writePartition({ arrayId, reach }: ArrayAccessInfo, space: Partition, ctx: PlanContext): Partition {
  if (reach === 'own') return space;
  if (reach === 'source') return { kind: 'neurons', size: sourceSize(arrayId, ctx) };
  if (space.kind !== 'synapses') throw new Error('internal: a neuron kernel writing other elements');
  return { kind: 'neurons', size: ctx.sets.get(space.set).targetStorageSize };
}

/** The exchanges a kernel needs first: arrays it reads beyond its own part while they are partitioned. */
function syncsBefore(access: KernelAccess, state: Map<string, Partition>, ctx: PlanContext): string[] {
  const lines: string[] = [];
  const needs = (arrayId: string, reach: Reach) => {
    const p = state.get(arrayId);
    if (!p) return;
    // Synapses stored apart are only read by kernels over their own set (local-synapses.ts).
    if (p.kind === 'synapses' && ctx.localSets?.has(p.set)) return;
    if (access.space.kind !== 'replicated' && covers(reach, access.space, p, ctx)) return;
    if (access.recorded?.arrays.has(arrayId)) {
      // A state monitor: only the recorded elements (the array stays partitioned elsewhere).
      const line = syncAtCode(arrayId, p, access.recorded.indices, ctx);
      if (!lines.includes(line)) lines.push(line);
      return;
    }
    lines.push(syncCode(arrayId, p, ctx));
    state.delete(arrayId);
  };
  for (const r of access.reads) needs(r.arrayId, r.reach);
  // A kernel every process runs alike writes the same values everywhere only from the same values.
  if (access.space.kind === 'replicated') for (const w of access.writes) needs(w.arrayId, 'any');
  return lines;
}

function covers(reach: Reach, space: Partition, p: Partition, ctx: PlanContext): boolean {
  if (reach === 'own') return samePartition(space, p);
  if (reach === 'target') {
    return (
      space.kind === 'synapses' &&
      p.kind === 'neurons' &&
      p.size === ctx.sets.get(space.set).targetStorageSize
    );
  }
  return false;
}

function samePartition(a: Partition, b: Partition): boolean {
  return a.kind === 'neurons'
    ? b.kind === 'neurons' && a.size === b.size
    : b.kind === 'synapses' && a.set === b.set;
}

function describe(p: Partition): string {
  return p.kind === 'neurons' ? `by neuron, group of ${p.size}` : `by synapse of ${p.set}`;
}

function syncAtCode(arrayId: string, p: Partition, indices: string, ctx: PlanContext): string {
  const d = ctx.decl(arrayId);
  const data = d.dynamic ? `${d.cppName}.data()` : d.cppName;
  const i = ctx.decl(indices);
  const [at, count] = i.dynamic
    ? [`${i.cppName}.data()`, `(int32_t)${i.cppName}.size()`]
    : [i.cppName, String(i.size)];
  const over = p.kind === 'neurons' ? String(p.size) : ownershipName(p.set);
  return `brian::mpi::sync_at(${data}, ${over}, ${at}, ${count});`;
}

function syncCode(arrayId: string, p: Partition, ctx: PlanContext): string {
  const d = ctx.decl(arrayId);
  const data = d.dynamic ? `${d.cppName}.data()` : d.cppName;
  return p.kind === 'neurons'
    ? `brian::mpi::sync_range(${data}, ${p.size});`
    : `brian::mpi::sync_owned(${data}, ${ownershipName(p.set)});`;
}
