import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the exchanges between the processes of a distributed run cost, as the program counted
 * them (`brianlib/distributed.cpp`, written by process 0 to `mpi_exchange.txt`): over the whole
 * program, the step loops' exchanges and the gathers after each run.
 */
export interface ExchangeStatistics {
  /** How many processes ran. */
  readonly processes: number;
  /** Collective exchanges process 0 took part in. */
  readonly calls: number;
  /** Bytes process 0 received from the others in them. */
  readonly bytes: number;
  /** The most seconds any process spent inside them (waiting for slower processes included). */
  readonly seconds: number;
  /** Of the calls, the exchanges of spikes (one per threshold and step)… */
  readonly spikeCalls: number;
  /** …and the bytes process 0 received in them (spike counts and indices, 4 bytes each). */
  readonly spikeBytes: number;
  /** Each process's peak resident memory at the end, in KiB (Linux's VmHWM; 0 where unknown). */
  readonly peakMemoryKiB: readonly number[];
  /**
   * With `distributeSynapses`: the synapses each process stores (all sets together); they add
   * up to the synapses of the network. Empty otherwise (every process holds every synapse).
   */
  readonly localSynapses: readonly number[];
}

/** The statistics a run wrote in `directory`, if it wrote them. */
export function readExchange(directory: string): ExchangeStatistics | undefined {
  const path = join(directory, 'mpi_exchange.txt');
  if (!existsSync(path)) return undefined;
  const lists = new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.includes(' '))
      .map((line) => {
        const [key, value] = line.split(' ');
        return [key, value] as const;
      }),
  );
  const fields = new Map([...lists].map(([key, value]) => [key, Number(value)] as const));
  return {
    processes: fields.get('processes') ?? Number.NaN,
    calls: fields.get('calls') ?? Number.NaN,
    bytes: fields.get('bytes') ?? Number.NaN,
    seconds: fields.get('seconds') ?? Number.NaN,
    spikeCalls: fields.get('spike_calls') ?? Number.NaN,
    spikeBytes: fields.get('spike_bytes') ?? Number.NaN,
    peakMemoryKiB: (lists.get('peak_memory_kib') ?? '').split(',').filter(Boolean).map(Number),
    localSynapses: (lists.get('local_synapses') ?? '').split(',').filter(Boolean).map(Number),
  };
}
