/**
 * `mpi: { distributeSynapses: true }` (issue 18): each process stores only the synapses of its
 * own target neurons. The five models give the runtime device's results to the bit on 1–3
 * processes; the processes' synapse counts add up to the network's; plasticity's weights, `N`,
 * `N_incoming`, `N_outgoing`, setters and a StateMonitor of synapses read back as on one
 * process, with synapses made from (i, j) pairs too; what the storage cannot do is refused with
 * `mpi_not_supported`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kernel } from '../../src/compiler/ir/kernel.ts';
import { resetDevice } from '../../src/devices/active.ts';
import { LocalSynapseSets } from '../../src/devices/mpi/local-synapses.ts';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import { BrianError } from '../../src/diagnostics/diagnostic.ts';
import {
  defaultclock,
  device,
  ms,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  setDevice,
  startScope,
} from '../../src/index.ts';
import { throwsCode } from '../helpers/reference.ts';
import { projectDirectory } from '../standalone/devices.ts';
import { label, MPI_SKIP, runOn, type Target } from './devices.ts';
import { assertIdentical, coupled, cuba, MODELS } from './models.ts';

for (const [name, script] of Object.entries(MODELS)) {
  // The default ('auto', distributed for these models) runs on 1 to 4 processes in
  // process-counts.test.ts; here every synapse on every process, the other storage.
  test(`${name} with synapses replicated: identical to the runtime device on 1, 2, 3 processes`, {
    skip: MPI_SKIP,
  }, () => {
    const reference = runOn(name, 'runtime', script);
    for (const processes of [1, 2, 3]) {
      const target: Target = { processes, distribute: false };
      assertIdentical(runOn(name, target, script), reference, `${name}, ${label(target)}`);
    }
  });
}

test("distributeSynapses 'auto': a plain model is distributed, one with what distribution refuses runs replicated, both as on the runtime device", {
  skip: MPI_SKIP,
}, () => {
  const target: Target = { processes: 2, distribute: 'auto' };
  let chosen: boolean | undefined;
  let because: string | undefined;
  const seen = (device: MpiStandaloneDevice) => {
    chosen = device.synapsesDistributed;
    because = device.synapsesReplicatedBecause?.code;
  };
  assertIdentical(runOn('cuba', target, cuba, seen), runOn('cuba', 'runtime', cuba), label(target));
  assert.equal(chosen, true);
  assert.equal(because, undefined);
  // The same model with what distributed storage refuses in it.
  const reference = runOn('mpi-coupled', 'runtime', coupled);
  withRefusal(() => assertIdentical(runOn('mpi-coupled', target, coupled, seen), reference, label(target)));
  assert.equal(chosen, false);
  assert.equal(because, 'mpi_not_supported');
});

/**
 * No script is known to reach a refusal of distributed storage any more (summed variables onto
 * presynaptic neurons and runArgs on synapses were the last; string setters at synapse indices
 * need N, which a standalone script cannot know before the program ran). So the fallback is
 * checked with the refusal of summed variables onto presynaptic neurons put back while `script`
 * runs (where distributed kernels are generated: LocalSynapseSets).
 */
function withRefusal<T>(script: () => T): T {
  const summedToSource = LocalSynapseSets.prototype.summedToSource;
  LocalSynapseSets.prototype.summedToSource = function (kernel: Kernel) {
    if (summedToSource.call(this, kernel)) {
      throw new BrianError('mpi_not_supported', `${kernel.name}: refused for this test`);
    }
    return undefined;
  };
  try {
    return script();
  } finally {
    LocalSynapseSets.prototype.summedToSource = summedToSource;
  }
}

test('summed variables onto presynaptic neurons (with gap junctions, store/restore) with synapses distributed: identical to the runtime device on 1, 2, 3 processes', {
  skip: MPI_SKIP,
}, () => {
  const reference = runOn('mpi-coupled', 'runtime', coupled);
  assert.ok(reference.i.length > 10 && reference.back.some((x) => x !== 0));
  for (const processes of [1, 2, 3]) {
    const target: Target = { processes, distribute: true };
    assertIdentical(runOn('mpi-coupled', target, coupled), reference, label(target));
  }
});

test("distributeSynapses is 'auto' by default and the choice is known while the script records", () => {
  const device = setDevice('cpp_standalone', {
    directory: projectDirectory('mpi-auto-default'),
    buildOnRun: false,
    mpi: { processes: 2 },
  }) as unknown as MpiStandaloneDevice;
  startScope();
  try {
    const G = new NeuronGroup(10, 'v : 1\nx : 1');
    const S = new Synapses(G, G, { model: 'w : 1' });
    S.connect({ p: 0.5 });
    S.w = 'rand()';
    assert.equal(device.synapsesDistributed, true);
    const T = new Synapses(G, G, { model: 'w : 1\nx_pre = w : 1 (summed)' });
    T.connect({ p: 0.5 });
    withRefusal(() => new Network(G, S, T).run(ms(1)));
    assert.equal(device.synapsesDistributed, false);
    assert.equal(device.synapsesReplicatedBecause?.code, 'mpi_not_supported');
  } finally {
    resetDevice();
    startScope();
  }
  for (const bad of ['yes', 1, null]) {
    throwsCode(
      () => setDevice('cpp_standalone', { mpi: { processes: 2, distributeSynapses: bad as never } }),
      'bad_argument',
    );
  }
});

const nums = (x: unknown) => Array.from(x as ArrayLike<number>);
const flat = (x: unknown) => Array.from(x as ArrayLike<ArrayLike<number>>).flatMap((r) => Array.from(r));

/**
 * Plasticity with random increments, setters from the script (strings with rand() keyed by
 * the global synapse number, a condition, one value), a noisy synaptic variable, the counts of synapses.
 */
function plastic() {
  seed(31);
  const G = new NeuronGroup(40, 'dv/dt = (I - v)/(10*ms) : 1\nI : 1 (constant)', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'euler',
  });
  G.I = '1.2 + 0.5*rand()';
  const S = new Synapses(G, G, {
    model: 'w : 1\ndx/dt = -x/(5*ms) + 0.1*xi/sqrt(ms) : 1 (clock-driven)',
    onPre: 'v_post += w\nw = clip(w + 0.01*rand() - 0.004, 0, 0.2)',
    method: 'euler',
  });
  S.connect({ condition: 'i != j', p: 0.3 });
  S.connect({ condition: 'i == j', n: 2 });
  S.connect({ i: [1, 2, 3, 4], j: [30, 20, 10, 39] }); // pairs from the script
  S.connect({ i: [5, 6, 7, 8, 9], j: [1, 2, 3, 38, 39], p: 0.6 }); // pairs drawn in the program
  S.w = '0.05*rand()';
  S.w['i < 5 and j > 30'] = 'w + 0.1 + 0.01*rand()';
  S.x = 0.5;
  S.delay = '0.1*ms + 2*ms*rand()';
  const M = new SpikeMonitor(G);
  // Synapses of every process (the last index is the second connect()'s), and a presynaptic voltage.
  const R = new StateMonitor(S, ['w', 'x', 'v_pre'], { record: [0, 5, 77, 300, 470] });
  const all = new StateMonitor(S, 'w', { record: true, dt: ms(5) });
  const net = new Network(G, S, M, R, all);
  net.run(ms(20));
  S.x = 'x + 0.1*rand()';
  net.run(ms(20));
  return () => ({
    i: Array.from(M.i),
    t: Array.from(M.t_),
    w: nums(S.w_),
    x: nums(S.x_),
    delay: nums(S.delay_),
    pre: Array.from(S.i),
    post: Array.from(S.j),
    N: [S.N],
    Rt: nums(R.t_),
    Rw: flat(R.w_),
    Rx: flat(R.x_),
    Rv: flat(R.v_pre_),
    all: flat(all.w_),
    N_incoming: nums(S.N_incoming_),
    N_outgoing: nums(S.N_outgoing_),
  });
}

test('plasticity, setters, four connect() calls (pairs too), synapse StateMonitors (some indices, all), N_incoming/N_outgoing: as on the runtime device', {
  skip: MPI_SKIP,
}, () => {
  const reference = runOn('mpi-local-plastic', 'runtime', plastic);
  assert.ok(reference.w.length > 470 && reference.i.length > 0 && reference.Rw.length === 400 * 5);
  for (const processes of [2, 3]) {
    const target: Target = { processes, distribute: true };
    assertIdentical(runOn('mpi-local-plastic', target, plastic), reference, label(target));
  }
});

test('each process stores only its own synapses: the counts add up to N', { skip: MPI_SKIP }, () => {
  defaultclock.dt = ms(0.1);
  const device = setDevice('cpp_standalone', {
    directory: projectDirectory('mpi-local-counts'),
    mpi: { processes: 3, distributeSynapses: true },
  }) as unknown as MpiStandaloneDevice;
  startScope();
  try {
    const G = new NeuronGroup(90, 'v : 1');
    const S = new Synapses(G, G, { model: 'w : 1' });
    S.connect({ p: 0.2 });
    const T = new Synapses(G, G, { model: 'w : 1' });
    const is = Array.from({ length: 90 }, (_, k) => k);
    const js = is.map((k) => (7 * k) % 90);
    T.connect({ i: is, j: js }); // the first connect() of T: pairs from the script
    T.connect({ condition: 'j < 30' }); // onto the first process's neurons only
    new Network(G, S, T).run(ms(1));
    assert.equal(T.N, 90 + 90 * 30);
    assert.deepEqual(Array.from(T.i).slice(0, 90), is);
    assert.deepEqual(Array.from(T.j).slice(0, 90), js);
    const held = device.exchange?.localSynapses ?? [];
    assert.equal(held.length, 3);
    assert.equal(
      held.reduce((a, b) => a + b, 0),
      S.N + T.N,
    );
    // Every process holds about a third of S; the first one T's second connect() as well.
    assert.ok(held[0] >= 90 * 30 && held[1] < S.N && held[2] < S.N, String(held));
  } finally {
    resetDevice();
    startScope();
  }
});

/** Driven neurons, random connections; `w` (default `0.2*rand()`) as runArgs give it, or set here. */
function weighted(w?: number[]) {
  seed(8);
  const G = new NeuronGroup(30, 'dv/dt = (1.2 - v)/(10*ms) : 1', { threshold: 'v > 1', reset: 'v = 0' });
  G.v = 'rand()';
  const S = new Synapses(G, G, { model: 'w : 1', onPre: 'v_post += w' });
  S.connect({ p: 0.3 });
  S.w = w ?? '0.2*rand()';
  const M = new SpikeMonitor(G);
  new Network(G, S, M).run(ms(30));
  return { S, M };
}

test('runArgs set per-synapse arrays by global synapse number when each process holds its own synapses', {
  skip: MPI_SKIP,
}, () => {
  const values = (n: number) => Array.from({ length: n }, (_, k) => 0.01 * (k % 17));
  const N = runOn('mpi-local-runargs', 'runtime', () => {
    const { S } = weighted();
    return () => S.N;
  });
  const expected = runOn('mpi-local-runargs', 'runtime', () => {
    const { S, M } = weighted(values(N));
    return () => ({ i: nums(M.i), t: nums(M.t_), w: nums(S.w_) });
  });
  for (const processes of [2, 3]) {
    const target: Target = { processes, distribute: true };
    const got = runOn('mpi-local-runargs', target, () => {
      const { S, M } = weighted();
      return () => {
        assert.equal(S.N, N);
        device.run({ runArgs: [[S.w, values(N)]] });
        const all = { i: nums(M.i), t: nums(M.t_), w: nums(S.w_) };
        device.run({ runArgs: [[S.w, 0.05]] });
        assert.ok(nums(S.w_).every((x) => x === 0.05));
        return all;
      };
    });
    assertIdentical(got, expected, label(target));
  }
});

function refusedOn(script: () => void): () => void {
  return () => {
    defaultclock.dt = ms(0.1);
    setDevice('cpp_standalone', {
      directory: projectDirectory('mpi-local-refused'),
      buildOnRun: false,
      mpi: { processes: 2, distributeSynapses: true },
    });
    startScope();
    try {
      script();
    } finally {
      resetDevice();
      startScope();
    }
  };
}

test('what compact synapse storage cannot do is refused with mpi_not_supported', { skip: MPI_SKIP }, () => {
  throwsCode(
    () =>
      setDevice('cpp_standalone', {
        mpi: { processes: 2, distributeSynapses: 'yes' as unknown as boolean },
      }),
    'bad_argument',
  );
  // What distributed storage refuses (withRefusal) fails the script with distributeSynapses true.
  throwsCode(
    refusedOn(() =>
      withRefusal(() => {
        const G = new NeuronGroup(10, 'v : 1\nx : 1');
        const S = new Synapses(G, G, { model: 'w : 1\nx_pre = w : 1 (summed)' });
        S.connect({ p: 0.5 });
        new Network(G, S).run(ms(1));
      }),
    ),
    'mpi_not_supported',
  );
});
