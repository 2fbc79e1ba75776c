/**
 * Durable runs (issue 14), for real: a script simulating 20 s of a CUBA network (dt 0.1 ms,
 * random initial values and noise) with a checkpoint every second is killed with SIGKILL
 * midway, started again, and resumes; its spikes then equal those of the same script run
 * without interruption (run at the same time, in a process of its own).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fixtures/cuba-checkpoint.ts', import.meta.url));
/** Neurons: small enough for a 20 s run in a few seconds on a slow, busy core. */
const N = '200';

const dir = mkdtempSync(join(tmpdir(), 'brian-ts-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Script {
  readonly pid: number;
  kill(): void;
  /** Resolves when the process has ended: its output and how it ended. */
  readonly done: Promise<{ out: string; err: string; status: number | null; signal: NodeJS.Signals | null }>;
}

function start(checkpoint: string): Script {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/platform/node.ts', SCRIPT, checkpoint, N],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{
    out: string;
    err: string;
    status: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve) => child.on('close', (status, signal) => resolve({ out, err, status, signal })));
  return { pid: child.pid!, kill: () => child.kill('SIGKILL'), done };
}

/** The run's start time and its spikes, from the script's output. */
function results(out: string): { start: number; i: number[]; t: number[] } {
  const lines = out.trim().split('\n');
  const start = Number(/^start (\S+)$/m.exec(out)?.[1]);
  return { start, ...JSON.parse(lines[lines.length - 1]) };
}

/** Each checkpoint replaces the file by a longer one (more spikes), with a new inode and time. */
function version(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a 20 s run killed with SIGKILL midway resumes from its checkpoint and ends with the spikes of an uninterrupted run', {
  timeout: 180_000,
}, async (t) => {
  const reference = start(join(dir, 'reference.ckpt'));
  const path = join(dir, 'killed.ckpt');
  const killed = start(path);
  let ended = false;
  void killed.done.then(() => {
    ended = true;
  });
  // Kill once the file was replaced three times (at 3 s of simulated time or later), between two checkpoints.
  const seen = new Set<string>();
  while (seen.size < 3 && !ended) {
    const v = version(path);
    if (v !== undefined) seen.add(v);
    await sleep(20);
  }
  assert.equal(ended, false, 'the script was still running');
  await sleep(100);
  killed.kill();
  const first = await killed.done;
  assert.equal(first.signal, 'SIGKILL');
  assert.doesNotMatch(first.out, /"i":/, 'killed before the end of its run');

  const resumed = await start(path).done;
  assert.equal(resumed.status, 0, resumed.err);
  const expected = await reference.done;
  assert.equal(expected.status, 0, expected.err);
  const got = results(resumed.out);
  const want = results(expected.out);
  assert.equal(want.start, 0);
  assert.ok(got.start >= 3 && got.start < 20, `resumed at t = ${got.start} s`);
  assert.ok(want.i.length > 1000, `${want.i.length} spikes`);
  assert.equal(got.i.length, want.i.length);
  assert.deepEqual(got.i, want.i);
  assert.deepEqual(got.t, want.t);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary file left (one the kill interrupted is removed)',
  );
  t.diagnostic(`resumed at t = ${got.start} s of 20 s; ${want.i.length} spikes, all equal`);
});
