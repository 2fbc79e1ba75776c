import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { ClockState } from './clock.ts';
import type { ObjectSnapshot, Snapshot } from './snapshot.ts';

/**
 * Snapshots in a file (Brian's `store(name, filename)`, and the checkpoints of
 * `run(…, { checkpoint })`): JSON with base64 array data, several names per file (storing one
 * name keeps the others). `version` is the format's: this code reads version 2 (everything keyed
 * by object name) and refuses any other with `snapshot_format`, as it does a file that is not a
 * snapshot file at all.
 *
 * A file is replaced atomically (written to a temporary file in the same directory, flushed to
 * the disk, renamed over the old one), so a process killed while writing leaves the previous
 * file intact, never a truncated one.
 */
interface SnapshotFile {
  readonly format: 'brian-ts-snapshot';
  readonly version: typeof VERSION;
  readonly snapshots: Record<string, SerializedSnapshot>;
}

const VERSION = 2;

interface SerializedSnapshot {
  time: number;
  random: number[];
  /** Only in checkpoints written at the end of their run (absent: false). */
  complete?: true;
  objects: Record<
    string,
    {
      arrays: Record<string, { type: string; length: number; base64: string }>;
      clocks: ClockState[];
      state?: unknown;
    }
  >;
}

const ARRAY_TYPES = { Float64Array, Int32Array, Uint8Array } as const;

/** Adds `name` to a snapshot file (other names in the file are kept). */
export function writeSnapshotFile(filename: string, name: string, snapshot: Snapshot): void {
  const file: SnapshotFile = existsSync(filename)
    ? readFile(filename)
    : { format: 'brian-ts-snapshot', version: VERSION, snapshots: {} };
  const objects: SerializedSnapshot['objects'] = {};
  for (const [objectName, o] of snapshot.objects) {
    const arrays: SerializedSnapshot['objects'][string]['arrays'] = {};
    for (const [key, a] of o.arrays) {
      arrays[key] = {
        type: a.values.constructor.name,
        length: a.length,
        base64: Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength).toString('base64'),
      };
    }
    objects[objectName] = { arrays, clocks: [...o.clocks], state: o.state };
  }
  file.snapshots[name] = {
    time: snapshot.time,
    random: [...snapshot.random],
    objects,
    ...(snapshot.complete ? { complete: true as const } : {}),
  };
  replaceFile(filename, JSON.stringify(file));
}

/** The snapshot `name` of a file, or undefined when the file has no such name. */
export function readSnapshotFile(filename: string, name: string): Snapshot | undefined {
  if (!existsSync(filename)) throw new BrianError('store_not_found', `No snapshot file ${filename}.`);
  const s = readFile(filename).snapshots[name];
  if (!s) return undefined;
  const objects = new Map<string, ObjectSnapshot>();
  for (const [objectName, o] of Object.entries(s.objects)) {
    const arrays = new Map<string, { values: TypedArray; length: number }>();
    for (const [key, a] of Object.entries(o.arrays)) {
      const bytes = Buffer.from(a.base64, 'base64');
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      arrays.set(key, {
        values: new ARRAY_TYPES[a.type as keyof typeof ARRAY_TYPES](copy.buffer),
        length: a.length,
      });
    }
    objects.set(objectName, { arrays, clocks: o.clocks, state: o.state });
  }
  return { time: s.time, objects, random: s.random, complete: s.complete === true };
}

/** The names stored in a snapshot file; none when there is no such file. */
export function snapshotFileNames(filename: string): string[] {
  return existsSync(filename) ? Object.keys(readFile(filename).snapshots) : [];
}

function readFile(filename: string): SnapshotFile {
  let file: Partial<SnapshotFile> | undefined;
  try {
    file = JSON.parse(readFileSync(filename, 'utf8'));
  } catch {
    file = undefined;
  }
  if (file === null || typeof file !== 'object' || file.format !== 'brian-ts-snapshot') {
    throw new BrianError('snapshot_format', `${filename} is not a brian-ts snapshot file.`, {
      hint: 'store() and run(…, { checkpoint }) write snapshot files; give another file name',
    });
  }
  if (file.version !== VERSION || file.snapshots === null || typeof file.snapshots !== 'object') {
    throw new BrianError(
      'snapshot_format',
      `${filename} is a snapshot file of format version ${String(file.version)}; this brian-ts reads version ${VERSION}.`,
      { hint: 'read it with the brian-ts that wrote it, or store the state again with this one' },
    );
  }
  return file as SnapshotFile;
}

/**
 * Replaces `filename` by `text` atomically: a temporary file in the same directory (so the
 * rename stays within one file system), flushed, renamed over the old file, then the directory
 * flushed so that the rename itself survives a crash.
 */
function replaceFile(filename: string, text: string): void {
  const directory = dirname(filename);
  const temporary = join(directory, temporaryName(basename(filename), process.pid));
  if (!swept.has(filename)) {
    swept.add(filename);
    removeLeftovers(directory, basename(filename));
  }
  try {
    const fd = openSync(temporary, 'w');
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, filename);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  syncDirectory(directory);
}

function temporaryName(base: string, pid: number): string {
  return `.${base}.${pid}.tmp`;
}

/** Files whose leftover temporaries were looked for by this process. */
const swept = new Set<string>();

/** Removes the temporary files that killed processes left beside `base` (once per file and process). */
function removeLeftovers(directory: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
      rmSync(join(directory, name), { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open or flush a directory; the file itself is flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
