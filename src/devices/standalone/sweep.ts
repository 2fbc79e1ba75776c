import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type CommandLineValue, type Launcher, programEnvironment } from './execute.ts';
import type { RunArgs } from './options.ts';

/** `device.sweep(runArgsList, options)`: one built program over many parameter sets. */
export interface SweepOptions<T> {
  /**
   * How many runs at once (default: the cores of this machine; with `hosts`, the processes
   * mpirun starts over the hosts, each running its share of the runs one after the other).
   */
  readonly processes?: number;
  /**
   * Run on other machines: an Open MPI hostfile, or host names (`['node1', 'node2:4']`). mpirun
   * starts the processes there; the project directory must be at the same path on every host
   * (a shared file system, or copied), and so the results come back.
   */
  readonly hosts?: string | readonly string[];
  /** What to collect from each run: called with that run's results in place, as after `device.run()`. */
  readonly read: () => T;
  /** Progress of the whole sweep: `'text'` (lines on stdout) or a function called as runs advance. */
  readonly report?: 'text' | ((progress: SweepProgress) => void);
}

/** How far a sweep is (`SweepOptions.report`). */
export interface SweepProgress {
  /** Runs finished. */
  readonly done: number;
  /** Runs in all. */
  readonly total: number;
  /** Fraction of the whole sweep's simulated time done (runs in progress count by their own progress). */
  readonly fraction: number;
  /** Wall-clock seconds since the sweep started. */
  readonly elapsed: number;
}

/** What the sweep needs of the device (standalone or MPI). */
export interface SweepProgram {
  readonly directory: string;
  /** Command-line values of one parameter set (`runArgs` of `device.run`). */
  values(runArgs: RunArgs | undefined): CommandLineValue[];
  /** How each run is started (an MPI program: under mpirun), undefined: directly. */
  readonly launcher?: Launcher;
  readonly env: Readonly<Record<string, string>>;
  /** Puts the results written in `resultsDirectory` in place (as `device.run()` does). */
  adopt(resultsDirectory: string): void;
}

/**
 * Runs the program once per parameter set, several at a time, each into its own results
 * directory (`results/sweep_<k>`), then reads each run's results with `read`, in order.
 * Progress lines of the runs (`@brian-progress`) give the progress of the whole sweep.
 */
export async function runSweep<T>(
  program: SweepProgram,
  runArgsList: readonly RunArgs[],
  options: SweepOptions<T>,
): Promise<T[]> {
  const count = runArgsList.length;
  const started = performance.now();
  const fractions = new Float64Array(count);
  let done = 0;
  let lastText = 0;
  const report = () => {
    if (!options.report) return;
    const fraction = fractions.reduce((a, b) => a + b, 0) / Math.max(count, 1);
    const progress = { done, total: count, fraction, elapsed: (performance.now() - started) / 1000 };
    if (options.report === 'text') {
      const now = performance.now();
      if (done < count && now - lastText < 1000) return;
      lastText = now;
      process.stdout.write(
        `sweep: ${done}/${count} runs done, ${(100 * fraction).toFixed(0)}% in ${progress.elapsed.toFixed(1)} s\n`,
      );
    } else {
      options.report(progress);
    }
  };
  const dirs = Array.from({ length: count }, (_, k) => resolve(program.directory, 'results', `sweep_${k}`));
  for (const d of dirs) mkdirSync(d, { recursive: true });
  const args = (k: number) => {
    const out = ['--results_dir', dirs[k]];
    for (const v of program.values(runArgsList[k]))
      out.push('--arg', v.name, String(v.start), String(v.stop), v.value);
    return out;
  };
  if (options.hosts !== undefined) {
    if (program.launcher) {
      throw new BrianError(
        'bad_argument',
        'sweep() with hosts runs single-process programs on the hosts; this program is an MPI program.',
        { hint: "build with setDevice('cpp_standalone') (no mpi) to sweep over hosts" },
      );
    }
    await sweepOverHosts(program, count, args, options, (k, f) => {
      fractions[k] = f;
      if (f === 1) done++;
      report();
    });
  } else {
    const parallel = Math.max(1, Math.min(options.processes ?? availableParallelism(), count));
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const k = next++;
        await runOne(program, args(k), k, (f) => {
          fractions[k] = f;
          report();
        });
        fractions[k] = 1;
        done++;
        report();
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }
  return dirs.map((d) => {
    program.adopt(d);
    return options.read();
  });
}

/** One run as a child process; resolves when it exited cleanly. */
function runOne(
  program: SweepProgram,
  args: string[],
  k: number,
  progress: (f: number) => void,
): Promise<void> {
  const main = join(resolve(program.directory), 'main');
  const [command, argv] = program.launcher
    ? [program.launcher.command, [...program.launcher.args, main, ...args]]
    : [main, args];
  const child = spawn(command, argv, {
    cwd: program.directory,
    env: programEnvironment(
      { ...program.env, ...(program.launcher?.env ?? {}) },
      program.launcher !== undefined,
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child, `run ${k} of the sweep`, (line) => {
    const f = progressOf(line);
    if (f !== undefined) progress(f);
  });
}

/**
 * mpirun starts `processes` shells over the hosts; each runs the parameter sets k with
 * k % size = rank, one after the other (Open MPI tells each its rank in OMPI_COMM_WORLD_RANK).
 * Lines are tagged with the rank (--tag-output), so progress is attributed to the right run.
 */
async function sweepOverHosts<T>(
  program: SweepProgram,
  count: number,
  args: (k: number) => string[],
  options: SweepOptions<T>,
  progress: (k: number, fraction: number) => void,
): Promise<void> {
  const dir = resolve(program.directory, 'sweep');
  mkdirSync(dir, { recursive: true });
  const main = join(resolve(program.directory), 'main');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const lines = [
    '#!/bin/sh',
    '# brian-ts sweep: this rank runs parameter sets k with k % size = rank.',
    'case "$1" in',
  ];
  for (let k = 0; k < count; k++) {
    lines.push(`  ${k}) exec ${[main, ...args(k)].map(quote).join(' ')} ;;`);
  }
  lines.push('esac');
  writeFileSync(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
  const rank = [
    '#!/bin/sh',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
    'r=${OMPI_COMM_WORLD_RANK:-0}; n=${OMPI_COMM_WORLD_SIZE:-1}; k=$r',
    `while [ $k -lt ${count} ]; do`,
    '  echo "@brian-sweep-run $k"',
    `  sh ${quote(join(dir, 'run.sh'))} $k || exit $?`,
    '  echo "@brian-sweep-done $k"',
    '  k=$((k + n))',
    'done',
  ];
  writeFileSync(join(dir, 'rank.sh'), `${rank.join('\n')}\n`);
  const processes = options.processes ?? count;
  const hosts = options.hosts!;
  const where = typeof hosts === 'string' ? ['--hostfile', resolve(hosts)] : ['--host', hosts.join(',')];
  const root = process.getuid?.() === 0;
  const child = spawn(
    'mpirun',
    [
      '-np',
      String(Math.min(processes, count)),
      '--oversubscribe',
      '--tag-output',
      ...where,
      'sh',
      join(dir, 'rank.sh'),
    ],
    {
      cwd: program.directory,
      env: programEnvironment(
        {
          ...program.env,
          ...(root ? { OMPI_ALLOW_RUN_AS_ROOT: '1', OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: '1' } : {}),
        },
        true,
      ),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const current = new Map<string, number>();
  await watch(child, 'the sweep under mpirun', (line) => {
    // --tag-output lines: "[jobid,rank]<stdout>:text"
    const m = /^\[[^\]]*,(\d+)\]<stdout>:(.*)$/.exec(line);
    const rankOf = m ? m[1] : '';
    const text = m ? m[2] : line;
    const started = /^@brian-sweep-run (\d+)$/.exec(text);
    if (started) current.set(rankOf, Number(started[1]));
    const finished = /^@brian-sweep-done (\d+)$/.exec(text);
    if (finished) progress(Number(finished[1]), 1);
    const f = progressOf(text);
    const k = current.get(rankOf);
    if (f !== undefined && k !== undefined && f < 1) progress(k, f);
  });
}

/** A run's progress from its `@brian-progress run elapsed completed start duration` line. */
function progressOf(line: string): number | undefined {
  if (!line.startsWith('@brian-progress ')) return undefined;
  const completed = Number(line.split(' ')[3]);
  return Number.isFinite(completed) ? completed : undefined;
}

/** Collects a child's output line by line; rejects with a coded error when it fails. */
function watch(child: ReturnType<typeof spawn>, what: string, onLine: (line: string) => void): Promise<void> {
  let pending = '';
  let errors = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors += chunk;
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', (e) =>
      reject(new BrianError('standalone_run_error', `${what} could not start: ${e.message}`)),
    );
    child.on('close', (status, signal) => {
      if (pending) onLine(pending);
      if (status === 0) resolvePromise();
      else {
        const failure = /@brian-error (\S+) (.*)$/m.exec(errors);
        reject(
          new BrianError(
            'standalone_run_error',
            `${what} failed (${signal ? `signal ${signal}` : `exit status ${status}`})${failure ? `: ${failure[2]}` : ''}.\n${errors.slice(-2000)}`,
          ),
        );
      }
    });
  });
}
