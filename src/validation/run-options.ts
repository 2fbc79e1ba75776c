import * as v from 'valibot';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { CheckpointOptions } from '../network/checkpoint-options.ts';
import type { AsyncRunOptions, RunOptions } from '../network/network.ts';
import type { NetworkOperationOptions } from '../network/network-operation.ts';
import { describeValue } from './describe-value.ts';
import { positional } from './positional.ts';
import * as s from './schemas.ts';
import { type Schema, strictOptions, validate, validateOptions } from './validate.ts';

/** The arguments of run(), network operations, seed() and clocks. */

const RUN_ENTRIES = {
  report: v.union(
    [v.picklist(['text', 'stdout', 'stderr']), v.function()],
    "must be 'text', 'stdout', 'stderr' or a function",
  ),
  reportPeriod: s.nonNegativeTime,
  namespace: s.namespace,
  profile: s.boolean,
  checkFinite: v.union(
    [v.literal(false), v.strictObject({ every: v.optional(s.integer(1)) })],
    'must be false or { every: steps }',
  ),
  checkpoint: v.strictObject(
    {
      every: s.stepsOrTime,
      path: v.pipe(v.string(), v.minLength(1, 'must be a file name')),
      resume: v.optional(s.boolean),
    } satisfies Record<keyof CheckpointOptions, Schema>,
    'must be { every, path }',
  ),
} satisfies Record<keyof RunOptions, Schema>;

const RUN = strictOptions(RUN_ENTRIES);

const RUN_ASYNC = strictOptions({
  ...RUN_ENTRIES,
  signal: v.custom<AbortSignal>(
    (x) => x !== null && typeof x === 'object' && 'aborted' in x && 'throwIfAborted' in x,
    'must be an AbortSignal (new AbortController().signal)',
  ),
} satisfies Record<keyof AsyncRunOptions, Schema>);

/** `run(duration, options)` / `runAsync(…)`: a finite non-negative time, and options. */
export function checkRunArgs(
  duration: unknown,
  options: unknown,
  fn: 'run' | 'runAsync' = 'run',
): RunOptions {
  validate(s.nonNegativeTime, duration, fn, 'duration');
  positional(options, `${fn}(duration, options)`, 'report', `${fn}(ms(100), { report: 'text' })`);
  return validateOptions(fn === 'run' ? RUN : RUN_ASYNC, options, fn) as RunOptions;
}

const NETWORK_OPERATION = strictOptions({
  dt: s.positiveTime,
  clock: s.anyClock,
  when: s.when,
  order: s.integer(),
  name: s.name,
} satisfies Record<keyof NetworkOperationOptions, Schema>);

export function checkNetworkOperationArgs(fn: unknown, options: unknown): NetworkOperationOptions {
  validate(v.function('must be a function (t) => { … }'), fn, 'networkOperation', 'fn');
  positional(options, 'networkOperation(fn, options)', 'clock', 'networkOperation(fn, { dt: ms(1) })');
  return validateOptions(NETWORK_OPERATION, options, 'networkOperation') as NetworkOperationOptions;
}

/**
 * `seed(value)`: an integer in [0, 2^53) (Brian takes numpy's 32-bit seeds; brian-ts keeps 53
 * bits), or nothing for a random seed. `seed('abc')` and `seed(NaN)` used to give one stream.
 */
export function checkSeed(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new BrianError(
      'bad_argument',
      `seed: the seed must be an integer >= 0, got ${describeValue(value)}.`,
      {
        hint: 'seed(42); seed() for a random seed',
      },
    );
  }
  return value;
}

const RESTORE = strictOptions({ restoreRandomState: s.boolean });

/**
 * `store(name, filename)` / `restore(name, filename, options)`: a snapshot name and an optional
 * file name are strings (a symbol or an object used to be taken as a key, and broke messages).
 */
export function checkStoreArgs(
  name: unknown,
  filename: unknown,
  fn: 'store' | 'restore',
  options?: unknown,
): { restoreRandomState?: boolean } {
  validate(v.string('must be a string (the snapshot name)'), name, fn, 'name');
  if (filename !== undefined) validate(v.string('must be a file path'), filename, fn, 'filename');
  return validateOptions(RESTORE, options, fn) as { restoreRandomState?: boolean };
}
