import { generateJsKernel } from '../../compiler/4-generate/js/generate-kernel.ts';
import type { ScalarType } from '../../compiler/functions.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { optimiseKernel } from '../../compiler/ir/passes/optimise-kernel.ts';
import { randomSites } from '../../compiler/ir/random-sites.ts';
import { DrawState } from '../../core/random/draw-state.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type NativeKernelBackend, NEEDS_NODE_HINT, platform } from '../../platform/platform.ts';
import { describeValue } from '../../validation/describe-value.ts';
import type {
  Device,
  KernelCalls,
  KernelFunction,
  NetworkRun,
  NetworkRunResult,
  SynapsesConnected,
} from '../device.ts';
import type { ThreadsOption } from '../threads.ts';
import { allocateTyped, type DeviceArray, DynamicArray, StaticArray, type TypedArray } from './arrays.ts';
import { brianPrelude } from './prelude.ts';
import { runLoop, runLoopAsync } from './run-loop.ts';
import { simdKernel, updateThresholdKernel } from './simd-kernels.ts';
import { synapsesConnected } from './synapses-connected.ts';
import { WasmArena, wasmSimdAvailable } from './wasm-arena.ts';

export type { KernelFunction } from '../device.ts';

/** A generated kernel: `call` is the number of a one-off call that draws (undefined at every step). */
type GeneratedKernel = (t: number, dt: number, timestep: number, call?: number) => void;

type KernelFactory = (
  arrays: ReadonlyMap<string, DeviceArray>,
  brian: typeof brianPrelude,
  draws: DrawState,
  user: Readonly<Record<string, (...args: number[]) => number>>,
  /** The `run` of a SIMD state update's module (simd-kernels.ts), for its JavaScript part. */
  wasm?: (...args: number[]) => void,
) => GeneratedKernel;

/** Options of the runtime device (`setDevice('runtime', options)`). */
export interface RuntimeOptions {
  /**
   * How kernels are made (Brian's `prefs.codegen.target`):
   * - `'js'` (default): JavaScript compiled in this process, ready in milliseconds;
   * - `'cpp'`: the kernels that run every step over neurons or synapses (state updates,
   *   thresholds, resets, propagation, summed variables) compiled with g++ into a shared library
   *   loaded into this process (as Brian's Cython target), vectorised for this CPU, with the
   *   JavaScript kernels' results (see native/README.md); everything else stays JavaScript.
   *   Libraries are cached, so only the first run of a model pays the compiler (under a second).
   * Without this option, `$BRIAN_RUNTIME_TARGET` decides (so a script can be run either way
   * unchanged), else `'js'`.
   */
  readonly target?: 'js' | 'cpp';
  /**
   * OpenMP threads of the compiled kernels (target `'cpp'`): a whole number (0 or 1: none, the
   * default) or `'auto'` (every core this process may use). State updates, thresholds, resets,
   * propagation (shared out by target neuron) and summed variables are split; the results are
   * the same to the bit for any number of threads. JavaScript kernels run on one thread
   * (`'auto'` is accepted there and means one).
   */
  readonly threads?: ThreadsOption;
  /**
   * With JavaScript kernels: run state updates of groups of at least 256 neurons as WebAssembly
   * SIMD, two neurons per instruction, where the equations allow it (float arithmetic,
   * comparisons, sqrt/abs/floor/ceil; see `kernelTargets`). Results are the same to the bit.
   * Default true; false keeps every kernel JavaScript.
   */
  readonly simd?: boolean;
}

/**
 * The runtime device: state lives in typed arrays of this process, kernels are generated
 * JavaScript compiled with `new Function` and cached by their source text, so identical kernels
 * (a second network of the same model, a repeated setter) are compiled once.
 */
export class RuntimeDevice implements Device {
  readonly kind = 'runtime';
  readonly inProcess = true;
  readonly arrays = new Map<string, DeviceArray>();
  /** The random state: seed, epoch and one-off calls (core/random/draw-state.ts). */
  readonly draws = new DrawState();
  private readonly factories = new Map<string, KernelFactory>();
  /** Source of the most recent kernels by name, for debugging (`BRIAN_DUMP_KERNELS=1`). */
  readonly sources = new Map<string, string>();
  /** Each kernel's JavaScript text whatever its target: what a checkpoint's code hash reads. */
  readonly kernelText = new Map<string, string>();
  private readonly native?: NativeKernelBackend;
  /**
   * How each kernel that runs every step runs, by kernel name: `'cpp'` (target `'cpp'`),
   * `'wasm'` (a SIMD state update), or `'js'` and why not the other (`'js: kind spikemonitor'`,
   * `'js: user function f'`…).
   */
  readonly kernelTargets = new Map<string, string>();
  /** WebAssembly memory for large static arrays, so that state updates can run as SIMD. */
  private readonly arena?: WasmArena;
  /** `$BRIAN_UPDATE_THRESHOLD` (see fuseUpdateAndThreshold), checked when the device is made. */
  private readonly updateThreshold: 'auto' | 'fused' | 'apart';
  /** Each kernel optimised once: compile() and fuseUpdateAndThreshold() both need it (ms each). */
  private readonly optimised = new WeakMap<Kernel, Kernel>();

  constructor(readonly options: RuntimeOptions = {}) {
    const target = options.target ?? platform().env('BRIAN_RUNTIME_TARGET') ?? 'js';
    if (target !== 'js' && target !== 'cpp') {
      const where = options.target === undefined ? ' (from $BRIAN_RUNTIME_TARGET)' : '';
      throw new BrianError(
        'bad_argument',
        `Unknown runtime target ${describeValue(target)}${where}; targets are 'js' and 'cpp'.`,
      );
    }
    if (
      target === 'js' &&
      options.threads !== undefined &&
      options.threads !== 'auto' &&
      options.threads > 1
    ) {
      throw new BrianError(
        'bad_argument',
        `threads: ${options.threads} needs compiled kernels; JavaScript kernels run on one thread.`,
        { hint: "setDevice('runtime', { target: 'cpp', threads })" },
      );
    }
    const updateThreshold = platform().env('BRIAN_UPDATE_THRESHOLD') ?? 'auto';
    if (updateThreshold !== 'auto' && updateThreshold !== 'fused' && updateThreshold !== 'apart') {
      throw new BrianError(
        'bad_argument',
        `$BRIAN_UPDATE_THRESHOLD is ${describeValue(updateThreshold)}; it is 'auto' (the default), 'fused' or 'apart'.`,
      );
    }
    this.updateThreshold = updateThreshold;
    if (target === 'cpp') {
      const native = platform().nativeKernels;
      if (!native) {
        throw new BrianError(
          'not_available_on_platform',
          "The runtime target 'cpp' compiles kernels with g++ and loads them into this process.",
          { hint: NEEDS_NODE_HINT },
        );
      }
      this.native = native(this.arrays, this.draws, options.threads);
    } else if (options.simd !== false && wasmSimdAvailable()) {
      this.arena = new WasmArena();
    }
  }

  allocate(arrayId: string, type: ScalarType, size: number, fill = 0): StaticArray {
    const inArena = this.arena?.allocate(type, size);
    const data = inArena?.data ?? allocateTyped(type, size);
    if (fill !== 0) data.fill(fill);
    const array = new StaticArray(type, data, inArena?.place);
    this.arrays.set(arrayId, array);
    return array;
  }

  allocateDynamic(arrayId: string, type: ScalarType): DynamicArray {
    const array = new DynamicArray(type);
    this.arrays.set(arrayId, array);
    return array;
  }

  array(arrayId: string): DeviceArray {
    const a = this.arrays.get(arrayId);
    if (!a) throw new Error(`internal: no array ${arrayId} on the runtime device`);
    return a;
  }

  /** The live values of an array (no copy). */
  values(arrayId: string): TypedArray {
    return this.array(arrayId).view();
  }

  /** Generates, compiles (or reuses) and binds a kernel. */
  compile(kernel: Kernel, calls: KernelCalls): KernelFunction {
    platform().tuneForKernels();
    const optimised = this.optimise(kernel);
    const draws = randomSites(optimised).count > 0;
    const stream = draws ? this.draws.stream(kernel.name) : undefined;
    if (this.native && calls === 'every_step') {
      const obstacle = this.native.obstacle(optimised);
      this.kernelTargets.set(kernel.name, obstacle === undefined ? 'cpp' : `js: ${obstacle}`);
      if (obstacle === undefined) {
        const { fn, source } = this.native.add(optimised, stream);
        this.remember(kernel.name, source);
        // Fingerprints read the target-independent text (compiled sources differ between processes).
        this.kernelText.set(kernel.name, generateJsKernel(optimised, stream));
        return fn;
      }
    }
    let source = generateJsKernel(optimised, stream);
    this.kernelText.set(kernel.name, source);
    let wasm: ((...args: number[]) => void) | undefined;
    if (this.arena && calls === 'every_step') {
      const simd = simdKernel(optimised, this.arrays, stream);
      this.kernelTargets.set(kernel.name, 'obstacle' in simd ? `js: ${simd.obstacle}` : 'wasm');
      if ('run' in simd) {
        source = simd.source;
        wasm = simd.run;
      }
    }
    this.remember(kernel.name, source);
    const fn = this.bind(source, kernel, wasm);
    if (calls === 'every_step' || !draws) return fn;
    // A one-off call that draws is keyed by its number (DrawState).
    return (t, dt, timestep) => fn(t, dt, timestep, this.draws.nextCall());
  }

  /**
   * The group's threshold in its state update's SIMD loop (simd-kernels.ts), where both run as
   * SIMD and the update's loop is small enough to gain from it. `$BRIAN_UPDATE_THRESHOLD`:
   * `auto` (the default), `fused` (whatever the loop's size) or `apart` (never), for benchmarks.
   */
  fuseUpdateAndThreshold(update: Kernel, threshold: Kernel): KernelFunction | undefined {
    if (!this.arena || this.updateThreshold === 'apart') return undefined;
    const simd = updateThresholdKernel(
      this.optimise(update),
      this.optimise(threshold),
      this.arrays,
      this.updateThreshold === 'fused',
    );
    if ('obstacle' in simd) {
      this.kernelTargets.set(
        threshold.name,
        `${this.kernelTargets.get(threshold.name)}; not in ${update.name}'s loop: ${simd.obstacle}`,
      );
      return undefined;
    }
    this.kernelTargets.set(update.name, 'wasm');
    this.kernelTargets.set(threshold.name, `wasm: in ${update.name}'s loop`);
    this.remember(update.name, simd.source);
    const both = { ...update, functions: new Set([...update.functions, ...threshold.functions]) };
    return this.bind(simd.source, both, simd.run);
  }

  private optimise(kernel: Kernel): Kernel {
    let optimised = this.optimised.get(kernel);
    if (!optimised) {
      optimised = optimiseKernel(kernel);
      this.optimised.set(kernel, optimised);
    }
    return optimised;
  }

  /** The kernel function of `source`, its factory compiled once per text, bound to this device. */
  private bind(source: string, kernel: Kernel, wasm?: (...args: number[]) => void): GeneratedKernel {
    let factory = this.factories.get(source);
    if (!factory) {
      factory = new Function('_arrays', '_brian', '_rng', '_user', '_wasm', source) as KernelFactory;
      this.factories.set(source, factory);
    }
    const user: Record<string, (...args: number[]) => number> = {};
    for (const f of kernel.functions) {
      if (!f.user) continue;
      if (!f.user.js) {
        throw new BrianError(
          'not_available_on_device',
          `Function ${f.name} has no JavaScript implementation, so it cannot run on the runtime device.`,
          { hint: "give it a js implementation, or use setDevice('cpp_standalone')" },
        );
      }
      user[f.name] = f.user.js;
    }
    return factory(this.arrays, brianPrelude, this.draws, user, wasm);
  }

  private remember(name: string, source: string): void {
    this.sources.set(name, source);
    if (platform().env('BRIAN_DUMP_KERNELS')) platform().write('stderr', `${source}\n`);
  }

  seed(value?: number): void {
    this.draws.seed(value ?? Math.floor(Math.random() * 2 ** 32));
  }

  assign(
    arrayId: string,
    _indices: Int32Array | undefined,
    _value: unknown,
    write: (storage: TypedArray) => void,
  ): void {
    write(this.values(arrayId));
  }

  replace(arrayId: string, values: TypedArray): void {
    const a = this.array(arrayId);
    if (a instanceof DynamicArray) a.resize(values.length);
    else if (a.length !== values.length) {
      throw new Error(`internal: ${arrayId} has ${a.length} elements, not ${values.length}`);
    }
    a.data.set(values);
  }

  arange(arrayId: string, lengthOf: string, offset: number): void {
    const a = this.array(arrayId) as DynamicArray;
    const n = this.array(lengthOf).length;
    a.resize(n);
    for (let k = 0; k < n; k++) a.data[k] = offset + k;
  }

  append(arrayId: string, values: Int32Array | Float64Array): void {
    const a = this.array(arrayId) as DynamicArray;
    for (let k = 0; k < values.length; k++) a.push(values[k]);
  }

  synapsesConnected(spec: SynapsesConnected): void {
    synapsesConnected(this.arrays, spec);
  }

  runNetwork(run: NetworkRun): NetworkRunResult {
    this.native?.flush();
    this.draws.runStarts(run.start);
    const result = runLoop(run, this.arrays);
    this.draws.runEnded(result.time);
    return result;
  }

  async runNetworkAsync(run: NetworkRun): Promise<NetworkRunResult> {
    this.native?.flush();
    this.draws.runStarts(run.start);
    const result = await runLoopAsync(run, this.arrays);
    this.draws.runEnded(result.time);
    return result;
  }
}
