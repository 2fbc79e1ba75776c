import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * One process at a time in a standalone project directory. The results of a run are read from
 * the directory lazily (when the script first asks for them), so the directory stays this
 * process's from its first build until the device forgets the program (`reinit()`) or the
 * process exits: two scripts using the same directory (Brian's default `output`) never read
 * each other's results; the second one gets the coded `directory_in_use`. A lock left by a
 * process that died (killed, crashed) is recognised by its process id and taken over.
 */
export const LOCK_FILE = '.brian-ts.lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** The directories this process holds (absolute paths), released at exit. */
const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the directory for this process (nothing to do when it already holds it). */
export function holdDirectory(directory: string): void {
  if (held.has(directory)) return;
  acquire(directory);
  held.add(directory);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const d of [...held]) releaseDirectory(d);
    });
  }
}

/**
 * Moves this process's hold from the previous project directory (if any) to `wanted` (resolved
 * against the working directory) and returns its absolute path.
 */
export function moveHold(wanted: string, previous: string | undefined): string {
  const directory = resolve(wanted);
  if (previous !== undefined && previous !== directory) releaseDirectory(previous);
  holdDirectory(directory);
  return directory;
}

/** Gives the directory back (a no-op for a directory this process does not hold). */
export function releaseDirectory(directory: string): void {
  if (!held.delete(directory)) return;
  const path = join(directory, LOCK_FILE);
  // Only our own lock: another process may have taken over a lock that looked stale.
  if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
}

function acquire(directory: string): void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const text = readText(path);
    const holder = parseHolder(text);
    if (attempt < 3 && (holder === undefined || isStale(holder))) {
      // Unreadable: being written right now or just removed, try again. Stale: remove it, but
      // only if it is still the file we judged (another process may have taken it over meanwhile).
      if (holder !== undefined && readText(path) === text) rmSync(path, { force: true });
      continue;
    }
    throw new BrianError(
      'directory_in_use',
      `The standalone project directory ${directory} is in use by another process${holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : ''}.`,
      {
        hint: `give each script its own directory: setDevice('cpp_standalone', { directory: … }); if no such process runs, delete the lock file ${path}`,
      },
    );
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string | undefined): Holder | undefined {
  if (text === undefined) return undefined;
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

function readHolder(path: string): Holder | undefined {
  return parseHolder(readText(path));
}

/** A lock of a process of this machine that no longer exists (a killed or crashed script). */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  // Our own pid but not held: a process that died before us had the same pid (pids are reused,
  // quickly in containers); this process never writes a lock without holding it.
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
