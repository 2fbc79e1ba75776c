import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { BrianObject } from './brian-object.ts';
import type { BaseClock } from './clock.ts';

/**
 * What Brian's `Network.run` and `Network.before_run` check before anything runs: the duration,
 * unique names, the objects each object depends on, and that no object ran in another network.
 */

export function checkDuration(duration: Quantity): void {
  if (!(duration instanceof Quantity) || duration.dim !== second.dim) {
    throw new BrianError(
      typeof duration === 'number' ? 'missing_unit' : 'bad_argument',
      `run() needs a duration in time units, got ${describeValue(duration)}.`,
      { hint: 'e.g. run(ms(100))' },
    );
  }
  if (duration.value < 0) {
    throw new BrianError('bad_argument', `run() needs a non-negative duration, got ${duration}.`);
  }
}

/** The clocks of the objects and of their runners (run_regularly with its own dt, run_at). */
export function clocksOf(objects: readonly BrianObject[]): BaseClock[] {
  const clocks = new Set<BaseClock>();
  for (const o of objects) {
    clocks.add(o.clock);
    for (const r of o.runners()) clocks.add(r.clock);
  }
  return [...clocks];
}

/** Names key the schedule's ties and the stored states: one name, one object. */
export function checkNames(objects: readonly BrianObject[]): void {
  const names = new Map<string, number>();
  for (const o of objects) names.set(o.name, (names.get(o.name) ?? 0) + 1);
  const repeated = [...names].filter(([, n]) => n > 1).map(([name]) => `'${name}'`);
  if (repeated.length > 0) {
    throw new BrianError(
      'duplicate_name',
      `All objects in a network need unique names; used more than once: ${repeated.join(', ')}.`,
      { hint: 'give the objects different names (or leave the name out: each gets its own)' },
    );
  }
}

/** The first object `o` depends on that is missing from `present` (subgroups stand for their root group). */
export function missingDependency(
  o: BrianObject,
  present: ReadonlySet<BrianObject>,
): BrianObject | undefined {
  for (const d of o.dependencies()) {
    const root = d.dependencyRoot();
    if (!present.has(root)) return root;
  }
  return undefined;
}

/** Every object an object depends on (a subgroup: its root group) must take part. */
export function checkDependencies(objects: readonly BrianObject[]): void {
  const present = new Set(objects);
  for (const o of objects) {
    const missing = missingDependency(o, present);
    if (missing) {
      throw new BrianError(
        'network_error',
        `${o.name} has been included in the network but not ${missing.name}, on which it depends.`,
        { hint: `add ${missing.name} to the network too` },
      );
    }
  }
}

/** An object runs in one network only (Brian: "has already been run in the context of another network"). */
export function checkOwnership(objects: readonly BrianObject[], networkId: number): void {
  for (const o of objects) {
    if (o.networkId !== undefined && o.networkId !== networkId) {
      throw new BrianError('network_error', `${o.name} has already been run in another network.`, {
        hint: 'use add()/remove() to change the objects of a simulated network instead of creating a new one',
      });
    }
  }
}
