import { BrianError } from '../diagnostics/index.ts';

/**
 * The `threads` option of the compiled devices (`setDevice('cpp_standalone', { threads })`,
 * `setDevice('runtime', { target: 'cpp', threads })`): a whole number of OpenMP threads, 0 or 1
 * for none, or `'auto'` for every core this process may use.
 */
export type ThreadsOption = number | 'auto';

/** The number of threads `value` asks for on a machine with `cores` usable cores (0: no OpenMP). */
export function resolveThreads(value: unknown, cores: number, where: string): number {
  if (value === undefined) return 0;
  if (value === 'auto') return cores;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 256) return value;
  throw new BrianError(
    'bad_argument',
    `${where}: threads must be a whole number from 0 to 256 or 'auto', not ${JSON.stringify(value)}.`,
    { hint: "threads: 'auto' uses every core of this machine" },
  );
}

/** The environment of a program using `threads` OpenMP threads, which sleep when idle (none for 0). */
export function openmpEnvironment(threads: number): Record<string, string> {
  return threads > 0 ? { OMP_NUM_THREADS: String(threads), OMP_WAIT_POLICY: 'passive' } : {};
}
