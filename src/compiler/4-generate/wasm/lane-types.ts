import type { Expr } from '../../1-parse/ast.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import type { ArrayAccess, Kernel } from '../../ir/kernel.ts';
import { typeOf } from '../../ir/types.ts';
import { functionTable } from '../js/emit-block.ts';
import { ARITHMETIC, MATH } from './simd-ops.ts';

/** The one function with a SIMD body of its own (exp-simd.ts), by its JavaScript implementation. */
export const SIMD_EXP = '_brian.exp';
/** int(): the prelude's `_brian.int`, printed by vector-code.ts (`int32`). */
export const SIMD_INT = '_brian.int';

/**
 * What a SIMD kernel's per-element block may hold, and the lane type of each value: `float`
 * (f64x2) or `boolean` (a mask per lane, all ones or zero). Integers, other functions and
 * indirect indices are refused with an {@link Unsupported} that says what, so the kernel keeps
 * its JavaScript loop and `kernelTargets` tells why.
 */
export type Lane = 'float' | 'boolean';

export class Unsupported extends Error {}

/** How an access indexes its array: the element's own index, or one shared element (read only). */
export function accessIndex(a: ArrayAccess): 'own' | 'shared' {
  const index = a.index;
  if (index.kind === 'shared') return 'shared';
  if (index.base === '_idx' && index.steps.length === 0) return 'own';
  throw new Unsupported(`indirect access to ${a.arrayId}`);
}

export class LaneTyper {
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly types: Map<string, ScalarType>;
  /** Names the vector block defines (loads and lets). */
  readonly own = new Set<string>();
  /** Names it reads from the scalar block or the skeleton (`t`, `dt`), in order of first use. */
  readonly args: string[] = [];

  constructor(readonly kernel: Kernel) {
    this.functions = functionTable(kernel);
    this.types = new Map([...kernel.scalar.types, ...kernel.vector.types]);
    for (const l of kernel.vector.loads) this.own.add(l.local);
    for (const s of kernel.vector.statements) if (s.kind === 'let') this.own.add(s.name);
  }

  /** Types the whole vector block (collecting `args`); throws Unsupported. */
  check(): this {
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
    return this;
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
        const known = def !== undefined && (def.js in MATH || def.js === SIMD_EXP || def.js === SIMD_INT);
        if (!known || def.user || def.inline || def.random || e.args.length !== 1)
          throw new Unsupported(`function ${e.callee}`);
        // int() is typed integer but computed here as a double (its int32 value); an integer
        // operation on it (`int(a) + int(b)`, printed `| 0`) is refused as a Binary.
        if (def.js === SIMD_INT) {
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
