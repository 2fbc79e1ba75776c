/**
 * The distributed standalone device beyond the five models: the reference table of random
 * draws, summed variables onto presynaptic neurons, store/restore inside the program, reruns
 * with runArgs, a hostfile (several ranks on this machine over loopback), a sweep over hosts,
 * and coded refusals of what cannot run distributed.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  defaultclock,
  device,
  ms,
  Network,
  NeuronGroup,
  SpikeMonitor,
  Synapses,
  seed,
  setDevice,
  startScope,
  sweep,
} from '../../src/index.ts';
import { runDrawsModel } from '../helpers/random-draws.ts';
import { throwsCode } from '../helpers/reference.ts';
import { projectDirectory } from '../standalone/devices.ts';
import { MPI_SKIP, runOn } from './devices.ts';
import { coupled } from './models.ts';

const TABLE = JSON.parse(
  readFileSync(new URL('../../src/core/random/draws.reference.json', import.meta.url), 'utf8'),
);

test('3 MPI processes draw the reference table of random numbers', { skip: MPI_SKIP }, () => {
  const got = runOn('mpi-draws', { processes: 3 }, runDrawsModel);
  assert.deepEqual(got.setter, TABLE.model.setter);
  assert.deepEqual(got.recorded, TABLE.model.recorded);
});

test('summed variables onto presynaptic neurons, gap junctions, store/restore: identical on 1–4 processes', {
  skip: MPI_SKIP,
}, () => {
  const reference = runOn('mpi-coupled', 'runtime', coupled);
  assert.ok(reference.i.length > 10, 'the network spikes');
  for (const processes of [1, 2, 3, 4]) {
    assert.deepEqual(runOn('mpi-coupled', { processes }, coupled), reference, `${processes} processes`);
  }
});

/** A noisy group driven by a per-neuron current `I` (given, or 1.2 for all). */
function driven(I?: number[]) {
  seed(3);
  const G = new NeuronGroup(12, 'dv/dt = (I - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1\nI : 1 (constant)', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'euler',
  });
  G.I = I ?? 1.2;
  const M = new SpikeMonitor(G);
  new Network(G, M).run(ms(50));
  return { G, M };
}

test('device.run({ runArgs }) reruns a distributed program with new values', { skip: MPI_SKIP }, () => {
  const values = Array.from({ length: 12 }, (_, k) => 0.8 + 0.05 * k);
  const spikes = (I?: number[]) =>
    runOn('mpi-rerun', 'runtime', () => {
      const { M } = driven(I);
      return () => Array.from(M.i);
    });
  const [before, after] = [spikes(), spikes(values)];
  defaultclock.dt = ms(0.1);
  setDevice('cpp_standalone', {
    directory: projectDirectory('mpi-rerun'),
    buildOnRun: false,
    mpi: { processes: 3 },
  });
  startScope();
  try {
    const { G, M } = driven();
    device.build();
    assert.deepEqual(Array.from(M.i), before);
    device.run({ runArgs: [[G.I, values]] });
    assert.deepEqual(Array.from(M.i), after);
  } finally {
    resetDevice();
    startScope();
  }
});

test('a hostfile places the processes (here: four slots of this machine, over loopback)', {
  skip: MPI_SKIP,
}, () => {
  const hostfile = join(projectDirectory('mpi-hostfile'), '..', 'mpi-hostfile.txt');
  writeFileSync(hostfile, 'localhost slots=4\n');
  const script = () => {
    seed(12);
    const G = new NeuronGroup(40, 'dv/dt = (1.1 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1', {
      threshold: 'v > 1',
      reset: 'v = 0',
      method: 'euler',
    });
    const S = new Synapses(G, G, { onPre: 'v_post += 0.05', delay: ms(1) });
    S.connect({ p: 0.2 });
    const M = new SpikeMonitor(G);
    new Network(G, S, M).run(ms(40));
    return () => ({ i: Array.from(M.i), t: Array.from(M.t_), v: Array.from(G.v_) });
  };
  const reference = runOn('mpi-hostfile', 'runtime', script);
  defaultclock.dt = ms(0.1);
  setDevice('cpp_standalone', {
    directory: projectDirectory('mpi-hostfile'),
    mpi: { processes: 4, hostfile, mpirunArgs: ['--mca', 'btl_tcp_if_include', 'lo'] },
  });
  startScope();
  try {
    assert.deepEqual(script()(), reference);
  } finally {
    resetDevice();
    startScope();
  }
});

test('sweep() over hosts: mpirun spreads the parameter sets over the hostfile', {
  skip: MPI_SKIP,
}, async () => {
  const hostfile = join(projectDirectory('mpi-sweep'), '..', 'mpi-sweep-hosts.txt');
  writeFileSync(hostfile, 'localhost slots=3\n');
  defaultclock.dt = ms(0.1);
  setDevice('cpp_standalone', { directory: projectDirectory('mpi-sweep'), buildOnRun: false });
  startScope();
  try {
    seed(6);
    const G = new NeuronGroup(10, 'dv/dt = (I - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1\nI : 1 (constant)', {
      threshold: 'v > 1',
      reset: 'v = 0',
      method: 'euler',
    });
    G.I = 1;
    const M = new SpikeMonitor(G);
    new Network(G, M).run(ms(50));
    device.build();
    const sets = [0.9, 1.1, 1.3, 1.5, 1.7].map((I) => [[G.I, I]] as const);
    const done: number[] = [];
    const swept = await sweep(sets, {
      hosts: hostfile,
      processes: 3,
      read: () => Array.from(M.i),
      report: (p) => done.push(p.done),
    });
    const one = sets.map((runArgs) => {
      device.run({ runArgs });
      return Array.from(M.i);
    });
    assert.deepEqual(swept, one);
    assert.equal(done.at(-1), sets.length);
  } finally {
    resetDevice();
    startScope();
  }
});

test('what cannot run distributed is refused with mpi_not_supported; bad options with bad_argument or unknown_option', {
  skip: MPI_SKIP,
}, () => {
  setDevice('cpp_standalone', { directory: projectDirectory('mpi-refused'), mpi: { processes: 2 } });
  startScope();
  try {
    const G = new NeuronGroup(4, 'v : 1', { threshold: 'v > 1', reset: 'v = 0' });
    const S = new Synapses(G, G, { onPre: 'v_pre += 1' });
    S.connect();
    const err = throwsCode(() => new Network(G, S).run(ms(1)), 'mpi_not_supported');
    assert.match(err.message, /synapses_pre writes neurongroup_\d*_?v|writes .*v/);
  } finally {
    resetDevice();
    startScope();
  }
  throwsCode(() => setDevice('cpp_standalone', { mpi: { processes: 0 } }), 'bad_argument');
  throwsCode(
    () => setDevice('cpp_standalone', { mpi: { processes: 2, host: 'x' } as never }),
    'unknown_option',
  );
  resetDevice();
});
