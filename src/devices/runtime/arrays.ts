import type { ScalarType } from '../../compiler/functions.ts';
import type { ArenaPlace } from './wasm-arena.ts';

/**
 * Storage of the runtime device: one typed array per variable (Float64Array, Int32Array,
 * Uint8Array for booleans). Dynamic arrays (synapses, monitors) grow by doubling their
 * capacity; `data` may be replaced when they grow, so kernels re-read it at every call.
 */
export type TypedArray = Float64Array | Int32Array | Uint8Array;

export function allocateTyped(type: ScalarType, size: number): TypedArray {
  switch (type) {
    case 'float':
      return new Float64Array(size);
    case 'integer':
      return new Int32Array(size);
    case 'boolean':
      return new Uint8Array(size);
  }
}

export class StaticArray {
  readonly dynamic = false;
  constructor(
    readonly type: ScalarType,
    public data: TypedArray,
    /** Where `data` lies when it is a view into a WebAssembly memory (wasm-arena.ts). */
    readonly place?: ArenaPlace,
  ) {}

  get length(): number {
    return this.data.length;
  }

  /** The live values (a view, no copy). */
  view(): TypedArray {
    return this.data;
  }
}

export class DynamicArray {
  readonly dynamic = true;
  data: TypedArray;
  length = 0;

  constructor(
    readonly type: ScalarType,
    initialCapacity = 16,
  ) {
    this.data = allocateTyped(type, initialCapacity);
  }

  /** Makes room for `n` elements and sets the length; new elements are zero. */
  resize(n: number): void {
    if (n > this.data.length) {
      let capacity = Math.max(16, this.data.length);
      while (capacity < n) capacity *= 2;
      const grown = allocateTyped(this.type, capacity);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    } else if (n < this.length) {
      this.data.fill(0, n, this.length);
    }
    this.length = n;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.resize(this.length + 1);
    else this.length++;
    this.data[this.length - 1] = value;
  }

  /** The live values (a view on the first `length` elements, no copy). */
  view(): TypedArray {
    return this.data.subarray(0, this.length);
  }
}

export type DeviceArray = StaticArray | DynamicArray;
