import type { Expr } from '../../1-parse/ast.ts';
import type { FunctionDef, ScalarType, TemplateContext } from '../../functions.ts';
import { logicalOperator } from '../../ir/eager-logic.ts';
import { typeOf } from '../../ir/types.ts';
import { ptr } from './emit-block.ts';
import { inlinePreludeCall, inlineTimestepCompare, printInt32 } from './inline-prelude.ts';

/** Inline function templates (TimedArray, BinomialFunction) see kernel arrays as `_ptr_<id>` and the clock's `dt`. */
const JS_TEMPLATE_CONTEXT: TemplateContext = { ptr, dt: 'dt' };

/**
 * Prints an IR expression as JavaScript with Python/Brian semantics: `/` true division,
 * `//` and `%` floored (sign of the divisor, as Python and Brian's C++ `_brian_mod`), booleans
 * compared loosely so that stored 0/1 values and comparison results mix. Every operation is
 * parenthesised: generated code is read by engines, not people.
 */
export class JsExprPrinter {
  constructor(
    private readonly locals: ReadonlyMap<string, ScalarType>,
    private readonly functions: ReadonlyMap<string, FunctionDef>,
    /** The call site of each drawing call (compiler/ir/random-sites.ts): its draws are `_r<site>`. */
    private readonly sites: ReadonlyMap<Expr, number> = new Map(),
  ) {}

  private isInteger(expr: Expr): boolean {
    return typeOf(expr, this.locals, this.functions) === 'integer';
  }

  /** `expr` as a 32-bit integer: `int(expr)`, or a float assigned to an integer variable. */
  toInt32(expr: Expr): string {
    return printInt32(expr, typeOf(expr, this.locals, this.functions), (e) => this.print(e));
  }

  print(expr: Expr): string {
    switch (expr.kind) {
      case 'Number':
        return numberLiteral(expr.value);
      case 'Bool':
        return expr.value ? 'true' : 'false';
      case 'Name':
        return expr.name;
      case 'Unary':
        if (expr.op === 'not') return `(!${this.print(expr.operand)})`;
        return expr.op === '-' ? `(-${this.print(expr.operand)})` : this.print(expr.operand);
      case 'Logical':
        return `(${this.print(expr.left)} ${logicalOperator(expr, this.functions)} ${this.print(expr.right)})`;
      case 'Compare': {
        const op = expr.op;
        const inlined = inlineTimestepCompare(expr, this.functions, this.locals, (e) => this.print(e));
        if (inlined !== undefined) return inlined;
        return `(${this.print(expr.left)} ${op} ${this.print(expr.right)})`;
      }
      case 'Call': {
        if (expr.callee === '_select') {
          const [c, a, b] = expr.args.map((x) => this.print(x));
          return `(${c} ? ${a} : ${b})`;
        }
        const def = this.functions.get(expr.callee);
        const args = expr.args.map((a) => this.print(a));
        if (def?.random) {
          const draws = siteDraws(this.sites, expr);
          if (def.inline) return `(${def.inline.js(args, { ...JS_TEMPLATE_CONTEXT, random: draws })})`;
          return `${draws}.${def.js}(${args.join(', ')})`;
        }
        if (def?.inline) return `(${def.inline.js(args, JS_TEMPLATE_CONTEXT)})`;
        const name = def?.js ?? expr.callee;
        if (name === '_brian.int' && expr.args.length === 1) return this.toInt32(expr.args[0]);
        const inlined = inlinePreludeCall(name, expr.args, (a) => this.print(a));
        if (inlined !== undefined) return inlined;
        return `${name}(${args.join(', ')})`;
      }
      case 'Binary': {
        const l = this.print(expr.left);
        const r = this.print(expr.right);
        switch (expr.op) {
          case '//':
            return `Math.floor(${l} / ${r})`;
          case '%':
            // Brian's _brian_mod for every type: x - y*floor(x/y) (sign of the divisor, as Python).
            return `_brian.mod(${l}, ${r})`;
          case '**':
            return `(${l} ** ${r})`;
          default:
            // Integer arithmetic wraps around at 32 bits, as Brian's int32 variables do.
            if (this.isInteger(expr)) {
              if (expr.op === '*') return `Math.imul(${l}, ${r})`;
              return `((${l} ${expr.op} ${r}) | 0)`;
            }
            return `(${l} ${expr.op} ${r})`;
        }
      }
    }
  }
}

/** The local holding a drawing call's draws (`_r<site>`, the same name in both targets). */
export function siteDraws(sites: ReadonlyMap<Expr, number>, call: Expr): string {
  const site = sites.get(call);
  if (site === undefined) throw new Error('internal: a random draw without a call site');
  return `_r${site}`;
}

/** A literal that reads back as exactly the same double. */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '(-Infinity)';
  if (Object.is(value, -0)) return '(-0)';
  const s = String(value);
  return value < 0 ? `(${s})` : s;
}
