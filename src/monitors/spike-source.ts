import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';

/** Where a group's spikes can be read: the event space of its root group and the group's range in it. */
export interface SpikeSource {
  readonly eventspace: string;
  /** Size of the root group (the event count sits at this position). */
  readonly size: number;
  readonly start: number;
  readonly stop: number;
}

/** What a spiking group offers: its arrays by name and a runner that fills the spike space. */
interface HasSpikes {
  arrayId(name: string): string;
  root?: Group;
  /** The runner that detects spikes (a NeuronGroup without threshold has none). */
  thresholder?: unknown;
}

export function spikeSource(group: Group): SpikeSource {
  const g = group as unknown as HasSpikes;
  // Groups refuse unknown attributes (network/attribute-access.ts): ask with `in` first.
  const root = group.root as Group & HasSpikes;
  if (!('arrayId' in g) || typeof g.arrayId !== 'function' || !root.variables.has('i')) {
    throw new BrianError('bad_argument', `${group.name} does not generate spikes.`);
  }
  const eventspace = g.arrayId('_spikespace');
  // As Brian ("does not define an event 'spike'"): a group without threshold never spikes.
  if (!group.device.arrays.has(eventspace) || !('thresholder' in root) || root.thresholder === undefined) {
    throw new BrianError('bad_argument', `${group.name} does not generate spikes (it has no threshold).`);
  }
  return { eventspace, size: root.N, start: group.start, stop: group.stop };
}
