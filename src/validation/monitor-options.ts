import * as v from 'valibot';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { isSelection, type Selection } from '../groups/selection.ts';
import type { EventMonitorOptions } from '../monitors/event-monitor.ts';
import type { PopulationRateMonitorOptions } from '../monitors/population-rate-monitor.ts';
import type { StateMonitorOptions } from '../monitors/state-monitor.ts';
import type { StreamOptions } from '../monitors/stream.ts';
import { positional } from './positional.ts';
import * as s from './schemas.ts';
import { group } from './synapse-options.ts';
import { type Schema, strictOptions, validate, validateOptions } from './validate.ts';

/** The options of the monitors. */

const variableNames = v.union(
  [v.string(), v.array(v.string())],
  'must be a variable name or a list of names',
);

/** `stream: { every, to }`: hand recorded rows to a sink every N steps or every so much time. */
const stream = v.strictObject({
  every: s.stepsOrTime,
  to: v.custom<StreamOptions['to']>(
    (x) => x !== null && typeof x === 'object' && typeof (x as { write?: unknown }).write === 'function',
    'must be a sink with a write(chunk) method (e.g. csvFileSink(path))',
  ),
} satisfies Record<keyof StreamOptions, Schema>);

const EVENT_MONITOR = strictOptions({
  variables: variableNames,
  record: s.boolean,
  stream,
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof EventMonitorOptions, Schema>);

/**
 * The arguments of `new EventMonitor(source, event, options)` and `new SpikeMonitor(source,
 * options)` (`call` names the one the user wrote, for the messages).
 */
export function checkEventMonitorArgs(
  source: unknown,
  event: unknown,
  options: unknown,
  call: 'new EventMonitor' | 'new SpikeMonitor',
): EventMonitorOptions {
  validate(group, source, call, 'source');
  validate(v.string('must be the name of an event'), event, call, 'event');
  const example =
    call === 'new SpikeMonitor'
      ? "new SpikeMonitor(G, { variables: ['v'] })"
      : "new EventMonitor(G, 'custom', { variables: ['v'] })";
  positional(
    options,
    `${call}(${call === 'new SpikeMonitor' ? 'source' : 'source, event'}, options)`,
    'variables',
    example,
  );
  const checked = validateOptions(EVENT_MONITOR, options, call) as EventMonitorOptions;
  if (checked.when === undefined && checked.order !== undefined) {
    throw new BrianError('bad_argument', `${call}: options.order cannot be given without options.when.`, {
      hint: 'by default it records right after the event is detected (the detector’s slot, its order + 1)',
    });
  }
  return checked;
}

const STATE_MONITOR = strictOptions({
  record: v.union(
    [s.boolean, s.indices, v.custom<Selection>(isSelection)],
    'must be true, the indices to record or a selection (S.at(i, j))',
  ),
  stream,
  dt: s.positiveTime,
  // An EventClock records at given times (Brian's StateMonitor(clock=EventClock(...))).
  clock: s.anyClock,
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof StateMonitorOptions, Schema>);

export function checkStateMonitorArgs(
  source: unknown,
  variables: unknown,
  options: unknown,
): StateMonitorOptions {
  validate(group, source, 'new StateMonitor', 'source');
  validate(
    v.union([variableNames, v.literal(true)], 'must be a variable name, a list of names, or true for all'),
    variables,
    'new StateMonitor',
    'variables',
  );
  positional(
    options,
    'new StateMonitor(source, variables, options)',
    'record',
    "new StateMonitor(G, 'v', { record: [0, 1] })",
  );
  return validateOptions(STATE_MONITOR, options, 'new StateMonitor') as StateMonitorOptions;
}

const RATE_MONITOR = strictOptions({
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof PopulationRateMonitorOptions, Schema>);

export function checkRateMonitorArgs(source: unknown, options: unknown): PopulationRateMonitorOptions {
  validate(group, source, 'new PopulationRateMonitor', 'source');
  positional(
    options,
    'new PopulationRateMonitor(source, options)',
    'name',
    "new PopulationRateMonitor(G, { name: 'rates' })",
  );
  return validateOptions(RATE_MONITOR, options, 'new PopulationRateMonitor') as PopulationRateMonitorOptions;
}
