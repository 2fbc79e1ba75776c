import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CODES, type ErrorCode } from '../../diagnostics/codes.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { PARENT_PID_VARIABLE } from './main-source.ts';

/** One progress line of a run (`@brian-progress run elapsed completed start duration`). */
export interface Progress {
  /** Index of the run among the program's runs. */
  readonly run: number;
  readonly elapsed: number;
  readonly completed: number;
  readonly start: number;
  readonly duration: number;
}

export interface Execution {
  readonly resultsDirectory: string;
  readonly seconds: number;
  readonly progress: readonly Progress[];
}

/** A program started through another command (a distributed program: `mpirun … ./main`). */
export interface Launcher {
  readonly command: string;
  /** Arguments before the program's path. */
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** What the command is, for messages (`mpirun`). */
  readonly label: string;
}

/** One command-line value: an array's C++ name, a range (stop -1: to the end), the value or `file:<path>`. */
export interface CommandLineValue {
  readonly name: string;
  readonly start: number;
  readonly stop: number;
  readonly value: string;
}

/**
 * Runs the compiled program in its project directory, synchronously. Its own output is passed
 * through; progress lines are collected for the report, and an `@brian-error CODE message` line
 * (an invalid index in connect(), a bad run_args value) becomes a BrianError with that code.
 */
export function executeProgram(
  directory: string,
  resultsDirectory: string,
  values: readonly CommandLineValue[],
  env: Readonly<Record<string, string>>,
  launcher?: Launcher,
): Execution {
  const results = resolve(directory, resultsDirectory);
  mkdirSync(results, { recursive: true });
  const args = ['--results_dir', results];
  for (const v of values) args.push('--arg', v.name, String(v.start), String(v.stop), v.value);
  const started = performance.now();
  const program = join(resolve(directory), 'main');
  const r = launcher
    ? spawnSync(launcher.command, [...launcher.args, program, ...args], {
        cwd: directory,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: programEnvironment({ LD_BIND_NOW: '1', ...env, ...launcher.env }, true),
      })
    : spawnSync(program, args, {
        cwd: directory,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: programEnvironment({ LD_BIND_NOW: '1', ...env }, false),
      });
  const seconds = (performance.now() - started) / 1000;
  const progress: Progress[] = [];
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('@brian-progress ')) {
      const [run, elapsed, completed, start, duration] = line.split(' ').slice(1).map(Number);
      progress.push({ run, elapsed, completed, start, duration });
    } else if (line !== '') {
      process.stdout.write(`${line}\n`);
    }
  }
  const stderr = r.stderr ?? '';
  const failure = /^@brian-error (\S+) (.*)$/m.exec(stderr);
  if (failure) {
    const code = (failure[1] in ERROR_CODES ? failure[1] : 'standalone_run_error') as ErrorCode;
    throw new BrianError(code, failure[2]);
  }
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit status ${r.status}`;
    const how = launcher ? ` under ${launcher.label}` : '';
    throw new BrianError(
      'standalone_run_error',
      `The standalone program in ${directory} failed${how} (${why}).\n${stderr.slice(-4000)}`,
    );
  }
  if (stderr) process.stderr.write(stderr);
  return { resultsDirectory: results, seconds, progress };
}

/**
 * The environment of a compiled program: this process's, `extra`, and this process's pid in
 * PARENT_PID_VARIABLE, so that a program whose parent died before it could ask to die with it
 * exits at once (main-source.ts). Started through a launcher (`launched`: mpirun), the
 * program's parent is the launcher or its daemon, so no pid is passed (and none inherited).
 */
export function programEnvironment(
  extra: Readonly<Record<string, string>>,
  launched: boolean,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env[PARENT_PID_VARIABLE];
  if (!launched) env[PARENT_PID_VARIABLE] = String(process.pid);
  return env;
}
