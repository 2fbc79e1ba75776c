import { mangleId } from '../../compiler/4-generate/cpp/names.ts';
import { doubleLiteral } from '../../compiler/4-generate/cpp/print-expr.ts';
import type { SpikeMonitorParams } from '../../compiler/4-generate/js/kernels/spikemonitor.ts';
import type { CodeBlock, Kernel } from '../../compiler/ir/kernel.ts';
import type { ArrayDecl, Operation, QueuePreparation, ResolvedAction } from '../standalone/program.ts';
import type { SynapseRegistry } from './synapse-sets.ts';

type RunOperation = Extract<Operation, { kind: 'run' }>;
type PushAction = Extract<ResolvedAction, { kind: 'push_spikes' }>;

export interface BlockContext {
  kernelOf(fn: string): Kernel;
  readonly sets: SynapseRegistry;
  decl(arrayId: string): ArrayDecl;
}

/**
 * Where a run's spikes need not be exchanged after every threshold (NEST's scheme; the C++ side
 * is brianlib/distributed_spikes.h).
 *
 * A group's event space stays local (each process holds its own neurons' events only) when
 * everything that reads it can do with that: its reset (each process resets its own neurons),
 * its spike monitors (each records its own neurons' spikes; the records are merged after the
 * run), `on_post` pathways (their synapses live with the spiking neuron itself), and `on_pre`
 * pathways that queue the step's spikes after its threshold: those receive the spikes of every
 * process in blocks of D steps, D the least delay in steps over them (computed before the run
 * from the delays, over all processes; 1 when some delay is 0, which is the exchange at every
 * step again). A group with no `on_pre` pathway exchanges no spikes in the loop at all.
 *
 * Anything else that reads the events (a population rate monitor, a spike monitor that only
 * counts, any kernel loading the event space) needs every process's spikes at every step, and
 * so does a run with several clocks (steps of different lengths): their groups keep the
 * exchange after each threshold.
 */
export interface SpikeBlocks {
  /** The event spaces that stay local. */
  readonly local: ReadonlySet<string>;
  /** What follows a local group's threshold (holding its spikes, exchanging a full block). */
  afterThreshold(eventspace: string, size: number): readonly string[];
  /** A pathway's push of a local group's spikes, or undefined if it stays as it is. */
  push(action: PushAction): ResolvedAction | undefined;
  /** Before the loop: each block's length; after it: the held steps, the monitors' merge. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

interface Group {
  thresholdAt: number;
  held: PushAction[];
  monitors: SpikeMonitorParams[];
  ok: boolean;
}

export function planSpikeBlocks(op: RunOperation, ctx: BlockContext): SpikeBlocks {
  const single = op.clocks.length === 1 && !op.clocks[0].times;
  const groups = new Map<string, Group>();
  const actions = op.runners.flatMap((r) => r.actions);
  // The thresholds first: their event spaces are the candidates.
  actions.forEach((a, n) => {
    if (a.kind !== 'call') return;
    const kernel = ctx.kernelOf(a.fn);
    if (kernel.kind !== 'threshold') return;
    const eventspace = eventspaceOf(kernel)!;
    const known = groups.get(eventspace);
    if (known)
      known.ok = false; // two writers: keep the plain exchange
    else groups.set(eventspace, { thresholdAt: n, held: [], monitors: [], ok: single });
  });
  actions.forEach((a, n) => {
    if (a.kind === 'push_spikes') {
      const group = groups.get(a.eventspace.id);
      if (!group) return;
      const side = ctx.sets.sideOf(queueOf(op, a.queue).sourceIndex.id);
      if (side?.side === 'post' && ctx.sets.get(side.set).targetStorageSize === a.eventspaceSize) return;
      if (side?.side === 'pre' && n > group.thresholdAt) group.held.push(a);
      else group.ok = false;
      return;
    }
    if (a.kind !== 'call') return;
    const kernel = ctx.kernelOf(a.fn);
    for (const [eventspace, group] of groups) {
      if (loadsOf(kernel).some((l) => l === eventspace)) group.ok = false;
    }
    const eventspace = eventspaceOf(kernel);
    const group = eventspace === undefined ? undefined : groups.get(eventspace);
    if (!group || kernel.kind === 'threshold' || kernel.kind === 'reset') return;
    const p = kernel.params as SpikeMonitorParams;
    if (kernel.kind === 'spikemonitor' && p.times !== undefined && p.indices !== undefined)
      group.monitors.push(p);
    else group.ok = false;
  });
  const local = new Map([...groups].filter(([, g]) => g.ok));
  const block = (eventspace: string) => `_spikes_${mangleId(eventspace)}`;
  const name = (arrayId: string) => ctx.decl(arrayId).cppName;
  const before: string[] = [];
  const after: string[] = [];
  let k = 0;
  for (const [eventspace, group] of local) {
    if (group.held.length > 0) {
      const least = group.held.map((a) => {
        const q = queueOf(op, a.queue);
        return `brian::mpi::min_delay_steps(${q.delays.cppName}, ${doubleLiteral(q.dt)})`;
      });
      before.push(`brian::mpi::SpikeBlock ${block(eventspace)};`);
      before.push(`${block(eventspace)}.begin(brian::mpi::block_steps({${least.join(', ')}}));`);
      after.push(`if (${block(eventspace)}.flush()) {`);
      after.push(...group.held.map((a) => `  ${pushCode(block(eventspace), a, 1)}`));
      after.push('}');
    }
    for (const m of group.monitors) {
      // Records made before the run are every process's already; those of this run are merged.
      const from = `_records_from_${k++}`;
      before.push(`const size_t ${from} = ${name(m.times!)}.size();`);
      after.push(`{`);
      after.push(`  brian::mpi::RecordMerge _merge(${name(m.times!)}, ${from});`);
      after.push(`  _merge.apply(${name(m.indices!)});`);
      for (const r of m.recorded) after.push(`  _merge.apply(${name(r.buffer)});`);
      after.push(`  _merge.count(${name(m.indices!)}, ${name(m.count)});`);
      after.push(`}`);
    }
  }
  return {
    local: new Set(local.keys()),
    afterThreshold: (eventspace, size) => {
      const group = local.get(eventspace);
      if (!group || group.held.length === 0) return [];
      return [`${block(eventspace)}.hold(${name(eventspace)}, ${size});`];
    },
    push: (a) => {
      const group = local.get(a.eventspace.id);
      if (!group?.held.includes(a)) return undefined;
      return {
        kind: 'code',
        lines: [
          `if (${block(a.eventspace.id)}.fresh) ${pushCode(block(a.eventspace.id), a, 0)}`,
          `${a.queue}.pop(${a.due.cppName});`,
        ],
      };
    },
    before,
    after,
  };
}

function pushCode(block: string, a: PushAction, after: number): string {
  return `${block}.push_into(${a.queue}, ${a.start}, ${a.stop}, ${after});`;
}

function queueOf(op: RunOperation, queue: string): QueuePreparation {
  const q = op.queues.find((p) => p.queue === queue);
  if (!q) throw new Error(`internal: the spike queue ${queue} is not prepared`);
  return q;
}

function eventspaceOf(kernel: Kernel): string | undefined {
  return (kernel.params as { eventspace?: string } | undefined)?.eventspace;
}

/** The arrays a kernel's IR loads (an event space loaded there is read in ways this plan does not know). */
function loadsOf(kernel: Kernel): string[] {
  const blocks = [kernel.scalar, kernel.vector, kernel.condition, ...Object.values(kernel.extra ?? {})];
  return blocks.filter((b): b is CodeBlock => b !== undefined).flatMap((b) => b.loads.map((l) => l.arrayId));
}
