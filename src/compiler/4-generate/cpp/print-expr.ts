import type { Expr } from '../../1-parse/ast.ts';
import type { FunctionDef, ScalarType, TemplateContext } from '../../functions.ts';
import { logicalOperator } from '../../ir/eager-logic.ts';
import { typeOf } from '../../ir/types.ts';
import { inlineTimestepCompare } from '../js/inline-prelude.ts';
import { siteDraws } from '../js/print-expr.ts';
import { cppLocal, ptr } from './names.ts';

/** Inline function templates (TimedArray, BinomialFunction) see kernel arrays as `_ptr_<id>` and the clock's `dt`. */
const CPP_TEMPLATE_CONTEXT: TemplateContext = { ptr, dt: 'dt' };

/**
 * Prints an IR expression as C++ with the same Python/Brian semantics as the JavaScript printer:
 * `/` is true division even between integers, `//` and `%` are floored (sign of the divisor),
 * integer arithmetic wraps at 32 bits (int32_t, built with -fwrapv), booleans mix with numbers.
 * Literals are printed so that they read back as exactly the same double.
 */
export class CppExprPrinter {
  constructor(
    private readonly locals: ReadonlyMap<string, ScalarType>,
    private readonly functions: ReadonlyMap<string, FunctionDef>,
    /** The call site of each drawing call (compiler/ir/random-sites.ts): its draws are `_r<site>`. */
    private readonly sites: ReadonlyMap<Expr, number> = new Map(),
  ) {}

  typeOf(expr: Expr): ScalarType {
    return typeOf(expr, this.locals, this.functions);
  }

  private isFloat(expr: Expr): boolean {
    return this.typeOf(expr) === 'float';
  }

  print(expr: Expr): string {
    switch (expr.kind) {
      case 'Number':
        return expr.isInteger && Number.isInteger(expr.value) && Math.abs(expr.value) < 2 ** 31
          ? intLiteral(expr.value)
          : doubleLiteral(expr.value);
      case 'Bool':
        return expr.value ? 'true' : 'false';
      case 'Name':
        return cppLocal(expr.name);
      case 'Unary':
        if (expr.op === 'not') return `(!${this.print(expr.operand)})`;
        return expr.op === '-' ? `(-${this.print(expr.operand)})` : this.print(expr.operand);
      case 'Logical':
        return `(${this.print(expr.left)} ${logicalOperator(expr, this.functions)} ${this.print(expr.right)})`;
      case 'Compare': {
        // `timestep(x, dt) >= n` without the truncation, exactly as the JavaScript printer does.
        const inlined = inlineTimestepCompare(expr, this.functions, this.locals, (e) => this.print(e));
        if (inlined !== undefined) return inlined;
        return `(${this.print(expr.left)} ${expr.op} ${this.print(expr.right)})`;
      }
      case 'Call': {
        const args = expr.args.map((a) => this.print(a));
        if (expr.callee === '_select') return `(${args[0]} ? ${args[1]} : ${args[2]})`;
        const def = this.functions.get(expr.callee);
        if (def?.random) {
          const draws = siteDraws(this.sites, expr);
          if (def.inline) return `(${def.inline.cpp(args, { ...CPP_TEMPLATE_CONTEXT, random: draws })})`;
          return `${draws}.${def.cpp}(${args.join(', ')})`;
        }
        if (def?.inline) return `(${def.inline.cpp(args, CPP_TEMPLATE_CONTEXT)})`;
        return `${def?.cpp ?? expr.callee}(${args.join(', ')})`;
      }
      case 'Binary': {
        const l = this.print(expr.left);
        const r = this.print(expr.right);
        const floats = this.isFloat(expr.left) || this.isFloat(expr.right);
        switch (expr.op) {
          case '/':
            return floats ? `(${l} / ${r})` : `((double)${l} / ${r})`;
          case '//':
            return floats ? `floor(${l} / ${r})` : `_brian_floordiv_int(${l}, ${r})`;
          case '%':
            return floats ? `_brian_mod((double)${l}, (double)${r})` : `_brian_mod_int(${l}, ${r})`;
          case '**':
            return `pow((double)${l}, (double)${r})`;
          default:
            return `(${l} ${expr.op} ${r})`;
        }
      }
    }
  }
}

function intLiteral(value: number): string {
  return value < 0 ? `(${value})` : String(value);
}

/** A double literal that reads back bit-exactly (JavaScript's shortest round-trip form). */
export function doubleLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (value === Number.POSITIVE_INFINITY) return 'INFINITY';
  if (value === Number.NEGATIVE_INFINITY) return '(-INFINITY)';
  if (Object.is(value, -0)) return '(-0.0)';
  let s = String(value);
  if (!/[.e]/.test(s)) s += '.0';
  return value < 0 ? `(${s})` : s;
}
