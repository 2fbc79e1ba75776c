/**
 * Brian 2 side of the comparison: the scripts of ../shared/brian2-bench (and bench/brian for the
 * neuron-only models) run with /usr/bin/python3, one process per run, and their RESULT line
 * mapped onto our record fields.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../models/registry.ts';
import { deriveMeasurements, numericEntries } from './derive.ts';
import type { Measurements } from './record.ts';
import { type ChildOutcome, parseResultLine, runChild, tail } from './spawn.ts';

export const PYTHON = '/usr/bin/python3';
export type BrianTarget = 'numpy' | 'cython' | 'cpp_standalone';
export const BRIAN_TARGETS: readonly BrianTarget[] = ['numpy', 'cython', 'cpp_standalone'];

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Brian's benchmark scripts and b2common.py (override with BRIAN_BENCH_DIR). */
export const SHARED_BRIAN_DIR =
  process.env.BRIAN_BENCH_DIR ?? resolve(BENCH_DIR, '../../shared/brian2-bench');

export function brianScriptPath(spec: ModelSpec): string {
  const [where, file] = spec.brianScript.split(':');
  return where === 'shared' ? join(SHARED_BRIAN_DIR, file) : join(BENCH_DIR, 'brian', file);
}

function brianVersion(): string | undefined {
  const r = spawnSync(PYTHON, ['-c', 'import brian2; print(brian2.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Brian's version, installing Debian's python3-brian first when it is missing. */
export function ensureBrian(log: (s: string) => void): string {
  if (!existsSync(join(SHARED_BRIAN_DIR, 'b2common.py'))) {
    throw new Error(`Brian's bench scripts are not in ${SHARED_BRIAN_DIR} (set BRIAN_BENCH_DIR)`);
  }
  const found = brianVersion();
  if (found) return found;
  log('Brian 2 is not importable by /usr/bin/python3: installing python3-brian with apt-get');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (args: string[]) =>
    spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (apt(['install', '-y', 'python3-brian']).status !== 0) {
    apt(['update']);
    apt(['install', '-y', 'python3-brian']);
  }
  const installed = brianVersion();
  if (!installed) throw new Error('could not install python3-brian (apt-get install -y python3-brian)');
  return installed;
}

export interface BrianRun {
  outcome: ChildOutcome;
  measurements?: Measurements;
  extra: Record<string, number>;
  version: string;
  threads: number;
  failure?: string;
}

export async function runBrian(
  spec: ModelSpec,
  target: BrianTarget,
  N: number,
  duration: number,
  timeoutSeconds: number,
  threads = 1,
): Promise<BrianRun> {
  const args = [brianScriptPath(spec), target, String(N), String(duration)];
  // 1: the serial build, Brian's default (no OpenMP, like brian-ts's 1); k > 1: OpenMP, k threads
  if (target === 'cpp_standalone') args.push(threads > 1 ? String(threads) : '0');
  const outcome = await runChild(PYTHON, args, {
    timeoutSeconds,
    cwd: '/tmp',
    env: { ...process.env, B2COMMON_DIR: SHARED_BRIAN_DIR },
  });
  const base = { outcome, extra: {}, version: 'brian2', threads };
  if (outcome.timedOut) return { ...base, failure: `timed out after ${timeoutSeconds} s` };
  let r: Record<string, unknown> | undefined;
  try {
    r = parseResultLine(outcome.stdout);
  } catch (e) {
    return { ...base, failure: `unreadable RESULT line: ${String(e)}` };
  }
  if (!r) return { ...base, failure: `no RESULT line (exit ${outcome.code}): ${tail(outcome.stderr)}` };
  const num = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : null);
  const standalone = target === 'cpp_standalone';
  const sim_s = num('sim_s') ?? Number.NaN;
  const measurements = deriveMeasurements(spec, {
    N,
    duration_s: duration,
    sim_s,
    sim_cpu_s: num('sim_cpu_s'),
    threads,
    setup_s: num('setup_s') ?? Number.NaN,
    connect_s: null,
    // runtime: run() minus the loop (Brian's prep_s); standalone: codegen + make (Brian's build_s)
    codegen_s: (standalone ? num('build_s') : num('prep_s')) ?? Number.NaN,
    build_s: num('build_s') ?? Number.NaN,
    binary_s: num('binary_s'),
    rss_mb: num('rss_mb') ?? Number.NaN,
    spikes: num('spikes') ?? Number.NaN,
    synapses: num('synapses') ?? Number.NaN,
    input_spikes: num('input_spikes') ?? undefined,
    output_spikes: num('output_spikes') ?? undefined,
  });
  if (standalone) measurements.cpu_util = num('cpu_util');
  const extra = numericEntries(r, [
    'rate_hz',
    'input_spikes',
    'output_spikes',
    'mean_w_over_gmax',
    'frac_w_gt_half',
    'make_s',
    'py_rss_mb',
    'loadavg_end',
    'bin_cpu_s',
  ]);
  return { ...base, measurements, extra, version: `brian2 ${String(r.brian2 ?? '?')}`, threads };
}
