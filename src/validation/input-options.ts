import * as v from 'valibot';
import type { BinomialFunctionOptions } from '../input/binomial.ts';
import type { PoissonInputOptions } from '../input/poisson-input.ts';
import type { TimedArrayOptions } from '../input/timed-array.ts';
import { positional } from './positional.ts';
import * as s from './schemas.ts';
import { group } from './synapse-options.ts';
import { type Schema, strictOptions, validate, validateOptions } from './validate.ts';

/** The options of inputs: PoissonInput, TimedArray, BinomialFunction. */

const POISSON_INPUT = strictOptions({
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof PoissonInputOptions, Schema>);

export function checkPoissonInputArgs(
  target: unknown,
  targetVar: unknown,
  N: unknown,
  rate: unknown,
  options: unknown,
): PoissonInputOptions {
  const fn = 'new PoissonInput';
  validate(group, target, fn, 'target');
  validate(v.string('must be a variable name'), targetVar, fn, 'targetVar');
  validate(s.integer(0), N, fn, 'N (the number of inputs)');
  validate(s.rate, rate, fn, 'rate');
  positional(
    options,
    `${fn}(target, targetVar, N, rate, weight, options)`,
    'when',
    `${fn}(G, 'v', 100, Hz(10), mV(1), { when: 'synapses' })`,
  );
  return validateOptions(POISSON_INPUT, options, fn) as PoissonInputOptions;
}

const TIMED_ARRAY = v.strictObject({
  dt: s.positiveTime,
  name: v.optional(s.name),
} satisfies Record<keyof TimedArrayOptions, Schema>);

export function checkTimedArrayOptions(options: unknown): TimedArrayOptions {
  positional(options, 'new TimedArray(values, options)', 'dt', 'new TimedArray(values, { dt: ms(1) })');
  return validateOptions(TIMED_ARRAY, options, 'new TimedArray') as TimedArrayOptions;
}

const BINOMIAL = strictOptions({
  approximate: s.boolean,
  name: s.name,
} satisfies Record<keyof BinomialFunctionOptions, Schema>);

export function checkBinomialArgs(n: unknown, options: unknown): BinomialFunctionOptions {
  validate(s.integer(0), n, 'new BinomialFunction', 'n (the number of trials)');
  positional(
    options,
    'new BinomialFunction(n, p, options)',
    'approximate',
    'new BinomialFunction(n, p, { approximate: false })',
  );
  return validateOptions(BINOMIAL, options, 'new BinomialFunction') as BinomialFunctionOptions;
}
