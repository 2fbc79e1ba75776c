import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';

/**
 * One process at a time in a standalone project directory: writing the project, compiling,
 * running the program and reading its results happen under a lock file, so two scripts using
 * the same directory (Brian's default `output`) never read each other's results; the second one
 * gets the coded `directory_in_use`. A lock left by a process that died (killed, crashed) is
 * recognised by its process id and taken over.
 */
const LOCK_FILE = '.brian-ts.lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export function withDirectoryLock<T>(directory: string, fn: () => T): T {
  const release = acquire(directory);
  try {
    return fn();
  } finally {
    release();
  }
}

function acquire(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        // Only our own lock (a takeover after a long pause could have replaced it).
        if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (attempt < 3 && (holder === undefined ? false : isStale(holder))) {
      rmSync(path, { force: true });
      continue;
    }
    if (attempt < 3 && holder === undefined) continue; // being written right now, or just removed
    throw new BrianError(
      'directory_in_use',
      `The standalone project directory ${directory} is in use by another process${holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : ''}.`,
      {
        hint: "give each script its own directory: setDevice('cpp_standalone', { directory: … }); if no such process runs, delete the lock file " + path,
      },
    );
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** A lock of a process of this machine that no longer exists (or of this very process, left by an interrupted build). */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname() || typeof holder.pid !== 'number') return false;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
