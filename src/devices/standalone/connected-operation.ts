import type { SynapsesConnected } from '../device.ts';
import type { ArrayDecl, Operation } from './program.ts';

/**
 * The program's operation after `connect()`: count the new synapses, size every per-synapse
 * array to the count and fill it, update `N_incoming`/`N_outgoing` (and the multisynaptic index).
 * `current` names the declared array of an array id.
 */
export function connectedOperation(
  spec: SynapsesConnected,
  current: (arrayId: string) => ArrayDecl,
): Extract<Operation, { kind: 'synapses_connected' }> {
  const c = current;
  return {
    kind: 'synapses_connected',
    pre: c(spec.pre),
    post: c(spec.post),
    sourceSize: typeof spec.sourceSize === 'number' ? spec.sourceSize : c(spec.sourceSize.sizeOf),
    targetSize: typeof spec.targetSize === 'number' ? spec.targetSize : c(spec.targetSize.sizeOf),
    count: c(spec.count),
    perSynapse: spec.perSynapse.map((p) => ({ target: c(p.arrayId), fill: p.fill })),
    nIncoming: c(spec.nIncoming),
    nOutgoing: c(spec.nOutgoing),
    multisynapticIndex: spec.multisynapticIndex ? c(spec.multisynapticIndex) : undefined,
  };
}
