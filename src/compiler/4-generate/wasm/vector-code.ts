import type { Expr } from '../../1-parse/ast.ts';
import type { ArrayAccess } from '../../ir/kernel.ts';
import { Bytes, type ValType, wasmModule } from './binary.ts';
import { emitExp } from './exp-simd.ts';
import { accessIndex, type LaneTyper, SIMD_EXP, SIMD_INT, Unsupported } from './lane-types.ts';
import { ARITHMETIC, COMPARE, MATH, OP, SIMD } from './simd-ops.ts';

/** Where the device put an array: its byte offset in the memory and its number of elements. */
export interface WasmArrayPlace {
  readonly offset: number;
  readonly length: number;
}

/**
 * Two-lane copies of the vector block per loop iteration. 2 was measured no faster on CUBA 64000
 * (state update 0.368 and 0.375 s against 0.355 and 0.359 s per 0.5 s): the loop is bound by
 * memory traffic, not by its branch.
 */
export const UNROLL = 1;
/**
 * Elements one iteration does: the loop runs past a group's last element by up to this many
 * minus one, so arrays must be padded to a multiple of it (the device's arena pads to whole
 * iterations) and be exactly the loop's length.
 */
export const ELEMENTS_PER_ITERATION = 2 * UNROLL;

const TO_LANE_BYTES = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
const FROM_LANE_BYTES = [0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The body of a SIMD kernel's function `run(n: i32, ...args: f64)`: the per-element loop over
 * elements 0 … n-1, two at a time, in which a skeleton (state-update.ts) places
 * the vector block's loads, statements and stores and its own code. Scalars arrive as doubles
 * (booleans as 0/1) and are splat once; booleans live as lane masks and are stored as the
 * bytes 0 and 1; array offsets are built into the memory accesses.
 */
export class VectorCode {
  readonly b = new Bytes();
  readonly params: ValType[];
  readonly locals: ValType[] = [];
  /** The element index of lane 0. */
  readonly i: number;
  private readonly off8: number;
  private readonly tmp: number;
  private readonly slots = new Map<string, number>();
  private readonly scratch = new Map<string, number[]>();

  /** The block being compiled: its lane types (set by {@link compute}). */
  private typer: LaneTyper;
  /** Every scalar the loop reads, in the order of `run`'s parameters after the count. */
  readonly args: readonly string[];

  /**
   * `typers`: the vector blocks this loop computes (a state update, then its group's threshold),
   * whose own names are distinct (ir/rename-locals.ts); `extraArgs`: scalars the skeleton reads
   * itself (the threshold's `t`).
   */
  constructor(
    typers: readonly LaneTyper[],
    private readonly places: (arrayId: string) => WasmArrayPlace,
    readonly count: number,
    extraArgs: readonly string[] = [],
  ) {
    this.typer = typers[0];
    this.args = [...new Set([...typers.flatMap((t) => t.args), ...extraArgs])];
    this.params = ['i32', ...this.args.map((): ValType => 'f64')];
    this.i = this.local('i32');
    this.off8 = this.local('i32');
    this.tmp = this.local('v128');
    for (const name of [...this.args, ...typers.flatMap((t) => [...t.own])])
      this.slots.set(name, this.local('v128'));
    this.args.forEach((name, k) => {
      this.get(1 + k);
      this.simd(SIMD.f64x2Splat);
      if (typers.some((t) => t.types.get(name) === 'boolean')) {
        this.constF64(0);
        this.simd(SIMD.f64x2Ne);
      }
      this.set(this.slot(name));
    });
  }

  /** The index of `run`'s f64 parameter that carries the scalar `name`. */
  param(name: string): number {
    const k = this.args.indexOf(name);
    if (k < 0) throw new Error(`internal: ${name} is not an argument of the SIMD loop`);
    return 1 + k;
  }

  /** The byte offset of lane 0's doubles (`i * 8`), set at the top of each iteration. */
  get byteOffset(): number {
    return this.off8;
  }

  /** `count` v128 locals for scratch work of `purpose` (exp), made at its first use. */
  temps(purpose: string, count: number): number[] {
    let made = this.scratch.get(purpose);
    if (!made) {
      made = Array.from({ length: count }, () => this.local('v128'));
      this.scratch.set(purpose, made);
    }
    return made;
  }

  /** A new local of `type`; its index. */
  local(type: ValType): number {
    return this.params.length + this.locals.push(type) - 1;
  }

  slot(name: string): number {
    const s = this.slots.get(name);
    if (s === undefined) throw new Error(`internal: no SIMD local for ${name}`);
    return s;
  }

  simd(op: number): this {
    this.b.byte(0xfd).u32(op);
    return this;
  }

  get(index: number): this {
    this.b.byte(OP.localGet).u32(index);
    return this;
  }

  set(index: number): this {
    this.b.byte(OP.localSet).u32(index);
    return this;
  }

  i32(value: number): this {
    this.b.byte(OP.i32Const).s32(value);
    return this;
  }

  memarg(align: number, offset: number): this {
    this.b.u32(align).u32(offset);
    return this;
  }

  constBytes(bytes: readonly number[]): void {
    this.simd(SIMD.v128Const);
    this.b.byte(...bytes);
  }

  constF64(value: number): void {
    this.simd(SIMD.v128Const);
    this.b.f64(value).f64(value);
  }

  /** Byte offset of element 0 of an own array (of element `element` of a shared one) plus `copy`'s lanes. */
  offset(a: ArrayAccess, copy = 0): number {
    const p = this.places(a.arrayId);
    const own = accessIndex(a) === 'own';
    // The loop writes whole iterations: an array longer than the loop would lose elements.
    if (own && p.length !== this.count)
      throw new Unsupported(`${a.arrayId} has ${p.length} elements, the loop ${this.count}`);
    if (p.offset % (8 * ELEMENTS_PER_ITERATION) !== 0)
      throw new Error(`internal: ${a.arrayId} is not aligned`);
    const width = a.type === 'float' ? 8 : 1;
    if (own) return p.offset + copy * 2 * width;
    return p.offset + width * (a.index.kind === 'shared' ? (a.index.element ?? 0) : 0);
  }

  /** `block (if n == 0 skip) loop`, and the byte offset of lane 0's doubles. */
  loopStart(): void {
    this.b.byte(OP.block, 0x40);
    this.get(0);
    this.b.byte(OP.i32Eqz, OP.br_if).u32(0);
    this.b.byte(OP.loop, 0x40);
    this.get(this.i).i32(3);
    this.b.byte(OP.i32Shl);
    this.set(this.off8);
  }

  /** Next iteration while i < n, and the ends of the loop and the block. */
  loopEnd(): void {
    this.get(this.i).i32(ELEMENTS_PER_ITERATION);
    this.b.byte(OP.i32Add, OP.localTee).u32(this.i);
    this.get(0);
    this.b.byte(OP.i32LtU, OP.br_if).u32(0);
    this.b.byte(OP.end, OP.end);
  }

  /**
   * Loads and statements of `typer`'s vector block for copy `copy` of the unrolled body. A load
   * listed in `forwards` (array id → a local of an earlier block holding that element's value,
   * read or just stored) takes that local instead of reading memory.
   */
  compute(copy: number, typer = this.typer, forwards?: ReadonlyMap<string, string>): void {
    this.typer = typer;
    const v = typer.kernel.vector;
    for (const l of v.loads) {
      const from = forwards?.get(l.arrayId);
      if (from !== undefined && accessIndex(l) === 'own') this.get(this.slot(from));
      else this.load(l, copy);
      this.set(this.slot(l.local));
    }
    for (const s of v.statements) {
      this.expr(s.value);
      this.set(this.slot(s.name));
    }
  }

  private load(l: ArrayAccess, copy: number): void {
    const at = this.offset(l, copy);
    const shared = accessIndex(l) === 'shared';
    if (l.type === 'float') {
      if (shared) this.i32(0).simd(SIMD.load64Splat).memarg(3, at);
      else this.get(this.off8).simd(SIMD.v128Load).memarg(4, at);
    } else if (shared) {
      this.i32(0).simd(SIMD.load8Splat).memarg(0, at);
      this.nonzeroBytes();
    } else {
      this.get(this.i).simd(SIMD.load16Splat).memarg(0, at);
      this.nonzeroBytes();
      this.shuffleSelf(TO_LANE_BYTES);
    }
  }

  /** `typer`'s vector block's stores for copy `copy`. */
  stores(copy: number, typer = this.typer): void {
    for (const s of typer.kernel.vector.stores) {
      const at = this.offset(s, copy);
      if (s.type === 'float') {
        this.get(this.off8).get(this.slot(s.local)).simd(SIMD.v128Store).memarg(4, at);
      } else {
        this.get(this.i).get(this.slot(s.local));
        this.shuffleSelf(FROM_LANE_BYTES);
        this.constBytes(new Array(16).fill(1));
        this.simd(SIMD.v128And).simd(SIMD.store16Lane).memarg(0, at);
        this.b.byte(0);
      }
    }
  }

  /** Per-byte 0xff where the byte is not zero (any nonzero stored boolean is true). */
  private nonzeroBytes(): void {
    this.constBytes(new Array(16).fill(0));
    this.simd(SIMD.i8x16Eq).simd(SIMD.v128Not);
  }

  private shuffleSelf(lanes: readonly number[]): void {
    this.set(this.tmp).get(this.tmp).get(this.tmp).simd(SIMD.i8x16Shuffle);
    this.b.byte(...lanes);
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case 'Number':
        this.constF64(e.value);
        return;
      case 'Bool':
        this.constBytes(new Array(16).fill(e.value ? 0xff : 0));
        return;
      case 'Name':
        this.get(this.slot(e.name));
        return;
      case 'Unary':
        this.expr(e.operand);
        if (e.op === '-') this.simd(SIMD.f64x2Neg);
        else if (e.op === 'not') this.simd(SIMD.v128Not);
        return;
      case 'Binary':
        this.expr(e.left);
        this.expr(e.right);
        this.simd(ARITHMETIC[e.op]);
        return;
      case 'Compare':
        this.expr(e.left);
        this.expr(e.right);
        if (this.typer.expr(e.left) === 'boolean') {
          this.simd(SIMD.v128Xor);
          if (e.op === '==') this.simd(SIMD.v128Not);
        } else this.simd(COMPARE[e.op]);
        return;
      case 'Logical':
        this.expr(e.left);
        this.expr(e.right);
        this.simd(e.op === 'and' ? SIMD.v128And : SIMD.v128Or);
        return;
      case 'Call': {
        if (e.callee === '_select') {
          const [c, yes, no] = e.args;
          this.expr(yes);
          this.expr(no);
          this.expr(c);
          this.simd(SIMD.v128Bitselect);
          return;
        }
        this.expr(e.args[0]);
        if (this.typer.expr(e.args[0]) === 'boolean') {
          // int(flag): the mask's 1.0 or 0.0.
          this.constF64(1);
          this.simd(SIMD.v128And);
          return;
        }
        const def = this.typer.functions.get(e.callee);
        if (!def) throw new Error(`internal: no function ${e.callee}`);
        if (def.js === SIMD_EXP) emitExp(this);
        else if (def.js === SIMD_INT) this.int32();
        else this.simd(MATH[def.js]);
        return;
      }
    }
  }

  /**
   * int() of the float lanes on the stack, as the prelude's `_brian.int`: truncated, with -0 made
   * +0 (as `x | 0` gives), and -2^31 where a lane is NaN, infinite or outside the int32 range.
   */
  private int32(): void {
    this.set(this.tmp).get(this.tmp).simd(SIMD.f64x2Trunc);
    this.constF64(0);
    this.simd(SIMD.f64x2Add);
    this.constF64(-2147483648);
    this.get(this.tmp).constF64(-2147483649);
    this.simd(SIMD.f64x2Gt);
    this.get(this.tmp).constF64(2147483648);
    this.simd(SIMD.f64x2Lt);
    this.simd(SIMD.v128And);
    this.simd(SIMD.v128Bitselect);
  }

  /** The module: memory `env.memory` of `pages` pages imported, `run` exported. */
  module(pages: number): Uint8Array<ArrayBuffer> {
    return wasmModule({ params: this.params, locals: this.locals, body: this.b }, pages);
  }
}
