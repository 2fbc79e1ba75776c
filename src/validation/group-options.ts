import * as v from 'valibot';
import type { Equations } from '../core/equations.ts';
import type { NeuronGroupOptions } from '../groups/neuron-group.ts';
import type { RunRegularlyOptions } from '../groups/runners/regular-runner.ts';
import type { PoissonGroupOptions } from '../input/poisson-group.ts';
import type { SpikeGeneratorGroupOptions } from '../input/spike-generator-group.ts';
import { hertz, second } from '../units/index.ts';
import { positional } from './positional.ts';
import * as s from './schemas.ts';
import { type Schema, strictOptions, validate, validateOptions } from './validate.ts';

/** The options of groups of neurons, checked at their constructors. */

const NEURON_GROUP = strictOptions({
  threshold: s.code,
  reset: s.code,
  refractory: v.union(
    [s.nonNegativeTime, s.code, v.literal(false)],
    "must be a time (ms(5)), a string ('2*ms', 'v > -20*mV') or false",
  ),
  method: s.method,
  namespace: s.namespace,
  dt: s.positiveTime,
  clock: s.clock,
  order: s.integer(),
  name: s.name,
  events: v.record(
    v.string(),
    s.code,
    "must be an object of event names to conditions ({ custom: 'v > 1' })",
  ),
} satisfies Record<keyof NeuronGroupOptions, Schema>);

/** A model: equation text or an Equations object. */
export const model = v.custom<string | Equations>(
  (x) =>
    typeof x === 'string' || (x !== null && typeof x === 'object' && x.constructor?.name === 'Equations'),
  'must be equations: a string or an Equations object',
);

/** Group sizes: element indices are 32-bit integers (a larger N used to allocate for minutes). */
const size = v.pipe(
  s.integer(1),
  v.maxValue(2147483647, 'must be at most 2147483647 (2^31 - 1: indices are 32-bit integers)'),
);

export function checkNeuronGroupArgs(N: unknown, eqs: unknown, options: unknown): NeuronGroupOptions {
  validate(size, N, 'new NeuronGroup', 'N (the number of neurons)');
  validate(model, eqs, 'new NeuronGroup', 'model');
  positional(
    options,
    'new NeuronGroup(N, model, options)',
    'method',
    "new NeuronGroup(N, model, { method: 'euler', threshold: 'v > 1' })",
  );
  return validateOptions(NEURON_GROUP, options, 'new NeuronGroup') as NeuronGroupOptions;
}

const POISSON_GROUP = strictOptions({
  namespace: s.namespace,
  dt: s.positiveTime,
  clock: s.clock,
  name: s.name,
} satisfies Record<keyof PoissonGroupOptions, Schema>);

const rates = v.union(
  [s.rate, s.quantityArrayOf(hertz.dim, 'rates', 'Hz([5, 10])'), s.code],
  'must be a rate (Hz(10)), one rate per neuron (Hz([…])) or a string expression',
);

export function checkPoissonGroupArgs(N: unknown, r: unknown, options: unknown): PoissonGroupOptions {
  validate(size, N, 'new PoissonGroup', 'N (the number of neurons)');
  validate(rates, r, 'new PoissonGroup', 'rates');
  positional(
    options,
    'new PoissonGroup(N, rates, options)',
    'dt',
    'new PoissonGroup(N, rates, { dt: ms(0.1) })',
  );
  return validateOptions(POISSON_GROUP, options, 'new PoissonGroup') as PoissonGroupOptions;
}

const SPIKE_GENERATOR = strictOptions({
  period: s.nonNegativeTime,
  sorted: s.boolean,
  dt: s.positiveTime,
  clock: s.clock,
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof SpikeGeneratorGroupOptions, Schema>);

export function checkSpikeGeneratorArgs(
  N: unknown,
  indices: unknown,
  times: unknown,
  options: unknown,
): SpikeGeneratorGroupOptions {
  const fn = 'new SpikeGeneratorGroup';
  validate(size, N, fn, 'N (the number of neurons)');
  validate(s.indices, indices, fn, 'indices');
  validate(s.quantityArrayOf(second.dim, 'times', 'ms([1, 2])'), times, fn, 'times');
  positional(
    options,
    'new SpikeGeneratorGroup(N, indices, times, options)',
    'dt',
    `${fn}(N, indices, times, { period: ms(10) })`,
  );
  return validateOptions(SPIKE_GENERATOR, options, fn) as SpikeGeneratorGroupOptions;
}

const RUN_REGULARLY = strictOptions({
  dt: s.positiveTime,
  clock: s.anyClock,
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof RunRegularlyOptions, Schema>);

export function checkRunRegularlyArgs(code: unknown, options: unknown): RunRegularlyOptions {
  validate(s.code, code, 'runRegularly', 'code');
  positional(options, 'runRegularly(code, options)', 'dt', 'G.runRegularly(code, { dt: ms(1) })');
  return validateOptions(RUN_REGULARLY, options, 'runRegularly') as RunRegularlyOptions;
}
