/**
 * Quantities written as text: `q('0.2/mV')`, `q('1*ufarad*cm**-2')`, `q('tau/2', { tau })`. The
 * text goes through the same parser as equations and names resolve in the same unit table
 * (`mV`, `ufarad`, `cm`…) and constants (`pi`, `e`, `inf`), so a constant never has to be chained
 * through `.mul()` and `.pow()`. Arithmetic follows the quantity methods' dimension rules; errors
 * are coded and underline the offending part of the text.
 */
import type { Expr } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { DEFAULT_CONSTANTS } from '../compiler/functions.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { Quantity } from '../units/quantity.ts';
import { UNITS } from '../units/unit-table.generated.ts';

/** Names a quantity text may use besides units and constants: `q('tau/2', { tau: ms(10) })`. */
export type QuantityNamespace = Readonly<Record<string, Quantity | number>>;

/** Functions of one argument a quantity text may call. */
const FUNCTIONS: Readonly<Record<string, (x: Quantity, span: Expr['span']) => Quantity>> = {
  sqrt: (x) => x.sqrt(),
  abs: (x) => x.abs(),
  exp: (x, span) => plain(x, 'exp', span, Math.exp),
  log: (x, span) => plain(x, 'log', span, Math.log),
  log10: (x, span) => plain(x, 'log10', span, Math.log10),
  sin: (x, span) => plain(x, 'sin', span, Math.sin),
  cos: (x, span) => plain(x, 'cos', span, Math.cos),
  tan: (x, span) => plain(x, 'tan', span, Math.tan),
};

/**
 * A quantity from its text, e.g. `q('0.2/mV')` (200 m^-2 kg^-1 s^3 A), `q('1*ufarad*cm**-2')`,
 * `q('-70*mV')`. Names are units and the constants `pi`, `e`, `inf`, or entries of `namespace`.
 * @example
 * const Cm = q('1*ufarad*cm**-2');
 * const gL = q('5e-5*siemens*cm**-2');
 * const tau = q('C/gL', { C: Cm, gL });  // 20. ms
 */
export function q(text: string, namespace: QuantityNamespace = {}): Quantity {
  if (typeof text !== 'string') {
    throw new BrianError(
      'bad_argument',
      `q() takes the text of a quantity, e.g. q('5*ms'), got ${typeof text}.`,
    );
  }
  return evaluate(parseExpression(text, 'quantity'), namespace);
}

function evaluate(expr: Expr, ns: QuantityNamespace): Quantity {
  switch (expr.kind) {
    case 'Number':
      return new Quantity(expr.value, DIMENSIONLESS);
    case 'Name':
      return lookup(expr.name, expr.span, ns);
    case 'Unary': {
      const x = evaluate(expr.operand, ns);
      if (expr.op === '-') return x.neg();
      if (expr.op === '+') return x;
      break;
    }
    case 'Binary': {
      const a = evaluate(expr.left, ns);
      const b = evaluate(expr.right, ns);
      switch (expr.op) {
        case '+':
          return a.add(b);
        case '-':
          return a.sub(b);
        case '*':
          return a.mul(b);
        case '/':
          return a.div(b);
        case '**':
          return a.pow(b);
        default:
          break;
      }
      break;
    }
    case 'Call': {
      const fn = FUNCTIONS[expr.callee];
      if (!fn) {
        throw new BrianError(
          'unknown_function',
          `'${expr.callee}' is not a function a quantity text can use.`,
          {
            span: expr.calleeSpan,
            hint: `use one of ${Object.keys(FUNCTIONS).join(', ')}`,
          },
        );
      }
      if (expr.args.length !== 1) {
        throw new BrianError('wrong_argument_count', `${expr.callee}() takes one argument.`, {
          span: expr.span,
        });
      }
      return fn(evaluate(expr.args[0], ns), expr.span);
    }
    default:
      break;
  }
  throw new BrianError(
    'bad_argument',
    'this part of the text is not a quantity (only + - * / ** and units).',
    {
      span: expr.span,
    },
  );
}

function lookup(name: string, span: Expr['span'], ns: QuantityNamespace): Quantity {
  if (Object.hasOwn(ns, name)) {
    const v = ns[name];
    if (typeof v === 'number') return new Quantity(v, DIMENSIONLESS);
    if (v instanceof Quantity) return v;
    throw new BrianError('bad_argument', `namespace entry '${name}' must be a quantity or a number.`, {
      span,
    });
  }
  const unit = UNITS.get(name);
  if (unit) return unit;
  const constant = DEFAULT_CONSTANTS.get(name);
  if (constant !== undefined) return new Quantity(constant, DIMENSIONLESS);
  throw new BrianError('unknown_identifier', `'${name}' is not a unit, a constant or a namespace entry.`, {
    span,
    hint: 'units are spelt as in Brian: mV, ms, nS, uF, cm2, siemens, meter…',
  });
}

function plain(x: Quantity, name: string, span: Expr['span'], f: (v: number) => number): Quantity {
  if (!x.isDimensionless) {
    throw new BrianError(
      'dimension_not_dimensionless',
      `${name}() needs a dimensionless argument, got ${x}.`,
      {
        span,
      },
    );
  }
  return new Quantity(f(x.value), DIMENSIONLESS);
}
