import { TABLES_BYTES, writeTables } from '../../compiler/4-generate/wasm/memory-layout.ts';
import { ELEMENTS_PER_ITERATION } from '../../compiler/4-generate/wasm/vector-code.ts';
import type { ScalarType } from '../../compiler/functions.ts';
import type { TypedArray } from './arrays.ts';

/**
 * Static arrays that SIMD state updates can reach: typed-array views into WebAssembly memories.
 *
 * A memory never grows (growing would detach every view the JavaScript kernels hold, and a
 * detached view reads as empty: a silent wrong result). When a chunk is full, a new one is made;
 * a kernel whose arrays lie in two chunks simply keeps its JavaScript loop. Chunks are large and
 * cost only address space until written (the pages are the system's lazily zeroed ones).
 *
 * Each memory starts with the tables kernels look up (memory-layout.ts: exp's 2^(j/64)).
 *
 * Only arrays of at least MIN_ELEMENTS elements come here: a small group gains nothing from
 * SIMD, and a device that never makes a large group never makes a memory.
 */
export interface ArenaPlace {
  readonly memory: WebAssembly.Memory;
  /** Byte offset of element 0 (a multiple of PADDING). */
  readonly offset: number;
}

export const MIN_ELEMENTS = 256;
const PAGE = 65536;
const MIN_CHUNK = 16 * 1024 * 1024;
/** A chunk holds this many arrays the size of the one that opens it, so a group's arrays stay together. */
const ARRAYS_PER_CHUNK = 32;
/** wasm32 memories hold at most 65536 pages; keep one page below the limit. */
const MAX_BYTES = 65535 * PAGE;

/** Sizes and offsets are multiples of this: a whole SIMD iteration of doubles. */
const PADDING = 8 * ELEMENTS_PER_ITERATION;

const WIDTH: Readonly<Record<ScalarType, number>> = { float: 8, integer: 4, boolean: 1 };

interface Chunk {
  readonly memory: WebAssembly.Memory;
  used: number;
}

export class WasmArena {
  private current?: Chunk;
  private failed = false;

  /** A zeroed view of `size` elements in a memory, or undefined when the array stays outside. */
  allocate(type: ScalarType, size: number): { data: TypedArray; place: ArenaPlace } | undefined {
    if (size < MIN_ELEMENTS || this.failed) return undefined;
    // Padded: the SIMD loop does several elements at a time, so it may write into the padding.
    const bytes = Math.ceil((size * WIDTH[type]) / PADDING) * PADDING;
    if (bytes > MAX_BYTES - TABLES_BYTES) return undefined;
    let chunk = this.current;
    if (!chunk || chunk.used + bytes > chunk.memory.buffer.byteLength) {
      chunk = this.newChunk(bytes);
      if (!chunk) return undefined;
    }
    const offset = chunk.used;
    chunk.used += bytes;
    const buffer = chunk.memory.buffer;
    const data =
      type === 'float'
        ? new Float64Array(buffer, offset, size)
        : type === 'integer'
          ? new Int32Array(buffer, offset, size)
          : new Uint8Array(buffer, offset, size);
    return { data, place: { memory: chunk.memory, offset } };
  }

  private newChunk(bytes: number): Chunk | undefined {
    const size = Math.min(MAX_BYTES, Math.max(MIN_CHUNK, TABLES_BYTES + ARRAYS_PER_CHUNK * bytes));
    try {
      const memory = new WebAssembly.Memory({
        initial: Math.ceil(size / PAGE),
        maximum: Math.ceil(size / PAGE),
      });
      writeTables(memory.buffer);
      this.current = { memory, used: TABLES_BYTES };
      return this.current;
    } catch {
      // No address space for it (a 32-bit browser, a sandbox): plain typed arrays from now on.
      this.failed = true;
      return undefined;
    }
  }
}

/** Whether this engine runs WebAssembly SIMD (a module using one v128 instruction validates). */
export function wasmSimdAvailable(): boolean {
  if (typeof WebAssembly === 'undefined') return false;
  // (func (result v128) (v128.const i64x2 0 0))
  const probe = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02,
    0x01, 0x00, 0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0b,
  ]);
  try {
    return WebAssembly.validate(probe);
  } catch {
    return false;
  }
}
