import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import type { Runner } from '../network/brian-object.ts';

/**
 * Where a group's events can be read: the event space of its root group and the group's range
 * in it, and the runner that fills it (monitors are scheduled right after it, as in Brian).
 */
export interface SpikeSource {
  readonly event: string;
  readonly eventspace: string;
  /** Size of the root group (the event count sits at this position). */
  readonly size: number;
  readonly start: number;
  readonly stop: number;
  /** The runner that detects the event (its `when` and `order`). */
  readonly detector: Pick<Runner, 'when' | 'order'>;
}

/** What an event source offers: its arrays by name and the runners that fill its event spaces. */
interface HasEvents {
  arrayId(name: string): string;
  /** The runner that detects spikes (a NeuronGroup without threshold has none). */
  thresholder?: Pick<Runner, 'when' | 'order'>;
  /** Neuron groups: the runner of any event (custom events included). */
  eventThresholder?(event: string): Pick<Runner, 'when' | 'order'> | undefined;
}

/** The event space of `event` (`spike` or a custom event) of `group`. */
export function eventSource(group: Group, event: string): SpikeSource {
  const g = group as unknown as HasEvents;
  // Groups refuse unknown attributes (network/attribute-access.ts): ask with `in` first.
  const root = group.root as Group & HasEvents;
  if (!('arrayId' in g) || typeof g.arrayId !== 'function' || !root.variables.has('i')) {
    throw new BrianError('bad_argument', `${group.name} does not generate events.`);
  }
  const detector =
    'eventThresholder' in root && root.eventThresholder
      ? root.eventThresholder(event)
      : event === 'spike' && 'thresholder' in root
        ? root.thresholder
        : undefined;
  const eventspace = g.arrayId(`_${event}space`);
  // As Brian ("does not define an event 'spike'"): a group without threshold never spikes.
  if (!detector || !group.device.arrays.has(eventspace)) {
    throw new BrianError('bad_argument', `${group.name} does not define an event '${event}'.`, {
      hint: event === 'spike' ? 'did you forget to set a threshold?' : undefined,
    });
  }
  return { event, eventspace, size: root.N, start: group.start, stop: group.stop, detector };
}

/** The spikes of `group` (its `spike` event). */
export function spikeSource(group: Group): SpikeSource {
  return eventSource(group, 'spike');
}
