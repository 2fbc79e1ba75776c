import type { SynapseSets } from '../../compiler/4-generate/cpp-mpi/kernel-access.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { SynapsesConnected } from '../device.ts';

/** One Synapses object as a distributed program sees it: its index arrays and its target's storage. */
export interface SynapseSet {
  /** Its `_synaptic_pre` array (the set's name), and its `_synaptic_post` array. */
  readonly pre: string;
  readonly post: string;
  /** The target neurons' offset in their storage and the storage's size (the group that is partitioned). */
  readonly targetStart: number;
  readonly targetStorageSize: number;
}

/** The program's synapse sets, as `connect()` reported them (`synapsesConnected`). */
export class SynapseRegistry implements SynapseSets {
  private readonly sets = new Map<string, SynapseSet>();
  private readonly sides = new Map<string, { set: string; side: 'pre' | 'post' }>();

  constructor(private readonly staticSize: (arrayId: string) => number | undefined) {}

  add(spec: SynapsesConnected): void {
    if (typeof spec.targetStorageSize !== 'number') {
      throw new BrianError(
        'mpi_not_supported',
        'The MPI device cannot distribute Synapses whose target is another Synapses object.',
        { hint: 'use cpp_standalone (one process) for synapses on synapses' },
      );
    }
    this.sets.set(spec.pre, {
      pre: spec.pre,
      post: spec.post,
      targetStart: spec.targetStart,
      targetStorageSize: spec.targetStorageSize,
    });
    this.sides.set(spec.pre, { set: spec.pre, side: 'pre' });
    this.sides.set(spec.post, { set: spec.pre, side: 'post' });
  }

  get(set: string): SynapseSet {
    const s = this.sets.get(set);
    if (!s) throw new Error(`internal: no synapse set ${set}`);
    return s;
  }

  all(): SynapseSet[] {
    return [...this.sets.values()];
  }

  sideOf(arrayId: string): { readonly set: string; readonly side: 'pre' | 'post' } | undefined {
    return this.sides.get(arrayId);
  }

  sizeOf(arrayId: string): number | undefined {
    return this.staticSize(arrayId);
  }

  clear(): void {
    this.sets.clear();
    this.sides.clear();
  }
}
