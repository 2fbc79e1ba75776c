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

interface HasSpikes {
  arrayId(name: string): string;
  root?: Group;
}

export function spikeSource(group: Group): SpikeSource {
  const g = group as unknown as HasSpikes;
  const root = (g.root ?? group) as Group & HasSpikes;
  if (typeof g.arrayId !== 'function' || !root.variables.has('i')) {
    throw new BrianError('bad_argument', `${group.name} does not generate spikes.`);
  }
  const eventspace = g.arrayId('_spikespace');
  if (!group.device.arrays.has(eventspace)) {
    throw new BrianError('bad_argument', `${group.name} does not generate spikes (it has no threshold).`);
  }
  return { eventspace, size: root.N, start: group.start, stop: group.stop };
}
