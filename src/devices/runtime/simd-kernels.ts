import { emitBlock } from '../../compiler/4-generate/js/emit-block.ts';
import { generateJsKernel } from '../../compiler/4-generate/js/generate-kernel.ts';
import {
  generateWasmKernel,
  wasmKernelArrays,
  wasmObstacle,
} from '../../compiler/4-generate/wasm/generate-kernel.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
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
  let memory: WebAssembly.Memory | undefined;
  const places = new Map<string, { offset: number; length: number }>();
  for (const id of wasmKernelArrays(kernel)) {
    const a = arrays.get(id);
    if (!(a instanceof StaticArray) || !a.place) return { obstacle: `${id} is not in WebAssembly memory` };
    if (memory && a.place.memory !== memory) return { obstacle: 'arrays in two WebAssembly memories' };
    memory = a.place.memory;
    places.set(id, { offset: a.place.offset, length: a.length });
  }
  if (!memory) return { obstacle: 'no arrays' };
  const pages = memory.buffer.byteLength / 65536;
  const wasm = generateWasmKernel(kernel, (id) => places.get(id)!, pages);
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
    emitBlock(w, k.scalar, k, declared);
    w.line(`_wasm(${[String(wasm.count), ...wasm.args].join(', ')});`);
  });
  return { source, run };
}
