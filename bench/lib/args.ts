/** Command line of bench/run.ts. */
import { parseArgs } from 'node:util';
import { DEFAULT_MODELS, MODELS, QUICK_MODELS } from '../models/registry.ts';
import { DEVICES, type Device } from '../models/types.ts';
import { BRIAN_TARGETS, type BrianTarget } from './brian.ts';

export const USAGE = `npm run bench -- [options]

  --quick                 small sizes, short runs, 1 repetition (the CI smoke test)
  --models a,b            ${MODELS.map((m) => m.name).join(', ')} (default: ${DEFAULT_MODELS.join(',')};
                          --quick: ${QUICK_MODELS.join(',')})
  --sizes n,n             network sizes (default 4000,16000,64000; --quick 1000,4000); STDP keeps
                          its 1000 inputs unless --stdp-inputs is given
  --stdp-inputs n         number of Poisson inputs of the STDP model
  --reps k                repetitions per configuration (default 3; --quick 1)
  --duration s            biological seconds per run (default 1, STDP 10; --quick 0.1, STDP 0.5)
  --devices a,b           brian-ts devices: runtime (JavaScript kernels), runtime_cpp (the
                          runtime device with kernels compiled by g++), cpp_standalone
                          (default all three)
  --threads k,k           OpenMP threads of the compiled rows (runtime_cpp, cpp_standalone and
                          Brian's cpp_standalone): one row per count (default 1 = no OpenMP;
                          Brian's 1 is its serial build, k > 1 its OpenMP build with k threads)
  --brian                 also run Brian 2 (/usr/bin/python3, ../shared/brian2-bench), interleaved
  --brian-targets a,b     numpy,cython,cpp_standalone (default all three; cython = ~30 s cold compile per run)
  --timeout s             per-run time limit (default 1800; --quick 300)
  --quiet-max s           wait up to s seconds before each run for the machine to be quiet
                          (default 60; --quick 0)
  --label text            stored in every record (e.g. "before kernel fusion")
  --out-dir dir           where <timestamp>.jsonl and .md go (default bench/results)
`;

export interface BenchOptions {
  quick: boolean;
  models: string[];
  sizes?: number[];
  stdpInputs?: number;
  reps: number;
  duration?: number;
  devices: Device[];
  /** Thread counts of the compiled rows. */
  threads: number[];
  brian: boolean;
  brianTargets: BrianTarget[];
  timeout: number;
  quietMax: number;
  label: string;
  outDir: string;
}

function list(s: string | undefined): string[] | undefined {
  return s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function positive(name: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const x = Number(s);
  if (!(x > 0)) throw new Error(`--${name} needs a positive number, got "${s}"`);
  return x;
}

function checkedList<T extends string>(
  name: string,
  given: string[] | undefined,
  allowed: readonly T[],
  fallback: readonly T[],
): T[] {
  if (!given) return [...fallback];
  for (const g of given) {
    if (!allowed.includes(g as T))
      throw new Error(`--${name}: unknown "${g}" (known: ${allowed.join(', ')})`);
  }
  return given as T[];
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      models: { type: 'string' },
      sizes: { type: 'string' },
      'stdp-inputs': { type: 'string' },
      reps: { type: 'string' },
      duration: { type: 'string' },
      devices: { type: 'string' },
      threads: { type: 'string' },
      brian: { type: 'boolean', default: false },
      'brian-targets': { type: 'string' },
      timeout: { type: 'string' },
      'quiet-max': { type: 'string' },
      label: { type: 'string', default: '' },
      'out-dir': { type: 'string', default: 'bench/results' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const names = MODELS.map((m) => m.name);
  const quietMax = values['quiet-max'] === undefined ? (quick ? 0 : 60) : Number(values['quiet-max']);
  if (!(quietMax >= 0)) throw new Error('--quiet-max needs a number of seconds');
  return {
    quick,
    models: checkedList('models', list(values.models), names, quick ? QUICK_MODELS : DEFAULT_MODELS),
    sizes: list(values.sizes)?.map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: "${s}" is not a positive integer`);
      return n;
    }),
    stdpInputs: positive('stdp-inputs', values['stdp-inputs']),
    reps: positive('reps', values.reps) ?? (quick ? 1 : 3),
    duration: positive('duration', values.duration),
    devices: checkedList('devices', list(values.devices), DEVICES, DEVICES),
    threads: (list(values.threads) ?? ['1']).map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--threads: "${s}" is not a positive integer`);
      return n;
    }),
    brian: values.brian ?? false,
    brianTargets: checkedList('brian-targets', list(values['brian-targets']), BRIAN_TARGETS, BRIAN_TARGETS),
    timeout: positive('timeout', values.timeout) ?? (quick ? 300 : 1800),
    quietMax,
    label: values.label ?? '',
    outDir: values['out-dir'] ?? 'bench/results',
  };
}
