/**
 * The WebAssembly binary format, as much of it as the SIMD kernels need: a byte writer with
 * LEB128 integers and little-endian doubles, and a module of one imported memory and one
 * exported function. Written by hand (about a hundred lines) rather than through a toolchain
 * package: the kernels are straight-line arithmetic and the format is stable.
 */
export class Bytes {
  private readonly out: number[] = [];

  byte(...values: number[]): this {
    for (const v of values) this.out.push(v & 0xff);
    return this;
  }

  /** Unsigned LEB128 (indices, sizes, memory offsets). */
  u32(value: number): this {
    let v = value >>> 0;
    do {
      const low = v & 0x7f;
      v >>>= 7;
      this.out.push(v === 0 ? low : low | 0x80);
    } while (v !== 0);
    return this;
  }

  /** Signed LEB128 (`i32.const`). */
  s32(value: number): this {
    let v = value | 0;
    for (;;) {
      const low = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (low & 0x40) === 0) || (v === -1 && (low & 0x40) !== 0);
      this.out.push(done ? low : low | 0x80);
      if (done) return this;
    }
  }

  /** A double as its 8 little-endian bytes (`f64.const`, lanes of `v128.const`). */
  f64(value: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    for (let k = 0; k < 8; k++) this.out.push(view.getUint8(k));
    return this;
  }

  /** A length-prefixed byte vector (a section's contents, a function body). */
  sized(inner: Bytes): this {
    this.u32(inner.length);
    for (const b of inner.out) this.out.push(b);
    return this;
  }

  name(text: string): this {
    const utf8 = new TextEncoder().encode(text);
    this.u32(utf8.length);
    for (const b of utf8) this.out.push(b);
    return this;
  }

  get length(): number {
    return this.out.length;
  }

  toUint8Array(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.out);
  }
}

export const VALTYPE = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValType = keyof typeof VALTYPE;

export interface WasmFunction {
  readonly params: readonly ValType[];
  /** Locals beyond the parameters, in order. */
  readonly locals: readonly ValType[];
  /** The body's instructions, without the final `end`. */
  readonly body: Bytes;
}

/**
 * A module importing memory `env.memory` (`pages` 64 KiB pages at least) and exporting
 * `run`, a function without results.
 */
export function wasmModule(fn: WasmFunction, pages: number): Uint8Array<ArrayBuffer> {
  const m = new Bytes().byte(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
  const section = (id: number, contents: Bytes) => m.byte(id).sized(contents);
  const type = new Bytes().u32(1).byte(0x60).u32(fn.params.length);
  for (const p of fn.params) type.byte(VALTYPE[p]);
  type.u32(0);
  section(1, type);
  section(2, new Bytes().u32(1).name('env').name('memory').byte(0x02, 0x00).u32(pages));
  section(3, new Bytes().u32(1).u32(0));
  section(7, new Bytes().u32(1).name('run').byte(0x00).u32(0));
  section(10, new Bytes().u32(1).sized(functionBody(fn)));
  return m.toUint8Array();
}

/** Locals (one entry per local, each a count of 1) and code, closed by `end`. */
function functionBody(fn: WasmFunction): Bytes {
  const b = new Bytes().u32(fn.locals.length);
  for (const l of fn.locals) b.u32(1).byte(VALTYPE[l]);
  const code = fn.body.toUint8Array();
  for (const byte of code) b.byte(byte);
  return b.byte(0x0b);
}
