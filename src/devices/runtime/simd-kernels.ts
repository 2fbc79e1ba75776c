import { emitBlock } from '../../compiler/4-generate/js/emit-block.ts';
import { generateJsKernel } from '../../compiler/4-generate/js/generate-kernel.ts';
import type { ThresholdParams } from '../../compiler/4-generate/js/kernels/threshold.ts';
import {
  generateWasmKernel,
  type WasmArrayPlace,
  type WasmKernel,
  wasmKernelArrays,
  wasmObstacle,
} from '../../compiler/4-generate/wasm/generate-kernel.ts';
import {
  generateUpdateThreshold,
  updateThresholdObstacle,
} from '../../compiler/4-generate/wasm/update-threshold.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { renameLocals } from '../../compiler/ir/rename-locals.ts';
import { type DeviceArray, StaticArray } from './arrays.ts';

/**
 * A state update whose per-element loop runs as WebAssembly SIMD (compiler/4-generate/wasm):
 * the JavaScript part computes the scalar block and calls the module's `run`. Either the
 * source of that JavaScript part and the module's exports, or why the kernel keeps its
 * JavaScript loop.
 */
export type SimdKernel =
  | { readonly source: string; readonly run: (...args: number[]) => void }
  | { readonly obstacle: string };

export function simdKernel(
  kernel: Kernel,
  arrays: ReadonlyMap<string, DeviceArray>,
  stream?: number,
): SimdKernel {
  const obstacle = wasmObstacle(kernel);
  if (obstacle !== undefined) return { obstacle };
  const generate = (places: (id: string) => WasmArrayPlace, pages: number) =>
    generateWasmKernel(kernel, places, pages);
  return instantiate(kernel, [kernel], arrays, wasmKernelArrays(kernel), generate, stream);
}

/**
 * A group's state update and its threshold as one SIMD loop (wasm/update-threshold.ts): the
 * JavaScript part computes both scalar blocks (the threshold's locals renamed apart) and calls
 * `run`, which also fills the spike space. `anySize`: also for a large update loop, where the
 * fused loop was measured slower (BRIAN_UPDATE_THRESHOLD=fused, for benchmarks).
 */
export function updateThresholdKernel(
  update: Kernel,
  threshold: Kernel,
  arrays: ReadonlyMap<string, DeviceArray>,
  anySize = false,
): SimdKernel {
  const obstacle = updateThresholdObstacle(update, threshold);
  if (obstacle !== undefined) return { obstacle };
  const apart = (name: string) => `_th_${name}`;
  const renamed = renameLocals(threshold, apart);
  const p = threshold.params as ThresholdParams;
  const ids = new Set([...wasmKernelArrays(update), ...wasmKernelArrays(renamed), p.eventspace]);
  if (p.refractory) ids.add(p.refractory.notRefractory).add(p.refractory.lastspike);
  const both: Kernel = {
    ...update,
    arrays: new Map([...update.arrays, ...renamed.arrays]),
    functions: new Set([...update.functions, ...renamed.functions]),
  };
  return instantiate(both, [update, renamed], arrays, ids, (places, pages) =>
    generateUpdateThreshold(update, renamed, apart('_cond'), places, pages, anySize),
  );
}

/**
 * Places the arrays `ids` (all in one WebAssembly memory), generates and compiles the module,
 * and prints the JavaScript part: the scalar blocks of `parts`, then the call of `run`.
 */
function instantiate(
  kernel: Kernel,
  parts: readonly Kernel[],
  arrays: ReadonlyMap<string, DeviceArray>,
  ids: ReadonlySet<string>,
  generate: (
    places: (id: string) => WasmArrayPlace,
    pages: number,
  ) => WasmKernel | { readonly obstacle: string },
  stream?: number,
): SimdKernel {
  let memory: WebAssembly.Memory | undefined;
  const places = new Map<string, { offset: number; length: number }>();
  for (const id of ids) {
    const a = arrays.get(id);
    if (!(a instanceof StaticArray) || !a.place) return { obstacle: `${id} is not in WebAssembly memory` };
    if (memory && a.place.memory !== memory) return { obstacle: 'arrays in two WebAssembly memories' };
    memory = a.place.memory;
    places.set(id, { offset: a.place.offset, length: a.length });
  }
  if (!memory) return { obstacle: 'no arrays' };
  const pages = memory.buffer.byteLength / 65536;
  const wasm = generate((id) => places.get(id)!, pages);
  if ('obstacle' in wasm) return wasm;
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(wasm.bytes);
  } catch (e) {
    // A browser's main thread compiles only small modules synchronously (RangeError); any
    // other failure is a generator bug and must be seen.
    if (e instanceof RangeError) return { obstacle: `the engine refused to compile it here: ${e.message}` };
    throw e;
  }
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const run = instance.exports.run as (...args: number[]) => void;
  const source = generateJsKernel(kernel, stream, (w, k, declared) => {
    for (const part of parts) emitBlock(w, part.scalar, k, declared);
    w.line(`_wasm(${[String(wasm.count), ...wasm.args].join(', ')});`);
  });
  return { source, run };
}
