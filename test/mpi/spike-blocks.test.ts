/**
 * Spikes exchanged once per minimum delay (NEST's scheme, devices/mpi/spike-blocks.ts): with a
 * delay of 2 ms at dt 0.1 ms the processes exchange spikes every 20 steps, not at every step, and
 * the results are the single process's to the bit; runs whose length is no multiple of the block,
 * heterogeneous delays, and a delay of 0 (an exchange at every step again) too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import {
  EventMonitor,
  getDevice,
  ms,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
} from '../../src/index.ts';
import { MPI_SKIP, runOn, type Target } from './devices.ts';

/**
 * A noisy recurrent network; `delay` a pathway delay, or an expression for per-synapse delays;
 * `slowClock`: a state monitor on a clock of its own (a run with two clocks).
 */
function network(delay: string, runs: readonly number[], slowClock = false) {
  return () => {
    seed(21);
    const G = new NeuronGroup(120, 'dv/dt = (1.1 - v)/(10*ms) + 0.25*xi/sqrt(ms) : 1', {
      threshold: 'v > 1',
      reset: 'v = 0',
      method: 'euler',
    });
    const S = new Synapses(G, G, {
      model: 'w : 1',
      onPre: 'v_post += w',
      ...(delay.startsWith('=') ? {} : { delay: ms(Number(delay)) }),
    });
    S.connect({ condition: 'i != j', p: 0.1 });
    S.w = '0.1*rand() - 0.06';
    // A second pathway from the same group: one block, queued into both.
    const T = new Synapses(G, G, {
      onPre: 'v_post -= 0.01',
      ...(delay.startsWith('=') ? {} : { delay: ms(Number(delay) + 0.5) }),
    });
    T.connect({ p: 0.05 });
    if (delay.startsWith('=')) {
      S.delay = delay.slice(1);
      T.delay = delay.slice(1);
    }
    const M = new SpikeMonitor(G);
    const V = slowClock ? [new StateMonitor(G, 'v', { record: [0, 119], dt: ms(1) })] : [];
    const net = new Network(G, S, T, M, ...V);
    for (const duration of runs) net.run(ms(duration));
    return () => ({
      trace: V.flatMap((m) => Array.from(m.v_ as ArrayLike<ArrayLike<number>>).flatMap((r) => Array.from(r))),
      i: Array.from(M.i),
      t: Array.from(M.t_),
      count: Array.from(M.count),
      v: Array.from(G.v_),
      exchange: (getDevice() as unknown as MpiStandaloneDevice).exchange,
    });
  };
}

function compare(name: string, script: ReturnType<typeof network>, processes: number[]) {
  const { exchange: _none, ...reference } = runOn(name, 'cpp_standalone', script);
  assert.ok(reference.i.length > 50, `${name} spikes (${reference.i.length})`);
  return processes.map((p) => {
    const { exchange, ...got } = runOn(name, { processes: p } as Target, script);
    assert.deepEqual(got, reference, `${name}, ${p} processes`);
    assert.ok(exchange, 'the program wrote its exchange statistics');
    return exchange;
  });
}

test('delay 2 ms at dt 0.1 ms: spikes exchanged once every 20 steps, results identical', {
  skip: MPI_SKIP,
}, () => {
  const steps = 2000;
  for (const exchange of compare('mpi-blocks', network('2', [steps / 10]), [1, 2, 3])) {
    assert.equal(exchange.spikeCalls, steps / 20, `${exchange.processes} processes`);
    // All collective calls: the blocks, the block length, the gathers after the run.
    assert.ok(exchange.calls < steps / 10, `${exchange.calls} calls on ${exchange.processes} processes`);
  }
});

test('runs of no whole number of blocks, heterogeneous delays, delay 0: identical on 1–4 processes', {
  skip: MPI_SKIP,
}, () => {
  // 105 + 37 steps with blocks of 20: each run ends with held steps, queued after the loop.
  const split = compare('mpi-blocks-split', network('2', [10.5, 3.7]), [2, 4]);
  for (const e of split) assert.equal(e.spikeCalls, 6 + 2, `${e.processes} processes`);
  // 100 + 37 steps: the first run ends with a block just queued, nothing held.
  const whole = compare('mpi-blocks-whole', network('2', [10, 3.7]), [3]);
  assert.equal(whole[0].spikeCalls, 5 + 2);
  // Delays of 1.5–3 ms: blocks of the least delay, between 15 and 30 steps.
  const mixed = compare('mpi-blocks-mixed', network('=1.5*ms + 1.5*ms*rand()', [50]), [2, 3]);
  for (const e of mixed) assert.ok(e.spikeCalls <= 500 / 15 + 1, `${e.spikeCalls} exchanges`);
  // Delay 0: the spikes of a step are due in that step, so blocks of one step.
  const zero = compare('mpi-blocks-zero', network('0', [20]), [2]);
  assert.equal(zero[0].spikeCalls, 200);
  // Two clocks: the loop's steps are not all of one length, so spikes go at every step.
  const clocks = compare('mpi-blocks-clocks', network('2', [20], true), [2]);
  assert.equal(clocks[0].spikeCalls, 200);
});

/**
 * A custom event with its own delayed pathway and monitor, a spike monitor of a subgroup that
 * records a variable and runs before the thresholds, on_post with delay, store/restore between
 * runs of no whole number of blocks.
 */
function edges() {
  seed(8);
  const G = new NeuronGroup(60, 'dv/dt = (1.1 - v)/(10*ms) + 0.25*xi/sqrt(ms) : 1\nx : 1', {
    threshold: 'v > 1',
    reset: 'v = 0\nx += 1',
    method: 'euler',
    events: { up: 'v > 0.8 and x < 40' },
  });
  const S = new Synapses(G, G, {
    model: 'w : 1',
    onPre: 'v_post += w',
    onPost: 'w = clip(w - 0.001, -0.05, 0.05)',
    delay: { pre: ms(1.5), post: ms(0.7) },
  });
  S.connect({ condition: 'i != j', p: 0.15 });
  S.w = '0.1*rand() - 0.05';
  const U = new Synapses(G, G, { onPre: 'x_post += 0.01', onEvent: 'up', delay: ms(1.2) });
  U.connect({ p: 0.05 });
  const M = new SpikeMonitor(G.slice(10, 50), { variables: ['x'], when: 'before_thresholds' });
  const E = new EventMonitor(G, 'up');
  const net = new Network(G, S, U, M, E);
  net.run(ms(12.3));
  net.store();
  net.run(ms(7.1));
  net.restore();
  net.run(ms(9.4));
  return () => ({
    i: Array.from(M.i),
    t: Array.from(M.t_),
    x: Array.from(M.values_('x')),
    count: Array.from(M.count),
    ei: Array.from(E.i),
    et: Array.from(E.t_),
    v: Array.from(G.v_),
    w: Array.from(S.w_),
  });
}

test('custom events, subgroup monitors with variables, on_post delays, store/restore: as the runtime device on 1–4 processes', {
  skip: MPI_SKIP,
}, () => {
  const reference = runOn('mpi-blocks-edges', 'runtime', edges);
  assert.ok(reference.i.length > 20 && reference.ei.length > 20, 'the network spikes and has events');
  for (const processes of [1, 2, 3, 4]) {
    assert.deepEqual(runOn('mpi-blocks-edges', { processes }, edges), reference, `${processes} processes`);
  }
});
