import * as v from 'valibot';
import type { MpiOptions } from '../devices/mpi/options.ts';
import type { RuntimeOptions } from '../devices/runtime/runtime-device.ts';
import type { BuildOptions, RerunOptions, StandaloneOptions } from '../devices/standalone/options.ts';
import * as s from './schemas.ts';
import { type Schema, strictOptions, validateOptions } from './validate.ts';

/** The options of setDevice() and of the standalone device's build() and run(). */

const flags = v.array(v.string('must be a string'), 'must be a list of strings');

/** A directory path: a non-empty string without NUL (it is given to the file system and make). */
const directory = v.pipe(
  v.string('must be a directory path'),
  v.minLength(1, 'must not be empty'),
  v.check((x) => !x.includes('\0'), 'must not contain a NUL character'),
);

/** OpenMP threads: 0 to 256, or 'auto' for every core (resolveThreads gives the same ranges). */
const threads = v.union(
  [v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(256)), v.literal('auto')],
  "must be a whole number from 0 to 256 or 'auto'",
);

const STANDALONE = strictOptions({
  directory,
  buildOnRun: s.boolean,
  debug: s.boolean,
  threads,
  compiler: v.pipe(v.string('must be a compiler command'), v.minLength(1, 'must not be empty')),
  optimisationFlags: flags,
  fastMath: s.boolean,
  extraCompileArgs: flags,
  extraLinkArgs: flags,
  verbose: s.boolean,
  mpi: v.strictObject(
    {
      processes: s.integer(1),
      hostfile: v.optional(v.pipe(v.string('must be a file path'), v.minLength(1, 'must not be empty'))),
      mpirun: v.optional(v.pipe(v.string('must be a command'), v.minLength(1, 'must not be empty'))),
      mpirunArgs: v.optional(flags),
      oversubscribe: v.optional(s.boolean),
      distributeSynapses: v.optional(
        v.union([v.boolean(), v.literal('auto')], "must be 'auto', true or false"),
      ),
    } satisfies Record<keyof MpiOptions, Schema>,
    'must be { processes, hostfile?, mpirun?, mpirunArgs?, oversubscribe?, distributeSynapses? }',
  ),
} satisfies Record<keyof StandaloneOptions, Schema>);

export function checkStandaloneOptions(options: unknown): StandaloneOptions {
  return validateOptions(STANDALONE, options, "setDevice('cpp_standalone')") as StandaloneOptions;
}

const RUNTIME = strictOptions({
  target: v.picklist(['js', 'cpp'], "must be 'js' or 'cpp'"),
  threads,
  simd: s.boolean,
} satisfies Record<keyof RuntimeOptions, Schema>);

export function checkRuntimeOptions(options: unknown): RuntimeOptions {
  return validateOptions(RUNTIME, options, "setDevice('runtime')") as RuntimeOptions;
}

const BUILD = strictOptions({
  directory,
  compile: s.boolean,
  run: s.boolean,
  runArgs: v.custom(
    (x) => x !== null && typeof x === 'object' && Symbol.iterator in (x as object),
    'must be a list of [target, value] pairs',
  ),
  clean: s.boolean,
  debug: s.boolean,
} satisfies Record<keyof BuildOptions, Schema>);

export function checkBuildOptions(options: unknown): BuildOptions {
  return validateOptions(BUILD, options, 'device.build') as BuildOptions;
}

const RERUN = strictOptions({
  runArgs: v.custom(
    (x) => x !== null && typeof x === 'object' && Symbol.iterator in (x as object),
    'must be a list of [target, value] pairs',
  ),
  resultsDirectory: directory,
} satisfies Record<keyof RerunOptions, Schema>);

export function checkRerunOptions(options: unknown): RerunOptions {
  return validateOptions(RERUN, options, 'device.run') as RerunOptions;
}
