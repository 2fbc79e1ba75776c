/** Running a model on the runtime device, standalone, and MPI with several process counts. Not a test file itself. */
import { spawnSync } from 'node:child_process';
import { resetDevice } from '../../src/devices/active.ts';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import { defaultclock, ms, setDevice, startScope } from '../../src/index.ts';
import { HAS_COMPILER, projectDirectory } from '../standalone/devices.ts';

/** Whether Open MPI's compiler and launcher are installed (CI installs them: .ci/run). */
export const HAS_MPI =
  HAS_COMPILER &&
  spawnSync('mpicxx', ['--version'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('mpirun', ['--version'], { stdio: 'ignore' }).status === 0;

export const MPI_SKIP = HAS_MPI
  ? false
  : 'mpicxx or mpirun not found (apt-get install openmpi-bin libopenmpi-dev)';

export type Target =
  | 'runtime'
  | 'cpp_standalone'
  /**
   * `distribute`: `mpi.distributeSynapses` (true: each process stores only its own synapses);
   * left out it is false, so the tests that do not name it keep checking replicated synapses.
   */
  | { readonly processes: number; readonly distribute?: boolean | 'auto' };

export function label(target: Target): string {
  return typeof target === 'string'
    ? target
    : `MPI, ${target.processes} process${target.processes > 1 ? 'es' : ''}${target.distribute === 'auto' ? ', distributeSynapses auto' : target.distribute ? ', synapses distributed' : ''}`;
}

/**
 * Runs `script` on a fresh device of the kind `target` (default clock 0.1 ms, fresh scope) and
 * returns what its reader gives. Standalone and MPI programs are built once per model (one
 * project directory each; the program does not depend on the number of processes).
 */
export function runOn<T>(
  name: string,
  target: Target,
  script: () => () => T,
  /** Sees the device after the build (e.g. which storage 'auto' chose). */
  built?: (device: MpiStandaloneDevice) => void,
): T {
  defaultclock.dt = ms(0.1);
  if (target === 'runtime') resetDevice();
  const device =
    target === 'runtime'
      ? undefined
      : setDevice('cpp_standalone', {
          directory: projectDirectory(
            `${name}-${typeof target === 'string' ? 'single' : target.distribute === 'auto' ? 'mpi-auto' : target.distribute ? 'mpi-local' : 'mpi'}`,
          ),
          buildOnRun: false,
          ...(typeof target === 'string'
            ? {}
            : {
                mpi: {
                  processes: target.processes,
                  distributeSynapses: target.distribute ?? false,
                },
              }),
        });
  startScope();
  try {
    const read = script();
    device?.build();
    if (device && built) built(device as unknown as MpiStandaloneDevice);
    return read();
  } finally {
    resetDevice();
    startScope();
    defaultclock.dt = ms(0.1);
  }
}
