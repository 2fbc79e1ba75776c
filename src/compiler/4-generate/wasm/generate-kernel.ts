import type { Kernel, KernelKind } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import { LaneTyper, Unsupported } from './lane-types.ts';
import { stateupdate } from './state-update.ts';
import { VectorCode, type WasmArrayPlace } from './vector-code.ts';

/**
 * The WebAssembly SIMD target of the runtime device: per-element loops of state updates on two
 * neurons at once (f64x2); the scalar block stays JavaScript and passes its
 * values as arguments. Arithmetic is IEEE double precision, operation for operation in the same
 * order as the JavaScript kernel, without contraction, so results are the same to the bit
 * (test/runtime/wasm-kernels.test.ts runs both). Only what maps exactly is taken
 * (lane-types.ts); anything else keeps the JavaScript kernel, and {@link wasmObstacle} says why.
 */
interface Skeleton {
  /** The number of elements the loop visits, or why the kernel's shape does not fit. */
  count(kernel: Kernel): number | string;
  body(code: VectorCode): void;
}

/**
 * Kernel kinds with a SIMD skeleton. Thresholds were tried (a pair per iteration, `any_true`
 * to skip pairs that do not cross) and removed: at 0.44 ns per neuron they were no faster than
 * the JavaScript loop, at 4000 or 64000 neurons (min per call, CUBA: 1.74–2.27 µs against 1.80,
 * 28.3 against 28.1), since unpacking a boolean into a lane mask costs what a scalar test does.
 */
const WASM_KERNELS: Readonly<Partial<Record<KernelKind, Skeleton>>> = { stateupdate };

export type { WasmArrayPlace } from './vector-code.ts';

export interface WasmKernel {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Names whose values the JavaScript part passes after the element count, in order. */
  readonly args: readonly string[];
  readonly count: number;
}

/** Why this kernel cannot run as SIMD whatever its arrays' places, or undefined. */
export function wasmObstacle(kernel: Kernel): string | undefined {
  const skeleton = WASM_KERNELS[kernel.kind];
  if (!skeleton) return `kind ${kernel.kind}`;
  const count = skeleton.count(kernel);
  if (typeof count === 'string') return count;
  if (kernel.condition || kernel.extra) return 'a condition block';
  if (randomSites(kernel).count > 0) return 'random numbers';
  for (const a of kernel.arrays.values()) if (a.dynamic) return `dynamic array ${a.arrayId}`;
  try {
    new LaneTyper(kernel).check();
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    throw e;
  }
  return undefined;
}

/** Every array the SIMD loop reads or writes (those of the scalar block stay with JavaScript). */
export function wasmKernelArrays(kernel: Kernel): Set<string> {
  const v = kernel.vector;
  return new Set([...v.loads.map((a) => a.arrayId), ...v.stores.map((a) => a.arrayId)]);
}

/**
 * The module of a kernel {@link wasmObstacle} accepts, with its arrays at `places` in one memory
 * of `pages` pages; or why these places do not fit (an array longer than the loop).
 */
export function generateWasmKernel(
  kernel: Kernel,
  places: (arrayId: string) => WasmArrayPlace,
  pages: number,
): WasmKernel | { readonly obstacle: string } {
  const skeleton = WASM_KERNELS[kernel.kind];
  const count = skeleton?.count(kernel);
  if (!skeleton || typeof count !== 'number')
    throw new Error(`internal: ${kernel.name} is not a SIMD kernel`);
  const typer = new LaneTyper(kernel).check();
  const code = new VectorCode([typer], places, count);
  try {
    skeleton.body(code);
  } catch (e) {
    if (e instanceof Unsupported) return { obstacle: e.message };
    throw e;
  }
  return { bytes: code.module(pages), args: code.args, count };
}
