import type { Expr } from '../../1-parse/ast.ts';
import type { IndexRef } from '../../2-analyze/scope.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import type { ArrayAccess, Kernel } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import { typeOf } from '../../ir/types.ts';
import { functionTable } from '../js/emit-block.ts';
import type { RangeParams } from '../js/kernels/loops.ts';
import { Bytes, type ValType, wasmModule } from './binary.ts';
import { OP, SIMD } from './simd-ops.ts';

/**
 * State updates as WebAssembly SIMD: the per-element block of a `stateupdate` kernel runs on two
 * neurons at once (f64x2), the scalar block stays JavaScript and hands its values over as
 * arguments. The arithmetic is IEEE double precision in both, operation for operation in the
 * same order, without contraction, so results are the same to the bit as the JavaScript
 * kernel's (test/runtime/wasm-kernels.test.ts runs both).
 *
 * Only what maps exactly is taken: float arithmetic (+ - * /), comparisons, and/or/not,
 * `_select`, and sqrt/abs/floor/ceil/int, on float and boolean variables of the group's own
 * elements (or shared ones, read only). Anything else (integers, other functions, random draws,
 * indirection, conditions) keeps the JavaScript kernel: {@link wasmObstacle} says why.
 *
 * Booleans live as lane masks (all ones or zero) and are stored as the bytes 0 and 1.
 * The loop always does ELEMENTS_PER_ITERATION elements, so it may write past a group's end: the arrays it touches must be padded (the device's arena does that) and
 * be exactly the loop's length.
 */

/** Where the device put an array: its byte offset in the memory and its number of elements. */
export interface WasmArrayPlace {
  readonly offset: number;
  readonly length: number;
}

export interface WasmStateUpdate {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Names whose values the JavaScript part passes after the element count, in order. */
  readonly args: readonly string[];
}

type Lane = 'float' | 'boolean';

/**
 * Two-lane copies of the vector block per loop iteration. 2 was measured no faster on CUBA 64000
 * (state update 0.368 and 0.375 s against 0.355 and 0.359 s per 0.5 s): the loop is bound by
 * memory traffic, not by its branch.
 */
const UNROLL = 1;
/**
 * Elements one iteration updates: the loop runs past a group's last element by up to this many
 * minus one, so arrays must be padded to a multiple of it (the device's arena pads to whole iterations).
 */
export const ELEMENTS_PER_ITERATION = 2 * UNROLL;

const MATH: Readonly<Record<string, number>> = {
  'Math.sqrt': SIMD.f64x2Sqrt,
  'Math.abs': SIMD.f64x2Abs,
  'Math.floor': SIMD.f64x2Floor,
  'Math.ceil': SIMD.f64x2Ceil,
  'Math.trunc': SIMD.f64x2Trunc,
};

const COMPARE: Readonly<Record<string, number>> = {
  '==': SIMD.f64x2Eq,
  '!=': SIMD.f64x2Ne,
  '<': SIMD.f64x2Lt,
  '>': SIMD.f64x2Gt,
  '<=': SIMD.f64x2Le,
  '>=': SIMD.f64x2Ge,
};

const ARITHMETIC: Readonly<Record<string, number>> = {
  '+': SIMD.f64x2Add,
  '-': SIMD.f64x2Sub,
  '*': SIMD.f64x2Mul,
  '/': SIMD.f64x2Div,
};

/** Why this kernel cannot run as SIMD (whatever the arrays' places), or undefined. */
export function wasmObstacle(kernel: Kernel): string | undefined {
  if (kernel.kind !== 'stateupdate') return `kind ${kernel.kind}`;
  const range = kernel.params as RangeParams;
  if (range.start !== 0 || typeof range.stop !== 'number') return 'a partial or growing range';
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

class Unsupported extends Error {}

/** Lane types of the vector block's locals and expressions; throws Unsupported on anything else. */
class LaneTyper {
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly types: Map<string, ScalarType>;
  /** Names the vector block defines (loads and lets). */
  readonly own = new Set<string>();
  /** Names it reads from the scalar block or the skeleton, in order of first use. */
  readonly args: string[] = [];

  constructor(readonly kernel: Kernel) {
    this.functions = functionTable(kernel);
    this.types = new Map([...kernel.scalar.types, ...kernel.vector.types]);
    for (const l of kernel.vector.loads) this.own.add(l.local);
    for (const s of kernel.vector.statements) if (s.kind === 'let') this.own.add(s.name);
  }

  check(): void {
    const v = this.kernel.vector;
    for (const l of v.loads) {
      this.lane(l.type, l.local);
      accessIndex(l);
    }
    for (const s of v.statements) {
      const want = this.lane(s.type, s.name);
      const got = this.expr(s.value);
      if (got !== want && !(want === 'float' && s.value.kind === 'Number'))
        throw new Unsupported(`${s.name} (${s.type}) is assigned a ${got}`);
    }
    for (const s of v.stores) {
      if (accessIndex(s) === 'shared') throw new Unsupported(`a store to shared ${s.arrayId}`);
      this.lane(s.type, s.local);
    }
  }

  lane(type: ScalarType | undefined, what: string): Lane {
    if (type === 'float' || type === 'boolean') return type;
    throw new Unsupported(`${type ?? 'untyped'} ${what}`);
  }

  /** The lane type of an expression's value. */
  expr(e: Expr): Lane {
    switch (e.kind) {
      case 'Number':
        return 'float';
      case 'Bool':
        return 'boolean';
      case 'Name': {
        if (!this.own.has(e.name) && !this.args.includes(e.name)) this.args.push(e.name);
        const type = this.types.get(e.name) ?? (e.name === 't' || e.name === 'dt' ? 'float' : undefined);
        return this.lane(type, e.name);
      }
      case 'Unary':
        return this.want(e.operand, e.op === 'not' ? 'boolean' : 'float');
      case 'Binary':
        if (!(e.op in ARITHMETIC)) throw new Unsupported(`operator ${e.op}`);
        if (typeOf(e, this.types, this.functions) !== 'float') throw new Unsupported(`integer ${e.op}`);
        this.want(e.left, 'float');
        return this.want(e.right, 'float');
      case 'Compare': {
        const left = this.expr(e.left);
        // Booleans compare for (in)equality only, as masks.
        this.want(e.right, left === 'boolean' && (e.op === '==' || e.op === '!=') ? 'boolean' : 'float');
        if (left !== this.expr(e.right)) throw new Unsupported(`a comparison of a ${left}`);
        return 'boolean';
      }
      case 'Logical':
        this.want(e.left, 'boolean');
        return this.want(e.right, 'boolean');
      case 'Call': {
        if (e.callee === '_select') {
          const [c, a, b] = e.args;
          this.want(c, 'boolean');
          return this.want(b, this.expr(a));
        }
        const def = this.functions.get(e.callee);
        if (!def || def.user || def.inline || def.random || !(def.js in MATH) || e.args.length !== 1)
          throw new Unsupported(`function ${e.callee}`);
        // int() is typed integer but JavaScript computes it as the double Math.trunc gives; an
        // integer operation on it (`int(a) + int(b)`, printed `| 0`) is refused as a Binary.
        if (def.js === 'Math.trunc') {
          this.expr(e.args[0]);
          return 'float';
        }
        if (typeOf(e, this.types, this.functions) !== 'float') throw new Unsupported(`integer ${e.callee}`);
        return this.want(e.args[0], 'float');
      }
    }
  }

  want(e: Expr, lane: Lane): Lane {
    const got = this.expr(e);
    if (got !== lane) throw new Unsupported(`a ${got} where a ${lane} is needed`);
    return lane;
  }
}

function accessIndex(a: ArrayAccess): 'own' | 'shared' {
  const index: IndexRef = a.index;
  if (index.kind === 'shared') return 'shared';
  if (index.base === '_idx' && index.steps.length === 0) return 'own';
  throw new Unsupported(`indirect access to ${a.arrayId}`);
}

/** Byte offset of element `element` of a shared array, or of element 0 of an own one. */
function place(places: (arrayId: string) => WasmArrayPlace, a: ArrayAccess, stop: number): number {
  const p = places(a.arrayId);
  const own = accessIndex(a) === 'own';
  if (own && p.length !== stop)
    throw new Error(`internal: ${a.arrayId} has ${p.length} elements, the loop ${stop}`);
  if (p.offset % (8 * ELEMENTS_PER_ITERATION) !== 0) throw new Error(`internal: ${a.arrayId} is not aligned`);
  const width = a.type === 'float' ? 8 : 1;
  return own ? p.offset : p.offset + width * (a.index.kind === 'shared' ? (a.index.element ?? 0) : 0);
}

const TO_LANE_BYTES = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
const FROM_LANE_BYTES = [0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The module of an eligible kernel ({@link wasmObstacle} said undefined) whose arrays lie at
 * `places` in one memory of `pages` pages. Its `run(n, ...args)` updates elements 0 … n-1
 * (n is the loop's stop, passed so that the module can be shared by identical groups… it is
 * not: offsets are built in, so the module is per group).
 */
export function generateWasmStateUpdate(
  kernel: Kernel,
  places: (arrayId: string) => WasmArrayPlace,
  pages: number,
): WasmStateUpdate {
  const typer = new LaneTyper(kernel);
  typer.check();
  const stop = (kernel.params as RangeParams).stop as number;
  const params: ValType[] = ['i32', ...typer.args.map((): ValType => 'f64')];
  const locals: ValType[] = [];
  const local = (type: ValType) => params.length + locals.push(type) - 1;
  const I = local('i32');
  const OFF8 = local('i32');
  const TMP = local('v128');
  const slot = new Map<string, number>();
  for (const name of [...typer.args, ...typer.own]) slot.set(name, local('v128'));

  const b = new Bytes();
  const simd = (op: number) => b.byte(0xfd).u32(op);
  const get = (index: number) => b.byte(OP.localGet).u32(index);
  const set = (index: number) => b.byte(OP.localSet).u32(index);
  const memarg = (align: number, offset: number) => b.u32(align).u32(offset);
  const constBytes = (bytes: readonly number[]) => {
    simd(SIMD.v128Const);
    b.byte(...bytes);
  };
  const constF64 = (value: number) => {
    simd(SIMD.v128Const);
    b.f64(value).f64(value);
  };
  /** Per-byte 0xff where the byte is not zero (any nonzero stored boolean is true). */
  const nonzeroBytes = () => {
    constBytes(new Array(16).fill(0));
    simd(SIMD.i8x16Eq);
    simd(SIMD.v128Not);
  };
  const shuffleSelf = (lanes: readonly number[]) => {
    set(TMP);
    get(TMP);
    get(TMP);
    simd(SIMD.i8x16Shuffle);
    b.byte(...lanes);
  };

  // Scalars arrive as doubles (booleans as 0/1) and are splat once.
  typer.args.forEach((name, k) => {
    get(1 + k);
    simd(SIMD.f64x2Splat);
    if (typer.types.get(name) === 'boolean') {
      constF64(0);
      simd(SIMD.f64x2Ne);
    }
    set(slot.get(name)!);
  });

  const expr = (e: Expr): void => {
    switch (e.kind) {
      case 'Number':
        constF64(e.value);
        return;
      case 'Bool':
        constBytes(new Array(16).fill(e.value ? 0xff : 0));
        return;
      case 'Name':
        get(slot.get(e.name)!);
        return;
      case 'Unary':
        expr(e.operand);
        if (e.op === '-') simd(SIMD.f64x2Neg);
        else if (e.op === 'not') simd(SIMD.v128Not);
        return;
      case 'Binary':
        expr(e.left);
        expr(e.right);
        simd(ARITHMETIC[e.op]);
        return;
      case 'Compare':
        expr(e.left);
        expr(e.right);
        if (typer.expr(e.left) === 'boolean') {
          simd(SIMD.v128Xor);
          if (e.op === '==') simd(SIMD.v128Not);
        } else simd(COMPARE[e.op]);
        return;
      case 'Logical':
        expr(e.left);
        expr(e.right);
        simd(e.op === 'and' ? SIMD.v128And : SIMD.v128Or);
        return;
      case 'Call': {
        if (e.callee === '_select') {
          const [c, yes, no] = e.args;
          expr(yes);
          expr(no);
          expr(c);
          simd(SIMD.v128Bitselect);
          return;
        }
        expr(e.args[0]);
        if (typer.expr(e.args[0]) === 'boolean') {
          // int(flag): the mask's 1.0 or 0.0.
          constF64(1);
          simd(SIMD.v128And);
          return;
        }
        simd(MATH[typer.functions.get(e.callee)!.js]);
        return;
      }
    }
  };

  const v = kernel.vector;
  b.byte(OP.block, 0x40);
  get(0);
  b.byte(OP.i32Eqz, OP.br_if).u32(0);
  b.byte(OP.loop, 0x40);
  get(I);
  b.byte(OP.i32Const).s32(3).byte(OP.i32Shl);
  set(OFF8);
  // Unrolled: each copy does the next two elements at offsets built into its memory accesses.
  for (let u = 0; u < UNROLL; u++) {
    for (const l of v.loads) {
      const at =
        place(places, l, stop) + (accessIndex(l) === 'own' ? u * 2 * (l.type === 'float' ? 8 : 1) : 0);
      const shared = accessIndex(l) === 'shared';
      if (l.type === 'float') {
        if (shared) {
          b.byte(OP.i32Const).s32(0);
          simd(SIMD.load64Splat);
          memarg(3, at);
        } else {
          get(OFF8);
          simd(SIMD.v128Load);
          memarg(4, at);
        }
      } else if (shared) {
        b.byte(OP.i32Const).s32(0);
        simd(SIMD.load8Splat);
        memarg(0, at);
        nonzeroBytes();
      } else {
        get(I);
        simd(SIMD.load16Splat);
        memarg(0, at);
        nonzeroBytes();
        shuffleSelf(TO_LANE_BYTES);
      }
      set(slot.get(l.local)!);
    }
    for (const s of v.statements) {
      expr(s.value);
      set(slot.get(s.name)!);
    }
    for (const s of v.stores) {
      const at = place(places, s, stop) + u * 2 * (s.type === 'float' ? 8 : 1);
      if (s.type === 'float') {
        get(OFF8);
        get(slot.get(s.local)!);
        simd(SIMD.v128Store);
        memarg(4, at);
      } else {
        get(I);
        get(slot.get(s.local)!);
        shuffleSelf(FROM_LANE_BYTES);
        constBytes(new Array(16).fill(1));
        simd(SIMD.v128And);
        simd(SIMD.store16Lane);
        memarg(0, at);
        b.byte(0);
      }
    }
  }
  get(I);
  b.byte(OP.i32Const).s32(ELEMENTS_PER_ITERATION).byte(OP.i32Add, OP.localTee).u32(I);
  get(0);
  b.byte(OP.i32LtU, OP.br_if).u32(0);
  b.byte(OP.end, OP.end);
  return { bytes: wasmModule({ params, locals, body: b }, pages), args: typer.args };
}
