/**
 * Same results for any number of processes (issue 18): CUBA, COBAHH, Brunel–Hakim, STDP and the
 * pyloric network on 1, 2, 3 and 4 MPI processes (oversubscribed on two cores) give exactly the
 * spikes, traces and final state of the single-process standalone program and of the runtime
 * device, with the same seed. Arrays are compared element by element, bit for bit. The MPI
 * programs use the device's default, `distributeSynapses: 'auto'` (synapses stored where their
 * target lives); local-synapses.test.ts checks the same models with every synapse on every process.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import { HAS_MPI, label, MPI_SKIP, runOn, type Target } from './devices.ts';
import { assertIdentical, MODELS } from './models.ts';

const COUNTS = [1, 2, 3, 4];

for (const [name, script] of Object.entries(MODELS)) {
  test(`${name}: identical on the runtime device, standalone and ${COUNTS.join(', ')} MPI processes`, {
    skip: MPI_SKIP,
  }, () => {
    const reference = runOn(name, 'runtime', script);
    assert.ok((reference.i ?? reference.t).length > 0, `${name} spikes`);
    const targets: Target[] = [
      'cpp_standalone',
      ...COUNTS.map((processes) => ({ processes, distribute: 'auto' as const })),
    ];
    for (const target of targets) {
      // 'auto' must have chosen distributed storage: nothing in these models refuses it.
      const distributed = (device: MpiStandaloneDevice) =>
        assert.equal(device.synapsesDistributed, true, `${name}, ${label(target)}: synapses distributed`);
      // Own project directories: local-synapses.test.ts builds the same models under 'auto' in parallel.
      const result = runOn(
        `${name}-counts`,
        target,
        script,
        typeof target === 'string' ? undefined : distributed,
      );
      assertIdentical(result, reference, `${name}, ${label(target)}`);
    }
  });
}

void HAS_MPI;
