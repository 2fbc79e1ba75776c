import * as v from 'valibot';
import { Group } from '../groups/group.ts';
import type { ConnectOptions } from '../synapses/connect.ts';
import type { SynapsesOptions } from '../synapses/synapses.ts';
import { model } from './group-options.ts';
import { checkName } from './names.ts';
import { positional } from './positional.ts';
import * as s from './schemas.ts';
import { type Schema, strictOptions, validate, validateOptions } from './validate.ts';

/** The options of Synapses and of `connect()`. */

/** Pathway code: one string, or a record of pathway names to code. */
const pathwayCode = v.union(
  [s.code, v.record(s.identifier, s.code)],
  'must be code (a string) or an object of pathway names to code ({ pre: …, pre2: … })',
);

const SYNAPSES = strictOptions({
  model,
  onPre: pathwayCode,
  onPost: pathwayCode,
  delay: v.union(
    [s.nonNegativeTime, plainRecordOf(s.nonNegativeTime)],
    'must be a non-negative time (ms(2)) or an object of pathway names to times',
  ),
  onEvent: v.union(
    [s.identifier, plainRecordOf(s.identifier)],
    "must be an event name ('spike') or an object of pathway names to events ({ pre: 'spike' })",
  ),
  multisynapticIndex: s.identifier,
  namespace: s.namespace,
  method: s.method,
  dt: s.positiveTime,
  clock: s.clock,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof SynapsesOptions, Schema>);

/**
 * A group (source or target): an instance of one of the library's groups (an object that
 * merely has `variables`, `N` and `codeScope` fields used to get through and fail inside).
 */
export const group = v.custom<object>(
  (x) => x instanceof Group,
  'must be a group of neurons (a NeuronGroup, a subgroup, a PoissonGroup, …)',
);

/**
 * `new Synapses(G, H, options)`; `new Synapses(G, options)` connects G to itself (Brian's
 * `Synapses(G, model=…)`); Brian's positional `Synapses(G, H, 'w : 1', …)` is explained.
 */
export function checkSynapsesArgs(
  source: unknown,
  target: unknown,
  options: unknown,
): { target: unknown; options: SynapsesOptions } {
  validate(group, source, 'new Synapses', 'source');
  if (target !== undefined && !isGroupLike(target) && options === undefined && isPlainObject(target)) {
    return { target: undefined, options: checkSynapsesArgs(source, undefined, target).options };
  }
  if (target !== undefined) validate(group, target, 'new Synapses', 'target');
  positional(
    options,
    'new Synapses(source, target, options)',
    'model',
    "new Synapses(G, H, { model: 'w : 1', onPre: 'v += w' })",
  );
  const checked = validateOptions(SYNAPSES, options, 'new Synapses') as SynapsesOptions;
  for (const code of [checked.onPre, checked.onPost]) {
    if (code && typeof code === 'object') for (const k of Object.keys(code)) checkName(k, 'pathway', false);
  }
  return { target, options: checked };
}

const CONNECT = strictOptions({
  condition: v.union([s.code, s.boolean], 'must be a condition (a string) or true/false'),
  p: v.union(
    [v.pipe(s.finiteNumber, v.minValue(0, 'must be >= 0'), v.maxValue(1, 'must be <= 1')), s.code],
    'must be a probability between 0 and 1, or an expression',
  ),
  n: v.union([s.integer(0), s.code], 'must be an integer >= 0 or an expression'),
  i: s.indicesOrCode,
  j: s.indicesOrCode,
  skipIfInvalid: s.boolean,
  namespace: s.namespace,
} satisfies Record<keyof ConnectOptions, Schema>);

/** `connect()`, `connect(true/false)`, `connect('i != j')`, `connect({ … })`. */
export function checkConnectArgs(options: unknown, extra: unknown): ConnectOptions {
  if (extra !== undefined) {
    positional(extra, 'connect(options)', 'i', "S.connect({ condition: 'i != j', p: 0.1 })");
  }
  if (options === undefined || options === true) return {};
  if (options === false) return { condition: false };
  if (typeof options === 'string') return { condition: options };
  if (!isPlainObject(options)) {
    positional(
      options,
      'connect(options)',
      'condition',
      "S.connect({ condition: 'i != j' }) or S.connect({ i: [0, 1], j: [1, 2] })",
    );
  }
  const checked = validateOptions(CONNECT, options, 'connect') as ConnectOptions;
  return checked;
}

function isGroupLike(x: unknown): boolean {
  return v.safeParse(group, x).success;
}

/** `{ pre: …, post: … }`: a plain object of pathway names to values (not any object: a class instance has no pathways). */
function plainRecordOf(value: Schema) {
  return v.custom<Record<string, unknown>>(
    (x) =>
      isPlainObject(x) &&
      Object.entries(x as object).every(([k, e]) => v.is(s.identifier, k) && v.is(value, e)),
  );
}

function isPlainObject(x: unknown): boolean {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === null || proto === Object.prototype;
}
