/**
 * A standalone program dies with the script that started it (issue 14): a script killed while
 * its compiled program runs leaves no orphan computing on (the program asks the kernel for
 * SIGKILL when its parent dies, PR_SET_PDEATHSIG); and a program whose parent died before it
 * could ask is told by the pid the script passes in BRIAN_TS_PARENT_PID, and exits at once.
 * Linux only (prctl and /proc).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PARENT_PID_VARIABLE } from '../../src/devices/standalone/main-source.ts';
import { HAS_COMPILER, projectDirectory } from './devices.ts';

const SKIP =
  process.platform !== 'linux'
    ? 'Linux only: the program uses prctl(PR_SET_PDEATHSIG) and the test reads /proc'
    : HAS_COMPILER
      ? false
      : 'g++ or make not found';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./fixtures/long-program.ts', import.meta.url));
const DIRECTORY = projectDirectory('parent death');
const PROGRAM = join(DIRECTORY, 'main');

/** Processes running the program, by pid (zombies, dead already, excluded). */
function programProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv0 = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0];
      if (argv0 === PROGRAM && !isZombie(Number(entry))) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** A process that has exited but was not reaped yet (state Z in /proc/<pid>/stat). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whatever happens, no program of this test is left running. */
after(() => {
  if (SKIP) return;
  for (const pid of programProcesses()) process.kill(pid, 'SIGKILL');
});

test('a script killed while its standalone program runs takes the program with it', {
  skip: SKIP,
  timeout: 300_000,
}, async () => {
  assert.deepEqual(programProcesses(), [], 'no program of an earlier run is left');
  const script = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/platform/node.ts', SCRIPT, DIRECTORY],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  script.stderr.on('data', (d) => {
    err += d;
  });
  let exited = false;
  const done = new Promise<NodeJS.Signals | null>((resolve) =>
    script.on('close', (_status, signal) => {
      exited = true;
      resolve(signal);
    }),
  );
  // The build (a compile the first time), then the program runs: it shows up in /proc.
  let running: number[] = [];
  while (running.length === 0 && !exited) {
    await sleep(100);
    running = programProcesses();
  }
  assert.equal(exited, false, `the script ended before its program ran:\n${err}`);
  assert.equal(running.length, 1);
  script.kill('SIGKILL');
  assert.equal(await done, 'SIGKILL');
  const deadline = Date.now() + 5000;
  while (programProcesses().length > 0 && Date.now() < deadline) await sleep(50);
  assert.deepEqual(programProcesses(), [], 'the program died with the script');
});

test('a program whose parent is not the process named in BRIAN_TS_PARENT_PID exits at once', {
  skip: SKIP,
}, () => {
  assert.ok(existsSync(PROGRAM), 'built by the test above');
  const results = mkdtempSync(join(tmpdir(), 'brian-ts-parent-'));
  try {
    // Its parent is this process; the variable names another (the script that started it died).
    const r = spawnSync(PROGRAM, ['--results_dir', results], {
      cwd: DIRECTORY,
      env: { ...process.env, [PARENT_PID_VARIABLE]: String(process.ppid) },
      timeout: 60_000,
    });
    assert.equal(r.signal, null, 'it exited by itself');
    assert.equal(r.status, 3);
    assert.deepEqual(readdirSync(results), [], 'it simulated nothing');
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
});
