import type { Group } from '../groups/group.ts';
import type { QuantityArray } from '../units/quantity-array.ts';
import { EventMonitor, type EventMonitorOptions } from './event-monitor.ts';

/** Options of a SpikeMonitor: those of an EventMonitor. */
export type SpikeMonitorOptions = EventMonitorOptions;

/**
 * Records the spikes of a group (Brian's SpikeMonitor, an EventMonitor of the `spike` event):
 * times `t` and indices `i` in the order they happened, per-neuron `count`, and optionally
 * variables at spike time (values after the threshold, before the reset).
 */
export class SpikeMonitor extends EventMonitor {
  constructor(source: Group, options: SpikeMonitorOptions = {}) {
    super(source, 'spike', options, 'spikemonitor*', 'new SpikeMonitor');
  }

  /** Number of spikes recorded. */
  get num_spikes(): number {
    return this.num_events;
  }

  /** Spike times of each neuron, as `Map<index, times>` (Brian's `spike_trains()`). */
  spikeTrains(): Map<number, QuantityArray> {
    return this.eventTrains();
  }

  /** Brian's one-line summary: `<SpikeMonitor, recording from 'neurongroup'>`. */
  override toString(): string {
    return `<SpikeMonitor, recording from '${this.source.name}'>`;
  }
}
