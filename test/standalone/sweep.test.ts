/**
 * `sweep(runArgsList, { processes, read, report })`: one built program over many parameter sets
 * in parallel; each run's results read as after `device.run({ runArgs })`, in the order given,
 * and progress for the whole sweep.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  device,
  Hz,
  ms,
  Network,
  NeuronGroup,
  PoissonGroup,
  SpikeMonitor,
  type SweepProgress,
  Synapses,
  seed,
  setDevice,
  startScope,
  sweep,
} from '../../src/index.ts';
import { projectDirectory, STANDALONE_SKIP } from './devices.ts';

/** A driven LIF population whose rate depends on its input weight `w` (set per run). */
function model() {
  seed(4);
  const input = new PoissonGroup(50, Hz(40));
  const G = new NeuronGroup(20, 'dv/dt = -v/(10*ms) : 1\nw : 1 (constant)', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'exact',
  });
  G.w = 0.1;
  const S = new Synapses(input, G, { onPre: 'v_post += w_post*rand()' });
  S.connect({ p: 0.5 });
  const M = new SpikeMonitor(G);
  new Network(input, G, S, M).run(ms(100));
  return { G, M };
}

test('sweep() runs the program for each parameter set and reads each run as device.run() does', {
  skip: STANDALONE_SKIP,
}, async () => {
  setDevice('cpp_standalone', { directory: projectDirectory('sweep'), buildOnRun: false });
  startScope();
  try {
    const { G, M } = model();
    device.build();
    const weights = [0.05, 0.1, 0.2, 0.4, 0.8];
    const sets = weights.map((w) => [[G.w, w]] as const);
    const progress: SweepProgress[] = [];
    const counts = await sweep(sets, {
      processes: 2,
      read: () => ({ n: M.num_spikes, i: Array.from(M.i) }),
      report: (p) => progress.push(p),
    });
    // The same as one rerun after the other.
    const one = sets.map((runArgs) => {
      device.run({ runArgs });
      return { n: M.num_spikes, i: Array.from(M.i) };
    });
    assert.deepEqual(counts, one);
    assert.ok(counts[0].n < counts[4].n, `more input, more spikes: ${counts.map((c) => c.n)}`);
    assert.equal(progress.at(-1)?.done, weights.length);
    assert.equal(progress.at(-1)?.total, weights.length);
    assert.ok(progress.every((p, k) => k === 0 || p.done >= progress[k - 1].done));
  } finally {
    resetDevice();
    startScope();
  }
});

test('sweep() needs a built standalone program', { skip: STANDALONE_SKIP }, async () => {
  resetDevice();
  await assert.rejects(
    async () => sweep([], { read: () => 0 }),
    (e: Error & { code?: string }) => e.code === 'not_available_on_device',
  );
  setDevice('cpp_standalone', { directory: projectDirectory('sweep-unbuilt'), buildOnRun: false });
  try {
    await assert.rejects(
      async () => sweep([], { read: () => 0 }),
      (e: Error & { code?: string }) => e.code === 'not_available_on_device',
    );
  } finally {
    resetDevice();
  }
});
