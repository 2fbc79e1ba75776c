/**
 * Streamed monitors: rows handed to the sink every N steps and at the end of each run, so a run
 * that dies keeps everything up to the last hand-over; refused with a coded error on a device whose
 * loop runs in a compiled program.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resetDevice } from '../../src/devices/active.ts';
import {
  ms,
  Network,
  SpikeMonitor,
  StateMonitor,
  type StreamChunk,
  setDevice,
  startScope,
} from '../../src/node.ts';
import { streamedModel } from './stream-model.ts';

/** The monitors of the stream model after `duration` in memory, for comparison. */
function inMemory(duration: number) {
  startScope();
  const G = streamedModel();
  const spikes = new SpikeMonitor(G);
  const state = new StateMonitor(G, 'v', { record: [0, 2] });
  new Network(G, spikes, state).run(ms(duration));
  return { spikes, state };
}

function readCsv(path: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}

describe('streamed monitors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-results-stream-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const script = new URL('./stream-dies.ts', import.meta.url).pathname;

  it('keep what was recorded up to the last hand-over when the process is killed mid-run', () => {
    const out = join(dir, 'killed');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, out, 'kill'], { encoding: 'utf8' });
    assert.equal(child.signal, 'SIGKILL', `the run died at 50 ms of 100 (${child.stderr})`);
    // Hand-overs every 100 steps (10 ms): the last one before the kill at step 500 held steps 0–499,
    // so the files hold exactly what a 50 ms run records.
    const { spikes, state } = inMemory(50);
    const s = readCsv(join(out, 'spikes.csv'));
    assert.deepEqual(s.header, ['t (s)', 'i']);
    assert.ok(spikes.num_spikes > 10);
    assert.deepEqual(
      s.rows.map((r) => r[0]),
      Array.from(spikes.t_),
    );
    assert.deepEqual(
      s.rows.map((r) => r[1]),
      Array.from(spikes.i),
    );
    const v = readCsv(join(out, 'v.csv'));
    assert.deepEqual(v.header, ['t (s)', 'v[0] (V)', 'v[2] (V)']);
    assert.equal(v.rows.length, 500);
    assert.deepEqual(
      v.rows.map((r) => r[0]),
      Array.from(state.t_),
    );
    assert.deepEqual(
      v.rows.map((r) => r[2]),
      Array.from(state.v_[1]),
    );
  });

  it('hand over every N steps and the rest at the end of each run', () => {
    startScope();
    const G = streamedModel();
    const chunks: StreamChunk[] = [];
    const spikes = new SpikeMonitor(G, { stream: { every: 100, to: { write: (c) => chunks.push(c) } } });
    const net = new Network(G, spikes);
    net.run(ms(25));
    net.run(ms(10));
    // Steps counted per run: 100, 200 and the end of the first run; 100 and the end of the second.
    const firstRun = chunks.length;
    assert.ok(firstRun >= 2, `chunks of the first run: ${firstRun}`);
    assert.equal(chunks[0].first, true);
    assert.ok(chunks.slice(1).every((c) => !c.first));
    const streamed = chunks.flatMap((c) => Array.from(c.values[0] as ArrayLike<number>));
    assert.deepEqual(streamed, Array.from(spikes.t_), 'every spike handed over once, in order');
    assert.equal(
      chunks.reduce((n, c) => n + c.rows, 0),
      spikes.num_spikes,
    );
  });

  it('rejects bad stream options with coded errors', () => {
    startScope();
    const G = streamedModel();
    const to = { write: () => {} };
    assert.throws(() => new SpikeMonitor(G, { stream: { every: 0, to } }), { code: 'bad_argument' });
    assert.throws(() => new SpikeMonitor(G, { stream: { every: 1.5, to } }), { code: 'bad_argument' });
    assert.throws(() => new SpikeMonitor(G, { stream: { every: 10, to: {} as never } }), {
      code: 'bad_argument',
    });
    assert.throws(() => new SpikeMonitor(G, { record: false, stream: { every: 10, to } }), {
      code: 'bad_argument',
    });
  });

  it('is refused on cpp_standalone with not_available_on_device when the run is built', () => {
    setDevice('cpp_standalone', { buildOnRun: false, directory: join(dir, 'standalone') });
    try {
      startScope();
      const G = streamedModel();
      const M = new StateMonitor(G, 'v', { record: 0, stream: { every: 10, to: { write: () => {} } } });
      assert.throws(() => new Network(G, M).run(ms(1)), { code: 'not_available_on_device' });
    } finally {
      resetDevice();
    }
  });
});
