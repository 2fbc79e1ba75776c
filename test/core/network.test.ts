import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  defaultclock,
  Hz,
  ms,
  mV,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  restore,
  run,
  SpikeMonitor,
  StateMonitor,
  second,
  startScope,
  stop,
  store,
} from '../../src/index.ts';
import { formatTime } from '../../src/network/report.ts';
import type { Quantity } from '../../src/units/quantity.ts';
import { assertClose } from '../helpers/reference.ts';

/** Deterministic regular spikers: neuron k is driven by I = 1.1 + 0.1 k (threshold 1, reset 0, tau 10 ms). */
function spikers(N = 20, options: { dt?: Quantity; name?: string } = {}) {
  const G = new NeuronGroup(N, 'dv/dt = (I - v)/(10*ms) : 1\nI : 1 (constant)', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'exact',
    ...options,
  });
  G.I = '1.1 + 0.1*i';
  return G;
}

const ramp = 'dy/dt = 1/second : 1';

test('magic run() simulates what was created since startScope(), continues across calls, store/restore', () => {
  startScope();
  const G = spikers(3);
  const S = new SpikeMonitor(G);
  run(ms(10));
  run(ms(15));
  assert.equal(G.clock.timestep, 250);
  const counts = Array.from(S.count);
  store();
  run(ms(20));
  assert.ok(S.num_spikes > counts.reduce((a, b) => a + b, 0));
  restore();
  assert.deepEqual(Array.from(S.count), counts);
  assert.equal(G.clock.timestep, 250);
  // A new scope: a new simulation starting at t = 0.
  startScope();
  const H = new NeuronGroup(1, ramp, { method: 'euler' });
  run(ms(1));
  assert.equal(H.clock.timestep, 10);
  assertClose(H.y_, [1e-3], 1e-12, 'y');
});

test('an explicit Network with two groups on different clocks (0.1 ms and 0.25 ms), as Brian', () => {
  startScope();
  const A = new NeuronGroup(1, ramp, { method: 'euler' });
  const B = new NeuronGroup(1, ramp, { method: 'euler', dt: ms(0.25) });
  const MA = new StateMonitor(A, 'y');
  const MB = new StateMonitor(B, 'y');
  const net = new Network(A, B, MA, MB);
  net.run(ms(1));
  assert.equal(A.clock.timestep, 10);
  assert.equal(B.clock.timestep, 4);
  assertClose([A.y_[0], B.y_[0]], [1e-3, 1e-3], 1e-12, 'y after 1 ms');
  net.run(ms(0.3));
  // Brian 2.5.1: net.t = 1.3 ms, A at step 13, B at step 6 (1.5 ms: the end is rounded up to B's grid).
  assertClose([net.t_], [1.3e-3], 1e-12, 'net.t');
  assert.equal(A.clock.timestep, 13);
  assert.equal(B.clock.timestep, 6);
  assertClose([A.y_[0], B.y_[0]], [1.3e-3, 1.5e-3], 1e-12, 'y after 1.3 ms');
  assertClose(
    MA.t_,
    Array.from({ length: 13 }, (_, k) => k * 1e-4),
    1e-12,
    'MA.t',
  );
  assertClose(MB.t_, [0, 0.25e-3, 0.5e-3, 0.75e-3, 1e-3, 1.25e-3], 1e-12, 'MB.t');
  assertClose(MB.traces_('y')[0], [0, 0.25e-3, 0.5e-3, 0.75e-3, 1e-3, 1.25e-3], 1e-12, 'MB.y');
  assert.equal(defaultclock.dt_, 1e-4);
});

test('inactive objects are skipped: monitors record nothing, groups do not change', () => {
  startScope();
  const G = spikers(4);
  const S = new SpikeMonitor(G);
  const M = new StateMonitor(G, 'v', { record: [0] });
  const R = new PopulationRateMonitor(G);
  const net = new Network(G, S, M, R);
  S.active = false;
  M.active = false;
  R.active = false;
  net.run(ms(50));
  assert.equal(S.num_spikes, 0);
  assert.equal(M.t_.length, 0);
  assert.equal(R.t_.length, 0);
  const v = Float64Array.from(G.v_);
  S.active = true;
  M.active = true;
  R.active = true;
  G.active = false;
  net.run(ms(10));
  assert.deepEqual(Float64Array.from(G.v_), v);
  assert.equal(M.t_.length, 100);
  assertClose(M.t_.slice(0, 1), [0.05], 1e-12, 'first sample after switching on');
  assert.equal(R.t_.length, 100);
  G.active = true;
  net.run(ms(50));
  assert.ok(S.num_spikes > 0);
  assert.equal(S.t_[0] >= 0.06, true);
});

test('report callback: called at the start and at the end with the fraction completed', () => {
  startScope();
  const G = spikers(2);
  const calls: [number, number, number, number][] = [];
  new Network(G).run(ms(20), {
    report: (elapsed, completed, start, duration) => calls.push([elapsed, completed, start, duration]),
  });
  assert.ok(calls.length >= 2);
  assert.equal(calls[0][1], 0);
  assert.equal(calls.at(-1)?.[1], 1);
  assertClose([calls[0][3]], [0.02], 1e-12, 'duration');
  assert.ok(calls.every(([elapsed]) => elapsed >= 0));
});

test("report: 'stderr' writes Brian's text report lines", () => {
  startScope();
  const G = spikers(2);
  const lines: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((text: string) => {
    lines.push(text);
    return true;
  }) as typeof process.stderr.write;
  try {
    new Network(G).run(ms(20), { report: 'stderr' });
  } finally {
    process.stderr.write = write;
  }
  assert.deepEqual(lines, [
    'Starting simulation at t=0. s for a duration of 20. ms\n',
    '20. ms (100%) simulated in < 1s\n',
  ]);
  // Brian's _format_time doctests.
  assert.deepEqual([12345, 123, 12.5, 0.5].map(formatTime), ['3h 25m 45s', '2m 3s', '12s', '< 1s']);
});

test('stop() ends a run early; the network time is the clock time; the next run continues', () => {
  startScope();
  const G = new NeuronGroup(1, ramp, { method: 'euler' });
  const net = new Network(G);
  net.run(ms(500), {
    reportPeriod: second(0),
    report: (_elapsed, completed) => {
      if (completed > 0.1) net.stop();
    },
  });
  assert.ok(net.t_ < 0.5, `stopped at ${net.t_}`);
  assert.ok(net.t_ > 0.05);
  assertClose([net.t_], [G.clock.t_], 1e-12, 'net.t = clock t');
  assertClose(G.y_, [G.clock.t_], 1e-9, 'y');
  const stoppedAt = G.clock.timestep;
  net.run(ms(1));
  assert.equal(G.clock.timestep, stoppedAt + 10);
  // The magic form.
  startScope();
  const H = new NeuronGroup(1, ramp, { method: 'euler' });
  run(ms(500), {
    reportPeriod: second(0),
    report: (_e, completed) => {
      if (completed > 0.1) stop();
    },
  });
  assert.ok(H.clock.t_ < 0.5);
});

test('store/restore to a file, in this process and in a fresh one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-store-'));
  try {
    const file = join(dir, 'state.json');
    startScope();
    const G = spikers(5, { name: 'stored_group' });
    const S = new SpikeMonitor(G, { name: 'stored_spikes' });
    const net = new Network(G, S);
    net.run(ms(30));
    net.store('after30', file);
    const v30 = Array.from(G.v_);
    const spikes30 = Array.from(S.t_);
    net.run(ms(20));
    G.v = 0.5;
    net.restore('after30', file);
    assert.deepEqual(Array.from(G.v_), v30);
    assert.deepEqual(Array.from(S.t_), spikes30);
    assertClose([net.t_], [0.03], 1e-12, 'net.t');
    net.run(ms(20));
    const v50 = Array.from(G.v_);
    assert.throws(() => net.restore('nope', file), { code: 'store_not_found' });

    // A new process builds the same objects (same names) and continues from the file.
    const src = fileURLToPath(new URL('../../src/node.ts', import.meta.url));
    const script = join(dir, 'continue.ts');
    writeFileSync(
      script,
      `import { ms, NeuronGroup, Network, SpikeMonitor } from ${JSON.stringify(src)};
const G = new NeuronGroup(5, 'dv/dt = (I - v)/(10*ms) : 1\\nI : 1 (constant)', {
  threshold: 'v > 1', reset: 'v = 0', method: 'exact', name: 'stored_group' });
const S = new SpikeMonitor(G, { name: 'stored_spikes' });
const net = new Network(G, S);
net.restore('after30', ${JSON.stringify(file)});
net.run(ms(20));
console.log(JSON.stringify({ t: net.t_, v: Array.from(G.v_), n: S.num_spikes }));
`,
    );
    const out = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const fresh = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}');
    assertClose([fresh.t], [0.05], 1e-12, 'restored process t');
    assert.deepEqual(fresh.v, v50);
    assert.equal(fresh.n, S.num_spikes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PopulationRateMonitor: rate and smooth_rate against a direct computation from the spikes', () => {
  startScope();
  const N = 20;
  const G = spikers(N);
  const S = new SpikeMonitor(G);
  const R = new PopulationRateMonitor(G);
  const Rsub = new PopulationRateMonitor(G.slice(5, 10));
  new Network(G, S, R, Rsub).run(ms(100));
  const dt = 1e-4;
  const steps = 1000;
  const counts = new Float64Array(steps);
  const subCounts = new Float64Array(steps);
  S.t_.forEach((t, k) => {
    const step = Math.round(t / dt);
    counts[step]++;
    if (S.i[k] >= 5 && S.i[k] < 10) subCounts[step]++;
  });
  assertClose(
    R.t_,
    Array.from({ length: steps }, (_, k) => k * dt),
    1e-12,
    'R.t',
  );
  // Brian's template: 1.0*len(spikes)/dt/N.
  assert.deepEqual(
    Array.from(R.rate_),
    Array.from(counts, (c) => c / dt / N),
  );
  assert.deepEqual(
    Array.from(Rsub.rate_),
    Array.from(subCounts, (c) => c / dt / 5),
  );
  assert.equal(R.rate.dim, Hz.dim);

  const convolveSame = (x: Float64Array, w: number[]) => {
    const total = w.reduce((a, b) => a + b, 0);
    const h = (w.length - 1) / 2;
    return Array.from(x, (_, k) => {
      let s = 0;
      for (let j = 0; j < w.length; j++) {
        const idx = k + h - j;
        if (idx >= 0 && idx < x.length) s += x[idx] * (w[j] / total);
      }
      return s;
    });
  };
  const rate = R.rate_;
  // Gaussian: standard deviation = width, window ±round(2 width/dt) steps.
  const width = 1e-3;
  const half = Math.round((2 * width) / dt);
  const gauss = Array.from({ length: 2 * half + 1 }, (_, k) =>
    Math.exp(-((k - half) ** 2) / (2 * (width / dt) ** 2)),
  );
  assertClose(R.smoothRate('gaussian', ms(1)).values, convolveSame(rate, gauss), 1e-12, 'gaussian', 1e-6);
  // Flat: int(width/2/dt)*2 + 1 steps (Brian), 1 ms → 11 steps, 0.35 ms → 3 steps.
  assertClose(
    R.smoothRate('flat', ms(1)).values,
    convolveSame(rate, Array(11).fill(1)),
    1e-12,
    'flat 1 ms',
    1e-6,
  );
  assertClose(
    R.smoothRate('flat', ms(0.35)).values,
    convolveSame(rate, [1, 1, 1]),
    1e-12,
    'flat 0.35 ms',
    1e-6,
  );
  assertClose(R.smoothRate([1, 2, 1]).values, convolveSame(rate, [1, 2, 1]), 1e-12, 'custom window', 1e-6);
  // Smoothing keeps the mean rate (away from the edges) and the length.
  assert.equal(R.smoothRate('gaussian', ms(2)).length, steps);
  assert.throws(() => R.smoothRate('flat'), { code: 'bad_argument' });
  assert.throws(() => R.smoothRate([1, 1]), { code: 'bad_argument' });
});

test('SpikeMonitor: record: false keeps counts only; spike_trains; variables at spike time', () => {
  startScope();
  const G = spikers(6);
  const S = new SpikeMonitor(G);
  const C = new SpikeMonitor(G, { record: false });
  const V = new SpikeMonitor(G, { variables: ['v', 'I'] });
  new Network(G, S, C, V).run(ms(60));
  assert.deepEqual(Array.from(C.count), Array.from(S.count));
  assert.equal(C.num_spikes, S.num_spikes);
  assert.throws(() => C.t, { code: 'not_recorded' });
  assert.throws(() => C.i, { code: 'not_recorded' });
  const trains = S.spikeTrains();
  assert.equal(trains.size, 6);
  for (let k = 0; k < 6; k++) {
    const expected = Array.from(S.t_).filter((_, n) => S.i[n] === k);
    assert.deepEqual(Array.from(trains.get(k)?.values ?? []), expected);
    assert.equal(expected.length, S.count[k]);
  }
  // Faster neurons (larger I) spike more; spikes come in time order.
  assert.ok(S.count[5] > S.count[0]);
  assert.ok(Array.from(S.t_).every((t, k, a) => k === 0 || t >= a[k - 1]));
  // Values recorded after the threshold, before the reset: v > 1 at every spike.
  assert.ok(Array.from(V.values_('v')).every((v) => v > 1));
  assert.deepEqual(
    Array.from(V.values_('I')),
    Array.from(S.i, (i) => G.I_[i]),
  );
});

test('StateMonitor: M[5].v is element 5 of the source (absolute), M.v[k] the k-th recorded', () => {
  startScope();
  const G = spikers(10);
  const M = new StateMonitor(G, ['v', 'I'], { record: [3, 5, 7] });
  new Network(G, M).run(ms(5));
  assert.deepEqual(Array.from(M[5].v.values), Array.from(M.v_[1]));
  assert.deepEqual(Array.from(M.at(7).I.values), Array(50).fill(G.I_[7]));
  assert.equal(M.v.length, 3);
  assert.throws(() => M.at(4), { code: 'index_out_of_range' });
});

test("StateMonitor: M[5] and M[[3, 7]] are Brian's views: v, v_, t, t_, and an error for anything else", () => {
  startScope();
  const G = spikers(10);
  const M = new StateMonitor(G, ['v', 'I'], { record: [3, 5, 7] });
  new Network(G, M).run(ms(5));
  const five = M.at(5);
  assert.deepEqual(Object.keys(five), ['v', 'I']);
  assert.ok(five.v_ instanceof Float64Array);
  assert.deepEqual(Array.from(five.v_), Array.from(M.v_[1]));
  assert.deepEqual(Array.from(five.t_), Array.from(M.t_));
  assert.deepEqual(Array.from(five.t.values), Array.from(M.t_));
  assert.equal(five.t.dim, M.t.dim);
  const both = M.at([3, 7]);
  assert.equal(both.v.length, 2);
  assert.deepEqual(Array.from(both.v_[1]), Array.from(M.v_[2]));
  assert.deepEqual(Array.from(both.I[0].values), Array.from(M.I_[0]));
  assert.deepEqual(Array.from(both.t_), Array.from(M.t_));
  // A name the monitor does not record: an error naming what it records, never undefined.
  for (const view of [five, both]) {
    assert.throws(() => (view as Record<string, unknown>).w, {
      code: 'unknown_variable',
      message: /statemonitor\.at\(.*has no attribute or variable "w"/,
    });
    assert.throws(() => (view as Record<string, unknown>).x_, { code: 'unknown_variable' });
  }
});

test('subgroups: state access, string setters with i relative to the subgroup, monitors of a subgroup', () => {
  startScope();
  const G = new NeuronGroup(30, 'v : volt\nx : 1', { threshold: 'v > 10*mV', reset: 'v = 0*mV' });
  const sub = G.slice(10, 20);
  assert.equal(sub.N, 10);
  sub.v = 'i*mV';
  assertClose(
    G.v_.slice(10, 20),
    Array.from({ length: 10 }, (_, k) => k * 1e-3),
    1e-12,
    'G.v[10:20]',
  );
  assert.deepEqual(Array.from(G.v_.slice(0, 10)), Array(10).fill(0));
  assert.deepEqual(Array.from(G.v_.slice(20)), Array(10).fill(0));
  assertClose(
    sub.v_,
    Array.from({ length: 10 }, (_, k) => k * 1e-3),
    1e-12,
    'sub.v',
  );
  assertClose([sub.v[2].value], [2e-3], 1e-12, 'sub.v[2]');
  // Conditions on a subgroup use its own i.
  sub.x['i >= 5'] = 7;
  assert.deepEqual(Array.from(G.x_), [...Array(15).fill(0), ...Array(5).fill(7), ...Array(10).fill(0)]);
  sub.x[0] = 3;
  assert.equal(G.x_[10], 3);
  // Nested subgroups.
  const inner = sub.slice(2, 4);
  inner.x = 'N + i';
  assert.deepEqual(Array.from(G.x_.slice(12, 14)), [2, 3]);
  // Monitors of a subgroup report indices relative to it.
  const S = new SpikeMonitor(sub);
  const M = new StateMonitor(sub, 'v', { record: [0, 9] });
  G.v = '(i + 1)*mV'; // elements 10…29 are above threshold after this: 11…30 mV
  new Network(G, S, M).run(ms(0.1));
  assert.deepEqual(
    Array.from(S.i),
    Array.from({ length: 10 }, (_, k) => k),
  );
  assertClose(
    M.v_.map((tr: Float64Array) => tr[0]),
    [11e-3, 20e-3],
    1e-12,
    'recorded subgroup elements',
  );
  // Python's slice bounds, as Brian: G[20:40] of 30 neurons is G[20:30]; an empty slice is refused.
  assert.equal(G.slice(20, 40).length, 10);
  assert.throws(() => G.slice(35, 40), { code: 'index_out_of_range' });
});

test("conditional setters: G.v['i > 10'] = value / expression, getters with conditions", () => {
  startScope();
  const G = new NeuronGroup(20, 'v : volt\nk : integer\nb : boolean');
  G.v['i > 10'] = mV(5);
  assert.deepEqual(Array.from(G.v_), [...Array(11).fill(0), ...Array(9).fill(0.005)]);
  G.v['i < 3'] = '-i*mV';
  assertClose(G.v_.slice(0, 4), [0, -1e-3, -2e-3, 0], 1e-12, 'v[0:4]', 1e-15);
  G.k = 'i % 3';
  G.b['k == 0 and v > 1*mV'] = true;
  assert.deepEqual(
    Array.from(G.b_, Boolean).flatMap((b, i) => (b ? [i] : [])),
    [12, 15, 18],
  );
  assert.deepEqual(Array.from(G.v.get('b').values), [0.005, 0.005, 0.005]);
  assert.deepEqual(Array.from(G.k.get([1, 2, 3]).values), [1, 2, 0]);
  // JavaScript turns G.v[[0, 1]] into the key '0,1': index lists go through set().
  G.v.set(mV([7, 8]), [0, 1]);
  assertClose(G.v_.slice(0, 2), [7e-3, 8e-3], 1e-12, 'v[[0, 1]]');
  assert.throws(
    () => {
      G.v.v = mV(1);
    },
    { code: 'type_mismatch' },
  );
});

test('defaultclock.dt may change between runs; run(0 ms) does nothing (values from Brian 2.5.1)', () => {
  startScope();
  const G = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1\ndy/dt = 1/second : 1', { method: 'euler' });
  G.v = 1;
  const M = new StateMonitor(G, ['v', 'y']);
  const net = new Network(G, M);
  try {
    net.run(ms(1));
    defaultclock.dt = ms(0.05);
    net.run(ms(1));
    // Brian: v = 0.8181135032254699, y = 0.0019999999999999987, step 40, 30 samples.
    assert.equal(G.v_[0], 0.8181135032254699);
    assertClose(G.y_, [0.0019999999999999987], 1e-12, 'y');
    assert.equal(defaultclock.timestep, 40);
    assert.equal(M.t_.length, 30);
    assertClose(M.t_.slice(9, 12), [0.9e-3, 1e-3, 1.05e-3], 1e-12, 'samples around the change');
    net.run(ms(0));
    assert.equal(defaultclock.timestep, 40);
    assert.equal(M.t_.length, 30);
  } finally {
    defaultclock.dt = ms(0.1);
  }
});
