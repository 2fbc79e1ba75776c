/**
 * Durable runs (issue 14), in this process: `run(…, { checkpoint })` writes snapshots while it
 * runs; a run that died (here: an exception thrown by a network operation, which leaves the
 * file as a kill would) is resumed by the same script built again, and ends with the results of
 * a run that was never interrupted: spikes, recorded traces, rates and the final state, with
 * noise, random initial values, spikes in flight (delays), Poisson input, a spike generator and
 * a second clock. test/durable/kill.test.ts does the same with a process killed by SIGKILL.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  catchLogs,
  Hz,
  magicNetwork,
  ms,
  NeuronGroup,
  networkOperation,
  PoissonInput,
  PopulationRateMonitor,
  QuantityArray,
  restore,
  run,
  runAsync,
  SpikeGeneratorGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  setDevice,
  startScope,
  stop,
} from '../../src/index.ts';
import { snapshotFileNames } from '../../src/network/snapshot-file.ts';
import { HAS_COMPILER, projectDirectory } from '../standalone/devices.ts';

const dir = mkdtempSync(join(tmpdir(), 'brian-ts-checkpoint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

class Killed extends Error {}

interface Model {
  results(): Record<string, unknown>;
}

/**
 * The script's model. `killAt`: a network operation throws at that time (seconds), as a kill
 * would end the run; `stopAt`: it calls stop() then. `tau` changes the model.
 */
function build(options: { killAt?: number; stopAt?: number; tau?: number } = {}): Model {
  startScope();
  seed(2024);
  const G = new NeuronGroup(
    60,
    `dv/dt = (ge - v + 0.9)/tau + 0.25*xi/sqrt(tau) : 1 (unless refractory)
     dge/dt = -ge/(5*ms) : 1`,
    {
      threshold: 'v > 1',
      reset: 'v = 0',
      refractory: ms(2),
      method: 'euler',
      namespace: { tau: ms(options.tau ?? 10) },
      name: 'cells',
    },
  );
  G.v = 'rand()';
  const S = new Synapses(G, G, { model: 'w : 1', onPre: 'ge += w', name: 'recurrent' });
  S.connect({ p: 0.15 });
  S.w = 'rand()*0.1';
  S.delay = 'rand()*4*ms';
  new PoissonInput(G, 'ge', 10, Hz(30), 0.05);
  const gen = new SpikeGeneratorGroup(3, [0, 1, 2, 0], QuantityArray.from([1, 3, 5, 7], ms), {
    period: ms(10),
    name: 'pacemaker',
  });
  const SG = new Synapses(gen, G, { onPre: 'v += 0.2', delay: ms(1.5), name: 'paced' });
  SG.connect({ j: 'i*20 + k for k in range(5)' });
  // A second clock: its steps fall between the fastest clock's.
  const H = new NeuronGroup(8, 'dv/dt = (1.5 - v)/(5*ms) + 0.4*xi/sqrt(ms) : 1', {
    threshold: 'v > 1',
    reset: 'v = rand()*0.5',
    method: 'euler',
    dt: ms(0.3),
    name: 'slow',
  });
  H.v = 'rand()';
  const M = new SpikeMonitor(G, { name: 'spikes' });
  const MH = new SpikeMonitor(H, { name: 'slow_spikes' });
  const V = new StateMonitor(G, ['v', 'ge'], { record: [0, 7], name: 'trace' });
  const R = new PopulationRateMonitor(G, { name: 'rate' });
  networkOperation(
    (t) => {
      if (options.killAt !== undefined && t.value >= options.killAt) throw new Killed('killed');
      if (options.stopAt !== undefined && t.value >= options.stopAt) stop();
    },
    { dt: ms(1), name: 'killer' },
  );
  return {
    results: () => ({
      t: magicNetwork.t_,
      i: Array.from(M.i),
      spikeTimes: Array.from(M.t_),
      slow: [Array.from(MH.i), Array.from(MH.t_)],
      v: Array.from(V.v_[1]),
      ge: Array.from(V.ge_[0]),
      traceTimes: Array.from(V.t_),
      rate: Array.from(R.rate_),
      final: [Array.from(G.v_), Array.from(G.ge_), Array.from(H.v_)],
    }),
  };
}

/** The run's start and duration as its report gives them (a resumed run starts late). */
function reported(): { starts: number[][]; report: (e: number, c: number, s: number, d: number) => void } {
  const starts: number[][] = [];
  return {
    starts,
    report: (_e, completed, start, duration) => {
      if (completed === 0) starts.push([start, duration]);
    },
  };
}

function uninterrupted(duration = 0.25): Record<string, unknown> {
  const m = build();
  run(ms(duration * 1000));
  return m.results();
}

test('a run killed midway, started again, resumes from its checkpoint with the results of an uninterrupted run', () => {
  const expected = uninterrupted();
  const path = join(dir, 'resume.ckpt');
  build({ killAt: 0.137 });
  assert.throws(() => run(ms(250), { checkpoint: { every: ms(20), path } }), Killed);
  assert.ok(existsSync(path), 'the checkpoint file exists');

  const m = build();
  const { starts, report } = reported();
  run(ms(250), { checkpoint: { every: ms(20), path }, report });
  // Resumed from the last checkpoint before the kill (every 20 ms: at 120 ms).
  assert.equal(starts.length, 1);
  assert.ok(Math.abs(starts[0][0] - 0.12) < 1e-9, `resumed at ${starts[0][0]}`);
  assert.deepEqual(m.results(), expected);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file is left behind',
  );
});

test('every as a number of steps; a finished run is restored, not simulated again', () => {
  const expected = uninterrupted(0.1);
  const path = join(dir, 'steps.ckpt');
  build();
  run(ms(100), { checkpoint: { every: 333, path } });
  const again = build();
  const { starts, report } = reported();
  run(ms(100), { checkpoint: { every: 333, path }, report });
  assert.deepEqual(starts, [[0.1, 0]]);
  assert.deepEqual(again.results(), expected);
});

test('several runs share one file: a kill in the second run resumes it after restoring the first', () => {
  const m0 = build();
  run(ms(60));
  run(ms(90));
  const expected = m0.results();
  const path = join(dir, 'two-runs.ckpt');
  build({ killAt: 0.11 });
  run(ms(60), { checkpoint: { every: ms(25), path } });
  assert.throws(() => run(ms(90), { checkpoint: { every: ms(25), path } }), Killed);
  assert.equal(snapshotFileNames(path).length, 2);

  const m = build();
  const { starts, report } = reported();
  run(ms(60), { checkpoint: { every: ms(25), path }, report });
  run(ms(90), { checkpoint: { every: ms(25), path }, report });
  assert.deepEqual(
    starts.map(([s, d]) => [Math.round(s * 1e6) / 1e6, Math.round(d * 1e6) / 1e6]),
    [
      [0.06, 0],
      [0.1, 0.05],
    ],
  );
  assert.deepEqual(m.results(), expected);
});

test('a checkpoint of another model is not used (warning checkpoint_not_resumed); resume: false ignores the file', () => {
  const path = join(dir, 'changed.ckpt');
  build({ killAt: 0.05 });
  assert.throws(() => run(ms(100), { checkpoint: { every: ms(10), path } }), Killed);

  const original = uninterrupted(0.1);
  // The script edited: another membrane time constant.
  const edited = build({ tau: 12 });
  const { starts, report } = reported();
  const { records } = catchLogs(() => run(ms(100), { checkpoint: { every: ms(10), path }, report }));
  assert.deepEqual(starts, [[0, 0.1]], 'simulated from the start');
  assert.deepEqual(
    records.map((r) => r.name),
    ['checkpoint_not_resumed'],
  );
  assert.notDeepEqual(edited.results(), original);

  build({ killAt: 0.05 });
  assert.throws(() => run(ms(100), { checkpoint: { every: ms(10), path } }), Killed);
  const fresh = build();
  const second = reported();
  run(ms(100), { checkpoint: { every: ms(10), path, resume: false }, report: second.report });
  assert.deepEqual(second.starts, [[0, 0.1]]);
  assert.deepEqual(fresh.results(), original);
});

test('stop() ends a run for good; an aborted runAsync resumes', async () => {
  const path = join(dir, 'stop.ckpt');
  const stopped = build({ stopAt: 0.042 });
  run(ms(100), { checkpoint: { every: ms(10), path } });
  const expected = stopped.results();
  const again = build({ stopAt: 0.042 });
  const { starts, report } = reported();
  run(ms(100), { checkpoint: { every: ms(10), path }, report });
  assert.equal(starts[0][1], 0, 'nothing left to simulate');
  assert.deepEqual(again.results(), expected);

  const whole = uninterrupted(0.1);
  const asyncPath = join(dir, 'abort.ckpt');
  build();
  const controller = new AbortController();
  const aborted = runAsync(ms(100), {
    checkpoint: { every: ms(10), path: asyncPath },
    signal: controller.signal,
    reportPeriod: ms(0),
    report: (_e, completed) => {
      if (completed > 0.3) controller.abort(new Killed('aborted'));
    },
  });
  await assert.rejects(aborted, Killed);
  const resumed = build();
  const resumedReport = reported();
  await runAsync(ms(100), { checkpoint: { every: ms(10), path: asyncPath }, report: resumedReport.report });
  assert.ok(resumedReport.starts[0][0] > 0.03, `resumed at ${resumedReport.starts[0][0]}`);
  assert.deepEqual(resumed.results(), whole);
});

test('a checkpoint that does not fit the network it is restored into is store_mismatch', () => {
  const path = join(dir, 'tampered.ckpt');
  build({ killAt: 0.03 });
  assert.throws(() => run(ms(50), { checkpoint: { every: ms(10), path } }), Killed);
  const original = readFileSync(path, 'utf8');
  const edit = (
    change: (entry: { objects: Record<string, { arrays: Record<string, { length: number }> }> }) => void,
  ) => {
    const file = JSON.parse(original);
    for (const entry of Object.values(file.snapshots)) change(entry as never);
    writeFileSync(path, JSON.stringify(file));
  };
  // An object missing, an array of another size: as restore() of a file says.
  edit((entry) => {
    delete entry.objects.rate;
  });
  build();
  assert.throws(() => run(ms(50), { checkpoint: { every: ms(10), path } }), { code: 'store_mismatch' });
  edit((entry) => {
    entry.objects.cells.arrays._v.length = 59;
  });
  build();
  assert.throws(() => run(ms(50), { checkpoint: { every: ms(10), path } }), { code: 'store_mismatch' });
});

test('the checkpoint option is checked: coded errors', () => {
  build();
  const path = join(dir, 'bad.ckpt');
  const cases: [unknown, string][] = [
    [{ every: ms(1) }, 'bad_argument'],
    [{ path }, 'bad_argument'],
    [{ every: 0, path }, 'bad_argument'],
    [{ every: 2.5, path }, 'bad_argument'],
    [{ every: Hz(1), path }, 'dimension_mismatch'],
    [{ every: ms(1), path: '' }, 'bad_argument'],
    [{ every: ms(1), path, resume: 'yes' }, 'bad_argument'],
    [{ every: ms(1), path, evry: 3 }, 'unknown_option'],
    ['often', 'bad_argument'],
  ];
  for (const [checkpoint, code] of cases) {
    assert.throws(
      () => run(ms(1), { checkpoint } as never),
      { code },
      `checkpoint: ${JSON.stringify(checkpoint)}`,
    );
  }
  assert.equal(existsSync(path), false);
});

test('snapshot files of another format or version are refused with snapshot_format', () => {
  const garbage = join(dir, 'garbage.json');
  writeFileSync(garbage, 'not json');
  const future = join(dir, 'future.json');
  writeFileSync(future, JSON.stringify({ format: 'brian-ts-snapshot', version: 99, snapshots: {} }));
  build();
  for (const file of [garbage, future]) {
    assert.throws(() => restore('default', file), { code: 'snapshot_format' });
    assert.throws(() => run(ms(1), { checkpoint: { every: 10, path: file } }), { code: 'snapshot_format' });
  }
});

test('cpp_standalone refuses the checkpoint option with not_available_on_device', {
  skip: HAS_COMPILER ? false : 'g++ or make not found',
}, () => {
  try {
    setDevice('cpp_standalone', { directory: projectDirectory('checkpoint refused') });
    startScope();
    new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1');
    assert.throws(() => run(ms(1), { checkpoint: { every: ms(1), path: join(dir, 'standalone.ckpt') } }), {
      code: 'not_available_on_device',
      message: /checkpoint/,
    });
  } finally {
    resetDevice();
  }
});
