import type { KernelPartition } from '../cpp/context.ts';
import { mangleId } from '../cpp/names.ts';
import type { ElementSpace } from './kernel-access.ts';

/** The program's global holding which synapses of a set (named by its `_synaptic_pre` array) this process owns. */
export function ownershipName(set: string): string {
  return `_ownership_${mangleId(set)}`;
}

/**
 * What one process of a distributed program computes of a kernel over `space`: the block
 * [lo(n), hi(n)) of a neuron group of n elements, or the synapses of its target neurons
 * (brianlib/distributed.h). `gathered`: a summed variable whose targets are presynaptic, whose
 * contributions every process needs.
 */
export function kernelPartition(
  space: ElementSpace,
  gathered: boolean,
  /** Synapses stored apart: the C++ expression of the number of local synapses (all owned). */
  localCount?: string,
  /** Synapses stored apart and `gathered`: the program's `brian::mpi::SummedToSource` for the sum. */
  summedToSource?: string,
): KernelPartition | undefined {
  if (space.kind === 'replicated') return undefined;
  const wrong = (what: string) => () => {
    throw new Error(`internal: a kernel over ${space.kind} asked for its ${what}`);
  };
  if (space.kind === 'neurons') {
    const n = space.size;
    return {
      neurons: (start, stop) => ({
        start: `std::max<int32_t>(${start}, brian::mpi::lo(${n}))`,
        stop: `std::min<int32_t>(${stop}, brian::mpi::hi(${n}))`,
      }),
      owns: (index) => `${index} >= brian::mpi::lo(${n}) && ${index} < brian::mpi::hi(${n})`,
      synapses: wrong('synapses'),
    };
  }
  const ownership = ownershipName(space.set);
  return {
    neurons: wrong('neurons'),
    owns: wrong('neurons'),
    synapses: () => `${ownership}.owned`,
    localSynapseCount: localCount === undefined ? undefined : () => localCount,
    gatherContributions:
      gathered && !summedToSource
        ? (buffer) => `brian::mpi::sync_owned(${buffer}.data(), ${ownership});`
        : undefined,
    sumToSource:
      gathered && summedToSource
        ? (terms, target) => `${summedToSource}.add(${terms}, ${target});`
        : undefined,
  };
}

/** The declaration a kernel file needs to reach an ownership global. */
export function ownershipExtern(space: ElementSpace): string | undefined {
  return space.kind === 'synapses' ? `extern brian::mpi::Ownership ${ownershipName(space.set)};` : undefined;
}
