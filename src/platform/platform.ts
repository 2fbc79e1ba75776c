import type { Kernel } from '../compiler/ir/kernel.ts';
import type { DrawState } from '../core/random/draw-state.ts';
import type { KernelFunction } from '../devices/device.ts';
import type { DeviceArray } from '../devices/runtime/arrays.ts';
import type { CppStandaloneDevice } from '../devices/standalone/cpp-standalone-device.ts';
import type { StandaloneOptions } from '../devices/standalone/options.ts';
import type { ThreadsOption } from '../devices/threads.ts';
import type { OpenCheckpoint } from '../network/checkpoint-options.ts';
import type { Snapshot } from '../network/snapshot.ts';

/**
 * What brian-ts asks of the JavaScript host beyond the language itself. The core (everything
 * `src/index.ts` reaches) runs on any host, a browser page or Web Worker included, and uses only
 * this object for what differs: environment switches, where text reports go, and the parts
 * that need Node (g++, child processes, files), which are absent until the Node entry
 * (`src/node.ts`, what `brian-ts` resolves to under Node) installs them. Nothing here is read
 * at import time, so importing the core never touches `process`.
 */
export interface Platform {
  /** An environment switch (`BRIAN_RUNTIME_TARGET`, `BRIAN_DUMP_KERNELS`…); none outside Node. */
  env(name: string): string | undefined;
  /** Writes text reports and log lines (`text` ends with a newline). */
  write(stream: 'stdout' | 'stderr', text: string): void;
  /** Host tuning applied once before the first generated kernel is compiled (V8 flags in Node). */
  tuneForKernels(): void;
  /** Runs a slice of the step loop under the host's settings for it (V8 without OSR in Node). */
  runStepLoop<T>(body: () => T): T;
  /** Kernels compiled by g++ into this process (runtime target `'cpp'`); Node only. */
  readonly nativeKernels?: NativeKernelsFactory;
  /** The C++ standalone device (`setDevice('cpp_standalone')`); Node only. */
  readonly standaloneDevice?: (options: StandaloneOptions) => CppStandaloneDevice;
  /** `store(name, filename)` / `restore(name, filename)`; Node only. */
  readonly snapshotFiles?: SnapshotFiles;
  /** The checkpoints of durable runs, `run(…, { checkpoint })`, in files; Node only. */
  readonly checkpoints?: OpenCheckpoint;
  /** The text of a file, read synchronously (`Morphology.fromFile`); Node only. */
  readonly readTextFile?: (filename: string) => string;
}

/** The runtime device's compiled-kernel backend (src/devices/runtime/native/). */
export interface NativeKernelBackend {
  /** Why this kernel cannot be compiled natively (`'kind spikemonitor'`…), or undefined when it can. */
  obstacle(kernel: Kernel): string | undefined;
  /** `randomStream`: the kernel's stream number when it draws random numbers (DrawState.stream). */
  add(kernel: Kernel, randomStream?: number): { fn: KernelFunction; source: string };
  /** Builds the kernels added since the last flush. */
  flush(): void;
}

export type NativeKernelsFactory = (
  arrays: ReadonlyMap<string, DeviceArray>,
  draws: DrawState,
  threads: ThreadsOption | undefined,
) => NativeKernelBackend;

/** Snapshot files (src/network/snapshot-file.ts): several named snapshots per file. */
export interface SnapshotFiles {
  /** Adds (or replaces) `name` in the file, atomically. */
  write(filename: string, name: string, snapshot: Snapshot): void;
  /** The snapshot `name`; undefined when the file has no such name (`store_not_found` without the file). */
  read(filename: string, name: string): Snapshot | undefined;
}

/** A host without Node: no environment, text to the console, no native parts. */
const portable: Platform = {
  env: () => undefined,
  write(stream, text) {
    const line = text.endsWith('\n') ? text.slice(0, -1) : text;
    if (stream === 'stderr') console.error(line);
    else console.log(line);
  },
  tuneForKernels() {},
  runStepLoop: (body) => body(),
};

let current: Platform = portable;

export function platform(): Platform {
  return current;
}

/** Replaces parts of the platform (the Node entry does this once, at import). */
export function installPlatform(parts: Partial<Platform>): void {
  current = { ...current, ...parts };
}

/** The error message's tail for a feature the platform lacks. */
export const NEEDS_NODE_HINT =
  "this needs Node.js: under Node, `import … from 'brian-ts'` gives the Node build (in this repository, import src/node.ts)";
