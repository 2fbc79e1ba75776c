import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ms,
  mV,
  Network,
  NetworkOperation,
  NeuronGroup,
  PopulationRateMonitor,
  runAsync,
  SpikeMonitor,
  StateMonitor,
  second,
  seed,
  startScope,
} from '../../src/index.ts';

/** A noisy LIF population: every run of it draws random numbers, so equal states mean equal steps. */
function build(N = 50) {
  const G = new NeuronGroup(N, 'dv/dt = (-55*mV - v)/(10*ms) + 2*mV*xi/sqrt(ms) : volt', {
    threshold: 'v > -50*mV',
    reset: 'v = -60*mV',
    method: 'euler',
    name: 'noisy',
  });
  G.v = '-60*mV + 10*mV*rand()';
  const spikes = new SpikeMonitor(G, { name: 'noisy_spikes' });
  const state = new StateMonitor(G, 'v', { record: [0, 1], name: 'noisy_v' });
  const rate = new PopulationRateMonitor(G, { name: 'noisy_rate' });
  return { G, spikes, state, rate, objects: [G, spikes, state, rate] };
}

function snapshot(m: ReturnType<typeof build>, net: Network) {
  return {
    t: net.t_,
    v: Array.from(m.G.v_),
    spikes: Array.from(m.spikes.i),
    spikeTimes: Array.from(m.spikes.t_),
    trace: Array.from(m.state.v_[0]),
    rate: Array.from(m.rate.rate_),
  };
}

/** A network operation that takes about `ms` of wall-clock time per step, so runs span many slices. */
function slowStep(milliseconds: number) {
  return new NetworkOperation(() => {
    const until = performance.now() + milliseconds;
    while (performance.now() < until) {
      // busy: the run holds the thread as a large network would
    }
  });
}

test('runAsync gives the results of run (one step loop)', async () => {
  startScope();
  seed(11);
  const a = build();
  const netA = new Network(a.objects);
  netA.run(ms(30));
  const expected = snapshot(a, netA);

  startScope();
  seed(11);
  const b = build();
  const netB = new Network(b.objects);
  await netB.runAsync(ms(30));
  assert.deepEqual(snapshot(b, netB), expected);
  assert.ok(expected.spikes.length > 0);
});

test('runAsync gives the event loop back during the run and reports progress', async () => {
  startScope();
  const m = build(5);
  const net = new Network(m.objects, slowStep(1));
  let ticks = 0;
  let ticking = true;
  const tick = () => {
    ticks++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const reports: number[] = [];
  const run = net.runAsync(ms(10), {
    report: (_elapsed, completed) => reports.push(completed),
    reportPeriod: ms(0),
  });
  const ticksWhenCalled = ticks;
  await run;
  ticking = false;
  // 100 steps of ≥ 1 ms each are ≥ 5 slices of 20 ms: other tasks ran between them.
  assert.ok(ticks - ticksWhenCalled >= 3, `${ticks - ticksWhenCalled} event-loop turns during the run`);
  assert.equal(reports[0], 0);
  assert.equal(reports.at(-1), 1);
  const between = reports.slice(1, -1);
  assert.ok(between.length >= 3, `${between.length} progress reports during the run`);
  assert.ok(
    between.every((c, k) => c > 0 && c < 1 && (k === 0 || c >= between[k - 1])),
    `progress ${between}`,
  );
});

test('an aborted runAsync keeps the state of its last completed step and rejects with the reason', async () => {
  // Aborted from inside the run at a known step, then compared with a plain run of that length.
  startScope();
  seed(5);
  const m = build();
  const controller = new AbortController();
  const abortAt = new NetworkOperation((t) => {
    if (Math.abs(t.value - 0.0123) < 1e-9) controller.abort(new Error('enough'));
  });
  const net = new Network(m.objects, abortAt);
  await assert.rejects(net.runAsync(ms(100), { signal: controller.signal }), { message: 'enough' });
  // The step at t = 12.3 ms completed: the network is at 12.4 ms.
  assert.ok(Math.abs(net.t_ - 0.0124) < 1e-12, `t = ${net.t_}`);
  const aborted = snapshot(m, net);

  startScope();
  seed(5);
  const ref = build();
  const refNet = new Network(ref.objects);
  refNet.run(ms(12.4));
  assert.deepEqual(aborted, snapshot(ref, refNet));

  // Both continue alike (each from the same random state): the aborted network is consistent.
  net.remove(abortAt);
  seed(6);
  net.run(ms(5));
  seed(6);
  refNet.run(ms(5));
  assert.deepEqual(snapshot(m, net), snapshot(ref, refNet));
});

test('an abort from another task stops the run early; an aborted signal runs nothing', async () => {
  startScope();
  const m = build(5);
  const net = new Network(m.objects, slowStep(1));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  await assert.rejects(net.runAsync(second(10), { signal: controller.signal }), { name: 'AbortError' });
  assert.ok(net.t_ > 0 && net.t_ < 1, `stopped at t = ${net.t_}`);
  const stoppedAt = net.t_;
  assert.equal(m.state.t_.length, Math.round(stoppedAt / 1e-4), 'one recorded sample per completed step');

  await assert.rejects(net.runAsync(ms(5), { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal(net.t_, stoppedAt);
});

test('nothing else runs, stores or restores a network while its runAsync is in progress', async () => {
  startScope();
  const m = build(5);
  const net = new Network(m.objects, slowStep(1));
  const running = net.runAsync(ms(5));
  assert.throws(() => net.run(ms(1)), { code: 'network_error' });
  assert.throws(() => net.store(), { code: 'network_error' });
  await assert.rejects(net.runAsync(ms(1)), { code: 'network_error' });
  await running;
  net.run(ms(1));
  assert.ok(Math.abs(net.t_ - 0.006) < 1e-12);
});

test('a failing run leaves the network usable', async () => {
  startScope();
  const m = build(5);
  let fail = true;
  const failing = new NetworkOperation(() => {
    if (fail) throw new Error('user code failed');
  });
  const net = new Network(m.objects, failing);
  await assert.rejects(net.runAsync(ms(1)), { message: 'user code failed' });
  assert.throws(() => net.run(ms(1)), { message: 'user code failed' });
  fail = false;
  net.run(ms(1));
});

test('magic runAsync simulates the objects created since startScope, with units checked', async () => {
  startScope();
  const G = new NeuronGroup(2, 'dv/dt = (v0 - v)/(10*ms) : volt\nv0 : volt (constant)', {
    threshold: 'v > -50*mV',
    reset: 'v = -60*mV',
    method: 'exact',
  });
  G.v = mV(-60);
  G.v0 = mV(-40);
  const M = new SpikeMonitor(G);
  await runAsync(ms(50));
  assert.deepEqual(Array.from(M.count), [7, 7]);
  // @ts-expect-error a duration needs units
  await assert.rejects(runAsync(50), { code: 'missing_unit' });
});
