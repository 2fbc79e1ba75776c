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

/**
 * Spins of an idle libgomp thread before it sleeps: about 100 µs (a spin takes 20 to 40 ns,
 * measured on this machine's EPYC). A standalone step runs its parallel loops a few tens of
 * microseconds apart (the serial threshold and monitors between them), and waking a sleeping
 * thread costs about that much on a VM: COBAHH 64000 on 2 threads lost ~25 µs per loop, 0.2 s
 * of its 1.9 s step loop. Spinning without bound (OMP_WAIT_POLICY=active, or libgomp's 3 ms
 * default) made runs 10 times slower now and then when other processes held the cores; 100 µs
 * bounds that waste per wait.
 */
const GOMP_SPINS = '3000';

/**
 * The environment of a program using `threads` OpenMP threads (none for 0): idle threads sleep
 * (OMP_WAIT_POLICY=passive) after a short spin (GOMP_SPINCOUNT, which libgomp prefers to the
 * policy; other OpenMP runtimes ignore it and sleep at once).
 */
export function openmpEnvironment(threads: number): Record<string, string> {
  return threads > 0
    ? { OMP_NUM_THREADS: String(threads), OMP_WAIT_POLICY: 'passive', GOMP_SPINCOUNT: GOMP_SPINS }
    : {};
}
