/**
 * Brian's default schedule: the order of the slots of one time step. Objects run in slot order,
 * then by `order`, then by name. `before_X` / `after_X` are pseudo-slots around each slot.
 */
export const DEFAULT_SCHEDULE = ['start', 'groups', 'thresholds', 'synapses', 'resets', 'end'] as const;

export type Slot = string;

/** Position of a `when` value in a schedule, with before_/after_ pseudo-slots. */
export function slotRank(when: Slot, schedule: readonly string[] = DEFAULT_SCHEDULE): number {
  const m = /^(before_|after_)?(.+)$/.exec(when)!;
  const base = schedule.indexOf(m[2]);
  if (base < 0) throw new Error(`unknown schedule slot "${when}"; slots are ${schedule.join(', ')}`);
  return base * 3 + (m[1] === 'before_' ? 0 : m[1] === 'after_' ? 2 : 1);
}
