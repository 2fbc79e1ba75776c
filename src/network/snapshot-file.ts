import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { ClockState } from './clock.ts';
import type { ObjectSnapshot, Snapshot } from './snapshot.ts';

/**
 * Snapshots in a file (Brian's `store(name, filename)`): JSON with base64 array data, several
 * names per file (storing one name keeps the others). Version 2 keys everything by object name.
 */
interface SnapshotFile {
  readonly format: 'brian-ts-snapshot';
  readonly version: 2;
  readonly snapshots: Record<string, SerializedSnapshot>;
}

interface SerializedSnapshot {
  time: number;
  random: number[];
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
    : { format: 'brian-ts-snapshot', version: 2, snapshots: {} };
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
  file.snapshots[name] = { time: snapshot.time, random: [...snapshot.random], objects };
  writeFileSync(filename, JSON.stringify(file));
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
  return { time: s.time, objects, random: s.random };
}

function readFile(filename: string): SnapshotFile {
  const file = JSON.parse(readFileSync(filename, 'utf8')) as SnapshotFile;
  if (file.format !== 'brian-ts-snapshot' || file.version !== 2) {
    throw new BrianError('store_not_found', `${filename} is not a snapshot file of this brian-ts version.`, {
      hint: 'store the state again with this version',
    });
  }
  return file;
}
