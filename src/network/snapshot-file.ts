import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Snapshot files (`store(name, filename)`): JSON with base64 array data. Node only; the Node
 * platform (src/platform/node.ts) hands these two functions to the network.
 */
interface SnapshotFile {
  readonly format: 'brian-ts-snapshot';
  readonly version: 1;
  readonly snapshots: Record<string, SerializedSnapshot>;
}

interface SerializedSnapshot {
  time: number;
  arrays: Record<string, { type: string; length: number; base64: string }>;
  clocks: Record<string, number>;
  random: number[];
}

/** Adds `name` to a snapshot file (JSON with base64 array data; other names in the file are kept). */
export function writeSnapshotFile(filename: string, name: string, snapshot: Snapshot): void {
  const file: SnapshotFile = existsSync(filename)
    ? (JSON.parse(readFileSync(filename, 'utf8')) as SnapshotFile)
    : { format: 'brian-ts-snapshot', version: 1, snapshots: {} };
  const arrays: SerializedSnapshot['arrays'] = {};
  for (const [id, a] of snapshot.arrays) {
    arrays[id] = {
      type: a.values.constructor.name,
      length: a.length,
      base64: Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength).toString('base64'),
    };
  }
  file.snapshots[name] = {
    time: snapshot.time,
    arrays,
    clocks: Object.fromEntries(snapshot.clocks),
    random: [...snapshot.random],
  };
  writeFileSync(filename, JSON.stringify(file));
}

export function readSnapshotFile(filename: string, name: string): Snapshot | undefined {
  if (!existsSync(filename)) {
    throw new BrianError('store_not_found', `No snapshot file ${filename}.`);
  }
  const file = JSON.parse(readFileSync(filename, 'utf8')) as SnapshotFile;
  const s = file.snapshots?.[name];
  if (!s) return undefined;
  const ctor = { Float64Array, Int32Array, Uint8Array } as const;
  const arrays = new Map<string, { values: TypedArray; length: number }>();
  for (const [id, a] of Object.entries(s.arrays)) {
    const bytes = Buffer.from(a.base64, 'base64');
    const C = ctor[a.type as keyof typeof ctor];
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    arrays.set(id, { values: new C(copy.buffer), length: a.length });
  }
  return { time: s.time, arrays, clocks: new Map(Object.entries(s.clocks)), random: s.random };
}
