import { BrianError } from '../../diagnostics/diagnostic.ts';
import { describeValue } from '../../validation/describe-value.ts';

/** `setDevice('cpp_standalone', { mpi: { … } })`: the program runs as several MPI processes. */
export interface MpiOptions {
  /** How many processes (MPI ranks) share the simulation. */
  readonly processes: number;
  /**
   * An Open MPI hostfile (`host slots=n` lines): the processes run on those machines. The project
   * directory must be at the same path on every host (a shared file system, or copied there).
   */
  readonly hostfile?: string;
  /** The launcher (default `mpirun`). */
  readonly mpirun?: string;
  /** Further launcher arguments (`['--mca', 'btl_tcp_if_include', 'lo']`). */
  readonly mpirunArgs?: readonly string[];
  /** Allow more processes than the hosts have cores (default true). */
  readonly oversubscribe?: boolean;
  /**
   * Whether each process stores only the synapses of its own target neurons (compact per-synapse
   * arrays and a global number per synapse) instead of every synapse. `'auto'` (the default):
   * distributed unless the script uses something this storage cannot do (README), then every
   * process holds every synapse (the device's `synapsesDistributed` and
   * `synapsesReplicatedBecause` say which, and why). `true`: distributed, and what it cannot do
   * is refused when the script records it (`mpi_not_supported`). `false`: every synapse everywhere.
   */
  readonly distributeSynapses?: boolean | 'auto';
}

const KNOWN = new Set([
  'processes',
  'hostfile',
  'mpirun',
  'mpirunArgs',
  'oversubscribe',
  'distributeSynapses',
]);

/** The options checked: coded errors naming the bad argument. */
export function checkMpiOptions(options: unknown): MpiOptions {
  if (typeof options !== 'object' || options === null) {
    throw new BrianError('bad_argument', 'mpi must be an object such as { processes: 4 }.');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new BrianError('bad_argument', `mpi has no option "${key}".`, {
        hint: `the options are ${[...KNOWN].join(', ')}`,
      });
    }
  }
  const o = options as MpiOptions;
  if (!Number.isInteger(o.processes) || o.processes < 1) {
    throw new BrianError(
      'bad_argument',
      `mpi.processes must be a whole number of processes >= 1, got ${describeValue(o.processes)}.`,
    );
  }
  if (o.hostfile !== undefined && typeof o.hostfile !== 'string') {
    throw new BrianError('bad_argument', 'mpi.hostfile must be the path of a hostfile.');
  }
  const d = o.distributeSynapses;
  if (d !== undefined && typeof d !== 'boolean' && d !== 'auto') {
    throw new BrianError(
      'bad_argument',
      `mpi.distributeSynapses must be 'auto', true or false, got ${describeValue(d)}.`,
    );
  }
  return o;
}
