import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CppKernelContext } from '../../../compiler/4-generate/cpp/context.ts';
import { generateCppKernel, kernelArrayOrder } from '../../../compiler/4-generate/cpp/generate-kernel.ts';
import { mangleId } from '../../../compiler/4-generate/cpp/names.ts';
import type { Kernel, KernelKind } from '../../../compiler/ir/kernel.ts';
import { randomSites } from '../../../compiler/ir/random-sites.ts';
import type { DrawState } from '../../../core/random/draw-state.ts';
import type { NativeKernelBackend } from '../../../platform/platform.ts';
import { writableCacheDirectory } from '../../cache-directory.ts';
import type { KernelFunction } from '../../device.ts';
import { mathTablesHeader } from '../../standalone/math-tables-source.ts';
import { DEFAULT_OPTIMISATION_FLAGS } from '../../standalone/options.ts';
import { BRIANLIB_DIR } from '../../standalone/write-project.ts';
import { resolveThreads, type ThreadsOption } from '../../threads.ts';
import { withPartial } from '../../work-in-progress.ts';
import { type DeviceArray, DynamicArray, type TypedArray } from '../arrays.ts';
import { type NativeLoader, nativeLoader, runCompiler } from './loader.ts';

/**
 * Kinds compiled to native code: the loops that run at every step over neurons or synapses,
 * where JavaScript's scalar code is slowest against vectorised C++. They read and write arrays
 * but never grow them. Monitors (which append) and synapse creation stay JavaScript. Random
 * numbers are counter-based (core/random): a kernel that draws is given the device's seed and
 * epoch (its draw context) and computes the same numbers as the JavaScript kernel would.
 */
const NATIVE_KINDS: ReadonlySet<KernelKind> = new Set([
  'stateupdate',
  'threshold',
  'reset',
  'synapses',
  'summed_variable',
  'spatialstateupdate',
]);

/**
 * The flags of the standalone device's default build: C++17, JavaScript's int32 wrap-around,
 * no contraction into fused multiply-adds, no fast-math, so the results are the JavaScript
 * kernels' to the bit.
 */
const FLAGS = [
  '-std=c++17',
  '-fwrapv',
  '-ffp-contract=off',
  '-w',
  ...DEFAULT_OPTIMISATION_FLAGS,
  '-shared',
  '-fPIC',
];

/** A growing array as a kernel of the library sees it: its storage and length, nothing that grows. */
const DYNAMIC_VIEW = `template <typename T>
struct _DynamicView {
  T* const pointer;
  const int32_t length;
  T* data() const { return pointer; }
  size_t size() const { return (size_t)length; }
};
`;

/** The draw context brianlib declares for programs (kernels of a library take theirs as an argument). */
const RANDOM_STATE = `namespace brian {
DrawContext _draws;
}
`;

/** Why a kernel stays JavaScript, or undefined when it can be compiled. */
export function nativeObstacle(kernel: Kernel, arrays: ReadonlyMap<string, DeviceArray>): string | undefined {
  if (!NATIVE_KINDS.has(kernel.kind)) return `kind ${kernel.kind}`;
  for (const info of kernel.arrays.values()) {
    if (!arrays.has(info.arrayId)) return `array ${info.arrayId} not on the device`;
  }
  for (const f of kernel.functions) {
    if (f.user) return `user function ${f.name}`;
  }
  return undefined;
}

interface Pending {
  readonly symbol: string;
  readonly source: string;
  /** Definitions the kernel's inline functions call (TimedArray lookups). */
  readonly support: readonly string[];
  /** The ids of `arrays`, in the kernel function's table order. */
  readonly table: readonly string[];
  readonly arrays: readonly DeviceArray[];
  /** Draws random numbers: the table has one more entry, the stream's state. */
  readonly random: boolean;
  bind(bound: BoundKernel): void;
}

/** A kernel function of a loaded library with its arrays. */
interface BoundKernel {
  /** The loader's index. */
  readonly kernel: number;
  readonly arrays: readonly DeviceArray[];
  readonly call: KernelFunction;
  /** Kernel functions handed out (by `add`) that call it and have not been collected. */
  users: number;
  /** Frees it in the loader and forgets it (when the last user is collected). */
  release(): void;
}

/**
 * A bound kernel holds its arrays through the loader, which the garbage collector cannot see
 * through: when every kernel function using it has been collected (its network is gone, or
 * the next run prepared new ones), it is released, so that scripts building network after
 * network (parameter sweeps) do not keep every old network's arrays alive. Module-wide, so that
 * it outlives a device that was dropped.
 */
const users = new FinalizationRegistry<{ bound?: BoundKernel }>((held) => {
  const bound = held.bound;
  if (!bound) return;
  bound.users -= 1;
  if (bound.users === 0) bound.release();
});

/** What the library of a kernel was last given for one growing array. */
interface DynamicSlot {
  readonly slot: number;
  readonly array: DynamicArray;
  data: TypedArray;
  length: number;
}

/**
 * The compiled-kernel side of the runtime device (`setDevice('runtime', { target: 'cpp' })`,
 * Brian's Cython target). Kernels are collected as the network prepares and compiled together
 * into one shared library at `flush()` (before the run loop, or at the first call of a kernel):
 * one compiler run per run, none when a library of the same sources is in the cache.
 */
export class NativeKernels implements NativeKernelBackend {
  private pending: Pending[] = [];
  private readonly libraries = new Map<string, number>();
  /** Bound kernels by code and array ids (see `bind`). */
  private readonly bound = new Map<string, BoundKernel>();

  /** The draw context a compiled kernel that draws is given (DrawContext::from_doubles). */
  private readonly randomState = new Float64Array(6);

  /** OpenMP threads (0: the library is built without OpenMP). */
  private readonly threads: number;
  private readonly flags: readonly string[];

  constructor(
    private readonly arrays: ReadonlyMap<string, DeviceArray>,
    private readonly draws: DrawState,
    threads?: ThreadsOption,
    private readonly compiler = process.env.CXX ?? 'g++',
  ) {
    const n = resolveThreads(threads, availableParallelism(), "setDevice('runtime')");
    this.threads = n > 1 ? n : 0;
    this.flags = this.threads > 0 ? [...FLAGS, '-fopenmp'] : FLAGS;
    // libgomp reads its environment when it is loaded; idle threads sleep instead of spinning,
    // so that between two kernels they leave the cores to the JavaScript step loop and to other
    // processes (with spinning, two threads on a busy 2-core machine took 100× longer now and then).
    if (this.threads > 0) process.env.OMP_WAIT_POLICY ??= 'passive';
  }

  obstacle(kernel: Kernel): string | undefined {
    return nativeObstacle(kernel, this.arrays);
  }

  /** A kernel function that runs the compiled code once the library is built, and that code. */
  add(kernel: Kernel, randomStream?: number): { fn: KernelFunction; source: string } {
    const needed = new Set<string>();
    const ctx: CppKernelContext = {
      ...(this.threads > 0 ? { openmp: true, threads: this.threads } : {}),
      randomStream,
      array: (arrayId) => {
        const a = this.arrays.get(arrayId);
        if (!a) throw new Error(`internal: ${kernel.name} needs ${arrayId}, which is not on the device`);
        needed.add(arrayId);
        return a instanceof DynamicArray
          ? { name: `_dynamic_${mangleId(arrayId)}`, type: a.type, dynamic: true }
          : { name: arrayId, type: a.type, dynamic: false, size: a.length };
      },
    };
    // The kernel's arrays, then those whose length its skeleton reads (found by printing it once).
    const own = kernelArrayOrder(kernel).map((info) => info.arrayId);
    const random = randomSites(kernel).count > 0;
    generateCppKernel(kernel, '_brian_kernel', ctx, { table: own, randomState: random ? -1 : undefined });
    const table = [...own, ...[...needed].filter((id) => !kernel.arrays.has(id)).sort()];
    const linkage = { table, randomState: random ? table.length : undefined };
    // Named after its code, so that identical kernels share one symbol in a library.
    const anonymous = generateCppKernel(kernel, '_brian_kernel', ctx, linkage);
    const symbol = `k_${createHash('sha256').update(anonymous).digest('hex').slice(0, 20)}`;
    const source = anonymous.replace('void _brian_kernel(', `void ${symbol}(`);
    const arrays = table.map((id) => this.arrays.get(id) as DeviceArray);
    let impl: KernelFunction = (t, dt, timestep) => {
      this.flush();
      impl(t, dt, timestep);
    };
    const support = [...kernel.functions].flatMap((f) => (f.inline?.cppSupport ? [f.inline.cppSupport] : []));
    const held: { bound?: BoundKernel } = {};
    const bind = (bound: BoundKernel) => {
      bound.users += 1;
      held.bound = bound;
      impl = bound.call;
    };
    this.pending.push({ symbol, source, support, table, arrays, random, bind });
    const fn: KernelFunction = (t, dt, timestep) => impl(t, dt, timestep);
    users.register(fn, held);
    return { fn, source };
  }

  /** Compiles (or finds in the cache) the library of every pending kernel and binds them. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const key = (p: Pending) => `${p.symbol}|${p.table.join(',')}`;
    const fresh = batch.filter((p) => {
      const known = this.bound.get(key(p));
      return !known || known.arrays.some((a, k) => a !== p.arrays[k]);
    });
    if (fresh.length > 0) {
      const loader = nativeLoader(this.compiler);
      const sources = new Map(fresh.map((p) => [p.symbol, p.source]));
      const support = new Set(fresh.flatMap((p) => p.support));
      const library = this.library(loader, [...support, ...sources.values()].join('\n'));
      // An array allocated anew (a pathway's buffer of due synapses, at every run) gives a new
      // binding; the last run's is released once its kernel functions are collected.
      for (const p of fresh) this.bound.set(key(p), this.bind(loader, library, p, key(p)));
    }
    for (const p of batch) p.bind(this.bound.get(key(p)) as BoundKernel);
  }

  /**
   * The function calling a kernel of a library with its arrays. A kernel with the same code and
   * arrays in a later run (the usual case: every run prepares its kernels again) reuses it.
   */
  private bind(loader: NativeLoader, library: number, p: Pending, key: string): BoundKernel {
    const kernel = loader.bind(
      library,
      p.symbol,
      [...p.arrays.map((a) => a.data), ...(p.random ? [this.randomState] : [])],
      [...p.arrays.map((a) => a.length), ...(p.random ? [this.randomState.length] : [])],
    );
    const growing: DynamicSlot[] = [];
    p.arrays.forEach((array, slot) => {
      if (array instanceof DynamicArray)
        growing.push({ slot, array, data: array.data, length: array.length });
    });
    let call: KernelFunction = (t, dt, timestep) => loader.call(kernel, t, dt, timestep);
    if (p.random) {
      const { draws, randomState } = this;
      const draw = call;
      call = (t, dt, timestep) => {
        draws.saveContextTo(randomState);
        draw(t, dt, timestep);
      };
    }
    if (growing.length > 0) {
      // Synapses created or monitors grown since the last call (between runs, or by a network
      // operation) move storage or change lengths: the library is told before the next call.
      const run = call;
      call = (t, dt, timestep) => {
        for (const g of growing) {
          if (g.array.data !== g.data || g.array.length !== g.length) {
            g.data = g.array.data;
            g.length = g.array.length;
            loader.update(kernel, g.slot, g.data, g.length);
          }
        }
        run(t, dt, timestep);
      };
    }
    const map = this.bound;
    const bound: BoundKernel = {
      kernel,
      arrays: p.arrays,
      call,
      users: 0,
      release: () => {
        loader.release(kernel);
        if (map.get(key) === bound) map.delete(key);
      },
    };
    return bound;
  }

  private library(loader: NativeLoader, kernels: string): number {
    const tables = mathTablesHeader();
    const source = `#include "kernel.h"\n\n${DYNAMIC_VIEW}\n${RANDOM_STATE}\n${kernels}`;
    const key = createHash('sha256')
      .update(source)
      .update(this.flags.join(' '))
      .update(this.compiler)
      .update(tables)
      .update(
        ['kernel.h', 'functions.h', 'random.h', 'brian_math.h', 'spikequeue.h', 'loop_choice.h']
          .map((f) => readFileSync(join(BRIANLIB_DIR, f), 'utf8'))
          .join('\0'),
      )
      .digest('hex')
      .slice(0, 24);
    const known = this.libraries.get(key);
    if (known !== undefined) return known;
    const dir = writableCacheDirectory('native');
    const path = join(dir, `kernels-${key}.so`);
    if (!existsSync(path)) {
      // The build folder goes when the compile fails too; one left by a killed process is swept.
      withPartial(dir, `build-${key}`, (work) => {
        mkdirSync(work, { recursive: true });
        writeFileSync(join(work, 'math_tables.h'), tables);
        writeFileSync(join(work, 'kernels.cpp'), source);
        const partial = join(work, 'kernels.so');
        runCompiler(
          this.compiler,
          [...this.flags, `-I${BRIANLIB_DIR}`, `-I${work}`, join(work, 'kernels.cpp'), '-o', partial],
          "the runtime device's compiled kernels",
        );
        renameSync(partial, path);
      });
    }
    const index = loader.open(path);
    this.libraries.set(key, index);
    return index;
  }
}
