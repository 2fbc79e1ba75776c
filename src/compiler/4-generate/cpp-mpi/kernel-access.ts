import type { IndexRef } from '../../2-analyze/scope.ts';
import type { CodeBlock, Kernel, KernelKind } from '../../ir/kernel.ts';
import type { RangeParams } from '../js/kernels/loops.ts';
import type { SummedVariableParams } from '../js/kernels/summed-variable.ts';
import type { ThresholdParams } from '../js/kernels/threshold.ts';

/**
 * What a kernel that runs at every step computes in a distributed program, and which elements
 * of which arrays it reads and writes: the facts from which the MPI device decides what to
 * exchange between processes (devices/mpi/run-plan.ts). Computed from the kernel's IR.
 *
 * Processes own neurons in contiguous blocks of each group (by the group's size) and synapses
 * by their target neuron; a kernel runs over the elements of one such space, or on every process
 * alike (`replicated`: monitors, spike generators, one-off calls).
 */
export type ElementSpace =
  | { readonly kind: 'replicated' }
  | { readonly kind: 'neurons'; readonly size: number }
  /** The synapses of one Synapses object, named by its `_synaptic_pre` array. */
  | { readonly kind: 'synapses'; readonly set: string };

/**
 * Which elements an access touches, seen from a process: its own elements (the kernel's loop
 * element), the target neurons of its own synapses (owned too), the owned elements of the
 * array's group whatever synapses the process holds (a summed variable onto presynaptic neurons
 * of synapses stored apart, whose terms travel to the owners: devices/mpi/run-plan.ts), or any
 * element.
 */
export type Reach = 'own' | 'target' | 'source' | 'any';

export interface ArrayAccessInfo {
  readonly arrayId: string;
  readonly reach: Reach;
}

export interface KernelAccess {
  readonly name: string;
  readonly kind: KernelKind;
  readonly space: ElementSpace;
  readonly reads: readonly ArrayAccessInfo[];
  /** Writes by the per-element code (the scalar block's writes are the same on every process). */
  readonly writes: readonly ArrayAccessInfo[];
  /** A threshold's event space: each process fills its own events, the program exchanges them. */
  readonly events?: { readonly arrayId: string; readonly size: number };
  /** A summed variable onto the presynaptic side: its target is gathered from every process. */
  readonly gathered?: string;
  /**
   * A state monitor: the arrays it reads only at the recorded elements (listed in the integer
   * array `indices`), which need only those elements from their owners.
   */
  readonly recorded?: { readonly indices: string; readonly arrays: ReadonlySet<string> };
}

/** What the analysis needs to know about the program's synapses (from `synapsesConnected`). */
export interface SynapseSets {
  /** The set (its `_synaptic_pre` id) a synapse index array belongs to, and which side it is. */
  sideOf(arrayId: string): { readonly set: string; readonly side: 'pre' | 'post' } | undefined;
  /** The size of a static array (neuron groups are partitioned by the size of their arrays). */
  sizeOf(arrayId: string): number | undefined;
}

const REPLICATED: ElementSpace = { kind: 'replicated' };

/**
 * The access facts of a kernel called at every step. `pathway` is the synapse set of a pathway
 * kernel (`synapses`), known from its spike queue. `localEvents`: the event space the kernel
 * reads holds this process's own events only (devices/mpi/spike-blocks.ts), so a spike monitor
 * runs over the process's own neurons.
 */
export function kernelAccess(
  kernel: Kernel,
  sets: SynapseSets,
  pathway?: string,
  localEvents = false,
): KernelAccess {
  const perElement = [kernel.condition, kernel.vector, ...Object.values(kernel.extra ?? {})].filter(
    (b): b is CodeBlock => b !== undefined,
  );
  const space =
    localEvents && kernel.kind === 'spikemonitor'
      ? { kind: 'neurons' as const, size: (kernel.params as { sourceSize: number }).sourceSize }
      : spaceOf(kernel, perElement, sets, pathway);
  const reach = (index: IndexRef): Reach => reachOf(index, space, sets);
  const reads: ArrayAccessInfo[] = [];
  const writes: ArrayAccessInfo[] = [];
  for (const load of kernel.scalar.loads) reads.push({ arrayId: load.arrayId, reach: 'any' });
  for (const block of perElement) {
    for (const load of block.loads) reads.push({ arrayId: load.arrayId, reach: reach(load.index) });
    for (const store of block.stores) writes.push({ arrayId: store.arrayId, reach: reach(store.index) });
  }
  const base = { name: kernel.name, kind: kernel.kind, space, reads, writes };
  switch (kernel.kind) {
    case 'threshold': {
      const p = kernel.params as ThresholdParams;
      const refractory = p.refractory ? [p.refractory.notRefractory, p.refractory.lastspike] : [];
      return {
        ...base,
        writes: [...writes, ...refractory.map((arrayId) => ({ arrayId, reach: 'own' as const }))],
        events: { arrayId: p.eventspace, size: p.size },
      };
    }
    case 'reset':
      return { ...base, reads: [...reads, { arrayId: eventspaceOf(kernel), reach: 'any' }] };
    case 'statemonitor': {
      const arrays = new Set(kernel.vector.loads.filter((l) => isOwnElement(l.index)).map((l) => l.arrayId));
      return { ...base, recorded: { indices: (kernel.params as { indices: string }).indices, arrays } };
    }
    case 'summed_variable': {
      const p = kernel.params as SummedVariableParams;
      const side = sets.sideOf(p.postIndex)?.side;
      if (side === 'post') return { ...base, writes: [...writes, { arrayId: p.target, reach: 'target' }] };
      return { ...base, gathered: p.target };
    }
    default:
      return base;
  }
}

function eventspaceOf(kernel: Kernel): string {
  return (kernel.params as { eventspace: string }).eventspace;
}

/** The elements a kernel runs over in a distributed program (every element when replicated). */
export function spaceOf(
  kernel: Kernel,
  perElement: readonly CodeBlock[],
  sets: SynapseSets,
  pathway?: string,
): ElementSpace {
  switch (kernel.kind) {
    case 'threshold':
    case 'reset':
      return { kind: 'neurons', size: (kernel.params as ThresholdParams).size };
    case 'summed_variable': {
      const p = kernel.params as SummedVariableParams;
      const set = sets.sideOf(p.postIndex)?.set;
      if (!set) throw new Error(`internal: ${kernel.name} sums over synapses the device does not know`);
      return { kind: 'synapses', set };
    }
    case 'synapses':
      if (!pathway) throw new Error(`internal: ${kernel.name} runs without its spike queue`);
      return { kind: 'synapses', set: pathway };
    case 'stateupdate':
    case 'poisson_input': {
      const p = kernel.params as RangeParams;
      if (typeof p.stop !== 'number') {
        // Synapses that were never connected: none, so every process may visit them all.
        const set = sets.sideOf(p.stop.sizeOf)?.set;
        return set ? { kind: 'synapses', set } : REPLICATED;
      }
      // A group is partitioned by its size: that of the arrays the kernel touches at its element.
      for (const block of perElement) {
        for (const access of [...block.stores, ...block.loads]) {
          if (isOwnElement(access.index)) {
            const size = sets.sizeOf(access.arrayId);
            if (size !== undefined) return { kind: 'neurons', size };
          }
        }
      }
      return REPLICATED;
    }
    default:
      return REPLICATED;
  }
}

function isOwnElement(index: IndexRef): boolean {
  return index.kind === 'element' && index.base === '_idx' && index.steps.every((s) => s.kind === 'offset');
}

function reachOf(index: IndexRef, space: ElementSpace, sets: SynapseSets): Reach {
  if (index.kind === 'shared') return 'any';
  if (space.kind === 'replicated') return 'any';
  if (isOwnElement(index)) return 'own';
  if (space.kind !== 'synapses') return 'any';
  if (index.base === '_postsynaptic_idx' && index.steps.every((s) => s.kind === 'offset')) return 'target';
  if (index.base !== '_idx') return 'any';
  const [first, ...rest] = index.steps;
  const side = first?.kind === 'lookup' ? sets.sideOf(first.arrayId) : undefined;
  if (side?.set === space.set && side.side === 'post' && rest.every((s) => s.kind === 'offset'))
    return 'target';
  return 'any';
}
