import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type DeviceArray, DynamicArray, StaticArray, type TypedArray } from '../runtime/arrays.ts';
import { arrayFileName } from './array-declarations.ts';
import type { ArrayDecl } from './program.ts';

/**
 * The arrays a run of the program wrote (`results/<C++ name>`, raw little-endian), read when
 * first asked for and kept. Dynamic arrays come back as DynamicArrays of their final length.
 */
export class Results {
  private readonly loaded = new Map<string, DeviceArray>();

  constructor(
    readonly directory: string,
    private readonly decls: ReadonlyMap<string, ArrayDecl>,
    /** Seconds of each run's step loop, in program order. */
    readonly runTimes: readonly number[],
    /** The program's peak resident memory in MiB (`getrusage`), when it reported it. */
    readonly peakMemoryMb?: number,
    /** Per run made with `profile: true` (by run index): seconds spent in each runner. */
    readonly profiles: ReadonlyMap<number, ReadonlyMap<string, number>> = new Map(),
  ) {}

  static read(directory: string, decls: ReadonlyMap<string, ArrayDecl>): Results {
    const info = join(directory, 'last_run_info.txt');
    const runTimes = existsSync(info)
      ? readFileSync(info, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map(Number)
      : [];
    const memory = join(directory, 'peak_memory_kb.txt');
    const peakKb = existsSync(memory) ? Number(readFileSync(memory, 'utf8').trim()) : Number.NaN;
    const profiles = new Map<number, Map<string, number>>();
    const profile = join(directory, 'profile.txt');
    if (existsSync(profile)) {
      for (const line of readFileSync(profile, 'utf8').split('\n')) {
        const [run, name, seconds] = line.split('\t');
        if (name === undefined) continue;
        if (!profiles.has(Number(run))) profiles.set(Number(run), new Map());
        profiles.get(Number(run))!.set(name, Number(seconds));
      }
    }
    return new Results(
      directory,
      decls,
      runTimes,
      Number.isFinite(peakKb) ? peakKb / 1024 : undefined,
      profiles,
    );
  }

  has(arrayId: string): boolean {
    return this.decls.has(arrayId);
  }

  array(arrayId: string): DeviceArray {
    const cached = this.loaded.get(arrayId);
    if (cached) return cached;
    const decl = this.decls.get(arrayId);
    if (!decl) throw new Error(`internal: no array ${arrayId} in the standalone program`);
    const path = join(this.directory, arrayFileName(decl.cppName));
    if (!existsSync(path)) {
      throw new BrianError(
        'standalone_run_error',
        `The results of the standalone program lack ${decl.id} (${path}).`,
      );
    }
    const bytes = readFileSync(path);
    const data = typed(decl, bytes);
    let array: DeviceArray;
    if (decl.dynamic) {
      const d = new DynamicArray(decl.type, Math.max(16, data.length));
      d.data.set(data);
      d.length = data.length;
      array = d;
    } else {
      array = new StaticArray(decl.type, data);
    }
    this.loaded.set(arrayId, array);
    return array;
  }
}

function typed(decl: ArrayDecl, bytes: Buffer): TypedArray {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  switch (decl.type) {
    case 'float':
      return new Float64Array(copy.buffer);
    case 'integer':
      return new Int32Array(copy.buffer);
    case 'boolean':
      return copy;
  }
}
