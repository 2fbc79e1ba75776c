/**
 * Two scripts, one standalone directory (issue 14): two processes using the default `output`
 * directory at the same time used to read each other's results (4 of 10 trials printed the
 * other's spikes with exit status 0). The directory is now held by one process from its build
 * until it exits; the other gets directory_in_use; a lock left by a killed process is taken over.
 */
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '../../src/devices/standalone/directory-lock.ts';
import { HAS_COMPILER } from '../standalone/devices.ts';

const SKIP = HAS_COMPILER ? false : 'g++ or make not found';
const SCRIPT = fileURLToPath(new URL('./fixtures/lock-script.ts', import.meta.url));
/** The working directory of the scripts: their `output` is the default project directory. */
const CWD = join(tmpdir(), 'brian-ts-lock-tests', basename(process.cwd()).replace(/[^A-Za-z0-9]+/g, '-'));
/** tsx by its path: the scripts run outside the checkout. */
const TSX = import.meta.resolve('tsx');
const STEPS = 10; // 1 ms at 0.1 ms

interface Script {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the first line (`built`, or the error's JSON). */
  readonly first: Promise<string>;
  /** Resolves with the last line and the exit status. */
  readonly done: Promise<{ last: string; status: number | null; signal: NodeJS.Signals | null }>;
}

function start(active: number): Script {
  const child = spawn(process.execPath, ['--import', TSX, SCRIPT, String(active)], { cwd: CWD });
  let out = '';
  let err = '';
  let resolveFirst: (line: string) => void = () => {};
  const first = new Promise<string>((r) => {
    resolveFirst = r;
  });
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolveFirst(out.split('\n')[0]);
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const done = new Promise<{ last: string; status: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) =>
      child.on('close', (status, signal) => {
        resolveFirst(out.split('\n')[0]);
        const lines = out.trim().split('\n');
        if (status !== 0 && signal === null) reject(new Error(`script failed (${status}):\n${err}`));
        else resolve({ last: lines[lines.length - 1], status, signal });
      }),
  );
  return { child, first, done };
}

async function finish(s: Script): Promise<unknown> {
  s.child.stdin.end('go\n');
  const { last } = await s.done;
  return JSON.parse(last);
}

test("a second script in a directory in use gets directory_in_use, never the other one's results", {
  skip: SKIP,
}, async () => {
  rmSync(CWD, { recursive: true, force: true });
  mkdirSync(CWD, { recursive: true });
  const a = start(3);
  assert.equal(await a.first, 'built');
  // A has run and not yet read its results: B must not build over them.
  const b = start(5);
  assert.deepEqual(JSON.parse(await b.first), { code: 'directory_in_use' });
  await b.done;
  assert.deepEqual(await finish(a), { count: 3 * STEPS });
  assert.equal(existsSync(join(CWD, 'output', LOCK_FILE)), false, 'released at exit');
  // Once A has exited the directory is free again.
  const c = start(5);
  assert.equal(await c.first, 'built');
  assert.deepEqual(await finish(c), { count: 5 * STEPS });
});

test('scripts started together: each prints its own spikes or directory_in_use', { skip: SKIP }, async () => {
  mkdirSync(CWD, { recursive: true });
  for (let trial = 0; trial < 3; trial++) {
    const scripts = [2, 6].map((active) => ({ active, script: start(active) }));
    let succeeded = 0;
    for (const { active, script } of scripts) {
      const first = await script.first;
      if (first === 'built') {
        assert.deepEqual(await finish(script), { count: active * STEPS });
        succeeded++;
      } else {
        await script.done;
        assert.deepEqual(JSON.parse(first), { code: 'directory_in_use' });
      }
    }
    assert.ok(succeeded >= 1, 'at least one of the two ran');
  }
});

test('the lock of a killed script is taken over', { skip: SKIP }, async () => {
  mkdirSync(CWD, { recursive: true });
  const a = start(4);
  assert.equal(await a.first, 'built');
  a.child.kill('SIGKILL');
  const { signal } = await a.done;
  assert.equal(signal, 'SIGKILL');
  assert.ok(existsSync(join(CWD, 'output', LOCK_FILE)), 'a killed process leaves its lock');
  const b = start(1);
  assert.equal(await b.first, 'built');
  assert.deepEqual(await finish(b), { count: STEPS });
});
