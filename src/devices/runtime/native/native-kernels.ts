import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CppKernelContext } from '../../../compiler/4-generate/cpp/context.ts';
import { generateCppKernel, kernelArrayOrder } from '../../../compiler/4-generate/cpp/generate-kernel.ts';
import type { Kernel, KernelKind } from '../../../compiler/ir/kernel.ts';
import { cacheDirectory } from '../../cache-directory.ts';
import type { KernelFunction } from '../../device.ts';
import { expTablesHeader } from '../../standalone/exp-tables-source.ts';
import { DEFAULT_OPTIMISATION_FLAGS } from '../../standalone/options.ts';
import { BRIANLIB_DIR } from '../../standalone/write-project.ts';
import { type DeviceArray, StaticArray, type TypedArray } from '../arrays.ts';
import { type NativeLoader, nativeLoader, runCompiler } from './loader.ts';

/**
 * Kinds compiled to native code: the loops over every neuron at every step, where JavaScript's
 * scalar code is slowest against vectorised C++. Their arrays never move (static arrays), so
 * pointers are fixed once. Everything else (synaptic propagation over growing arrays, monitors,
 * random numbers drawn from the runtime's stream) stays JavaScript.
 */
const NATIVE_KINDS: ReadonlySet<KernelKind> = new Set(['stateupdate', 'threshold', 'reset']);

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

/** Why a kernel stays JavaScript, or undefined when it can be compiled. */
export function nativeObstacle(kernel: Kernel, arrays: ReadonlyMap<string, DeviceArray>): string | undefined {
  if (!NATIVE_KINDS.has(kernel.kind)) return `kind ${kernel.kind}`;
  for (const info of kernel.arrays.values()) {
    if (info.dynamic || !(arrays.get(info.arrayId) instanceof StaticArray))
      return `dynamic array ${info.arrayId}`;
  }
  for (const f of kernel.functions) {
    if (f.stateful) return `stateful function ${f.name}`;
    if (f.user) return `user function ${f.name}`;
  }
  return undefined;
}

interface Pending {
  readonly symbol: string;
  readonly source: string;
  /** Definitions the kernel's inline functions call (TimedArray lookups). */
  readonly support: readonly string[];
  readonly arrays: readonly TypedArray[];
  bind(call: KernelFunction): void;
}

/**
 * The compiled-kernel side of the runtime device (`setDevice('runtime', { target: 'cpp' })`,
 * Brian's Cython target). Kernels are collected as the network prepares and compiled together
 * into one shared library at `flush()` (before the run loop, or at the first call of a kernel):
 * one compiler run per run, none when a library of the same sources is in the cache.
 */
export class NativeKernels {
  private pending: Pending[] = [];
  private readonly libraries = new Map<string, number>();

  constructor(
    private readonly arrays: ReadonlyMap<string, DeviceArray>,
    private readonly compiler = process.env.CXX ?? 'g++',
  ) {}

  /** A kernel function that runs the compiled code once the library is built. */
  add(kernel: Kernel): KernelFunction {
    const ctx: CppKernelContext = {
      array: (arrayId) => {
        const a = this.arrays.get(arrayId) as StaticArray;
        return { name: arrayId, type: a.type, dynamic: false, size: a.length };
      },
    };
    const anonymous = generateCppKernel(kernel, '_brian_kernel', ctx, 'table');
    const symbol = `k_${createHash('sha256').update(anonymous).digest('hex').slice(0, 20)}`;
    const source = generateCppKernel(kernel, symbol, ctx, 'table');
    const arrays = kernelArrayOrder(kernel).map(
      (info) => (this.arrays.get(info.arrayId) as StaticArray).data,
    );
    let impl: KernelFunction = (t, dt, timestep) => {
      this.flush();
      impl(t, dt, timestep);
    };
    const support = [...kernel.functions].flatMap((f) => (f.inline?.cppSupport ? [f.inline.cppSupport] : []));
    this.pending.push({ symbol, source, support, arrays, bind: (call) => (impl = call) });
    return (t, dt, timestep) => impl(t, dt, timestep);
  }

  /** Compiles (or finds in the cache) the library of every pending kernel and binds them. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const loader = nativeLoader(this.compiler);
    const sources = new Map(batch.map((p) => [p.symbol, p.source]));
    const support = new Set(batch.flatMap((p) => p.support));
    const library = this.library(loader, [...support, ...sources.values()].join('\n'));
    for (const p of batch) {
      const kernel = loader.bind(library, p.symbol, p.arrays);
      p.bind((t, dt, timestep) => loader.call(kernel, t, dt, timestep));
    }
  }

  private library(loader: NativeLoader, kernels: string): number {
    const tables = expTablesHeader();
    const source = `#include "kernel.h"\n\n${kernels}`;
    const key = createHash('sha256')
      .update(source)
      .update(FLAGS.join(' '))
      .update(this.compiler)
      .update(tables)
      .update(
        ['kernel.h', 'functions.h', 'random.h']
          .map((f) => readFileSync(join(BRIANLIB_DIR, f), 'utf8'))
          .join('\0'),
      )
      .digest('hex')
      .slice(0, 24);
    const known = this.libraries.get(key);
    if (known !== undefined) return known;
    const dir = cacheDirectory('native');
    const path = join(dir, `kernels-${key}.so`);
    if (!existsSync(path)) {
      const work = join(dir, `build-${key}-${process.pid}`);
      mkdirSync(work, { recursive: true });
      writeFileSync(join(work, 'exp_tables.h'), tables);
      writeFileSync(join(work, 'kernels.cpp'), source);
      const partial = join(work, 'kernels.so');
      runCompiler(
        this.compiler,
        [...FLAGS, `-I${BRIANLIB_DIR}`, `-I${work}`, join(work, 'kernels.cpp'), '-o', partial],
        "the runtime device's compiled kernels",
      );
      renameSync(partial, path);
      rmSync(work, { recursive: true, force: true });
    }
    const index = loader.open(path);
    this.libraries.set(key, index);
    return index;
  }
}
