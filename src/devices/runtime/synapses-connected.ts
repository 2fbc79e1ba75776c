import type { SynapsesConnected } from '../device.ts';
import type { DeviceArray, DynamicArray, StaticArray } from './arrays.ts';

/**
 * After `connect()`: every per-synapse array grows to the new number of synapses (new elements
 * get the array's fill value, e.g. the pathway's default delay), then N_outgoing (per source
 * neuron), N_incoming (per target neuron) and the multisynaptic index (k-th synapse of its
 * pre/post pair) are recomputed from the pre and post indices.
 */
export function synapsesConnected(arrays: ReadonlyMap<string, DeviceArray>, spec: SynapsesConnected): void {
  const dyn = (id: string) => arrays.get(id) as DynamicArray;
  const pre = dyn(spec.pre).view();
  const post = dyn(spec.post).view();
  const n = pre.length;
  for (const { arrayId, fill } of spec.perSynapse) {
    const a = dyn(arrayId);
    const old = a.length;
    a.resize(n);
    if (fill !== 0) a.data.fill(fill, old, n);
  }
  const zeros = (id: string, size: number) => {
    const counts = dyn(id);
    counts.resize(size);
    counts.data.fill(0, 0, size);
    return counts.data;
  };
  const size = (c: SynapsesConnected['sourceSize']) => (typeof c === 'number' ? c : dyn(c.sizeOf).length);
  const sourceSize = size(spec.sourceSize);
  const targetSize = size(spec.targetSize);
  (arrays.get(spec.count) as StaticArray).data[0] = n;
  const outgoing = zeros(spec.nOutgoing, sourceSize);
  const incoming = zeros(spec.nIncoming, targetSize);
  for (let s = 0; s < n; s++) {
    outgoing[pre[s]]++;
    incoming[post[s]]++;
  }
  if (spec.multisynapticIndex) {
    const k = dyn(spec.multisynapticIndex).data;
    const seen = new Map<number, number>();
    for (let s = 0; s < n; s++) {
      const key = pre[s] * targetSize + post[s];
      const c = seen.get(key) ?? 0;
      k[s] = c;
      seen.set(key, c + 1);
    }
  }
}
