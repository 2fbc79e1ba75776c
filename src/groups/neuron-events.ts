import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Runner } from '../network/brian-object.ts';
import type { Slot } from '../network/schedule.ts';
import type { NeuronGroup } from './neuron-group.ts';
import { Resetter } from './runners/resetter.ts';
import { Thresholder } from './runners/thresholder.ts';

/** Where code runs in the schedule (Brian's `when` and `order` arguments). */
export interface EventSchedule {
  readonly when?: Slot;
  readonly order?: number;
}

/**
 * The events of a NeuronGroup (Brian's `events`, `thresholder`, `resetter`): `spike` from the
 * threshold, custom events from `events: { name: 'condition' }`. Each event has a thresholder
 * filling its event space; `runOnEvent` adds code run for the elements of an event (the reset
 * is the code of `spike`).
 */
export class NeuronEvents {
  /** Event name → condition (as given: checked to be a string when the run builds it). */
  readonly conditions = new Map<string, unknown>();
  readonly thresholders = new Map<string, Thresholder>();
  readonly resetters = new Map<string, Resetter>();

  constructor(
    private readonly group: NeuronGroup,
    threshold: string | undefined,
    events: Readonly<Record<string, unknown>>,
  ) {
    for (const name of Object.keys(events)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new BrianError('invalid_identifier', `The name '${name}' cannot be used as an event name.`, {
          hint: 'event names are identifiers: letters, digits and _, not starting with a digit',
        });
      }
      this.conditions.set(name, events[name]);
    }
    if (threshold !== undefined) {
      if (this.conditions.has('spike')) {
        throw new BrianError('bad_argument', `${group.name} defines both a threshold and a 'spike' event.`, {
          hint: 'give the spike condition once, as threshold, and name the other event differently',
        });
      }
      this.conditions.set('spike', threshold);
    }
  }

  /** Creates the thresholders (once the group's arrays exist). */
  createThresholders(): void {
    for (const event of this.conditions.keys()) {
      this.thresholders.set(event, new Thresholder(this.group, event));
    }
  }

  /** Brian's `run_on_event`: `code` runs for each element of `event`, by default in slot `after_resets`. */
  runOnEvent(event: string, code: string, schedule: EventSchedule = {}): Resetter {
    this.requireEvent(event);
    if (this.resetters.has(event)) {
      throw new BrianError(
        'bad_argument',
        `Cannot add code for event '${event}' of ${this.group.name}: code for this event has already been added.`,
      );
    }
    const resetter = new Resetter(
      this.group,
      event,
      code,
      schedule.when ?? 'after_resets',
      schedule.order ?? this.group.order,
    );
    this.resetters.set(event, resetter);
    return resetter;
  }

  /** Brian's `set_event_schedule`: where the condition of `event` is checked (default `after_thresholds`). */
  setSchedule(event: string, schedule: EventSchedule = {}): void {
    const thresholder = this.thresholders.get(event);
    if (!thresholder) throw this.unknownEvent(event);
    thresholder.when = schedule.when ?? 'after_thresholds';
    thresholder.order = schedule.order ?? this.group.order;
  }

  runners(): Runner[] {
    return [...this.thresholders.values(), ...this.resetters.values()];
  }

  private requireEvent(event: string): void {
    if (!this.conditions.has(event)) throw this.unknownEvent(event);
  }

  private unknownEvent(event: string): BrianError {
    const known = [...this.conditions.keys()];
    return new BrianError('bad_argument', `${this.group.name} has no event '${event}'.`, {
      hint:
        event === 'spike'
          ? 'did you forget to define a threshold?'
          : `its events are: ${known.length ? known.join(', ') : 'none'}`,
    });
  }
}
