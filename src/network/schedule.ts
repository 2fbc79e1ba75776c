import { BrianError } from '../diagnostics/diagnostic.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { defaultclock } from './clock.ts';

/**
 * Brian's default schedule: the order of the slots of one time step. Objects run in slot order,
 * then by `order`, then by name. `before_X` / `after_X` are pseudo-slots around each slot.
 */
export const DEFAULT_SCHEDULE = ['start', 'groups', 'thresholds', 'synapses', 'resets', 'end'] as const;

export type Slot = string;

/** The schedule of networks that were not given one (Brian's `core.network.default_schedule` preference). */
let defaultSchedule: readonly string[] = DEFAULT_SCHEDULE;

export function getDefaultSchedule(): readonly string[] {
  return defaultSchedule;
}

/** Sets the default schedule (`undefined`/`null`: Brian's). */
export function setDefaultSchedule(schedule: readonly string[] | null | undefined): void {
  defaultSchedule = schedule == null ? DEFAULT_SCHEDULE : checkSchedule(schedule);
}

/** Position of a `when` value in a schedule, with before_/after_ pseudo-slots. */
export function slotRank(when: Slot, schedule: readonly string[] = defaultSchedule): number {
  // [\s\S]: any text, line breaks included (a `when` is whatever the user wrote)
  const m = /^(before_|after_)?([\s\S]*)$/.exec(when)!;
  const base = schedule.indexOf(m[2]);
  if (base < 0) {
    throw new BrianError('bad_argument', `Unknown schedule slot ${JSON.stringify(when)}.`, {
      hint: `the slots of the network's schedule are ${schedule.join(', ')} (each also with before_ and after_)`,
    });
  }
  return base * 3 + (m[1] === 'before_' ? 0 : m[1] === 'after_' ? 2 : 1);
}

/**
 * A schedule as Brian's `Network.schedule` setter accepts it: a list of slot names (strings), none
 * starting with `before_` or `after_` (those are the pseudo-slots of every slot).
 */
export function checkSchedule(schedule: unknown): string[] {
  if (!Array.isArray(schedule)) {
    throw new BrianError(
      'bad_argument',
      `A schedule must be a list of slot names, got ${describe(schedule)}.`,
      { hint: `e.g. net.schedule = ['start', 'groups', 'thresholds', 'synapses', 'resets', 'end']` },
    );
  }
  for (const slot of schedule) {
    if (typeof slot !== 'string') {
      throw new BrianError(
        'bad_argument',
        `A schedule must contain slot names (strings), got ${describe(slot)}.`,
      );
    }
    if (slot.startsWith('before_') || slot.startsWith('after_')) {
      throw new BrianError(
        'bad_argument',
        `Slot names may not start with 'before_' or 'after_' ("${slot}"): such names are the pseudo-slots before and after each slot.`,
      );
    }
  }
  return [...schedule];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'object'}`;
  return describeValue(value);
}

/**
 * Brian's `schedule_propagation_offset`: the delay between a spike and its effect through
 * synapses without delay. With `thresholds` before `synapses` (the default) spikes are delivered
 * in the step they happen (0 s); otherwise one step later (`defaultclock.dt`).
 */
export function schedulePropagationOffset(net?: { readonly schedule: readonly string[] }): Quantity {
  const schedule = net?.schedule ?? defaultSchedule;
  const thresholds = schedule.indexOf('thresholds');
  const synapses = schedule.indexOf('synapses');
  return thresholds < synapses ? new Quantity(0, defaultclock.dt.dim) : defaultclock.dt;
}
