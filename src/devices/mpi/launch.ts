import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Launcher } from '../standalone/execute.ts';
import type { MpiOptions } from './options.ts';

/**
 * `mpirun -np P [--hostfile f] [--oversubscribe] … ./main`: Open MPI's launcher starts the
 * processes (on the hosts of the hostfile). As root (containers, CI) Open MPI wants its explicit
 * permission, given through its environment variables.
 */
export function mpiLauncher(options: MpiOptions): Launcher {
  const command = options.mpirun ?? 'mpirun';
  checkTool(command, 'mpirun');
  const args = ['-np', String(options.processes)];
  if (options.oversubscribe !== false) args.push('--oversubscribe');
  if (options.hostfile !== undefined) {
    const hostfile = resolve(options.hostfile);
    if (!existsSync(hostfile)) {
      throw new BrianError('bad_argument', `The MPI hostfile ${hostfile} does not exist.`);
    }
    args.push('--hostfile', hostfile);
  }
  args.push(...(options.mpirunArgs ?? []));
  const root = process.getuid?.() === 0;
  const env: Record<string, string> = root
    ? { OMPI_ALLOW_RUN_AS_ROOT: '1', OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: '1' }
    : {};
  return { command, args, env, label: `${command} with ${options.processes} processes` };
}

/** A clear message when Open MPI's tools are missing. */
export function checkTool(command: string, what: string): void {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).error) {
    throw new BrianError(
      'mpi_not_found',
      `The MPI device needs ${what} ("${command}"), which was not found.`,
      {
        hint: 'install Open MPI (Debian: apt-get install openmpi-bin libopenmpi-dev)',
      },
    );
  }
}
