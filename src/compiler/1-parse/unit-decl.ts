import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Expr, UnitDecl } from './ast.ts';
import type { Token } from './lexer.ts';
import { parseExpressionTokens } from './parse-expression.ts';
import { sliceTokens, spanOf } from './token-cursor.ts';

/**
 * The declared unit after `:` in an equation: `1`, `integer`, `boolean`, or a unit expression
 * made of names, `*`, `/` and `**` with a numeric exponent (`siemens/meter**2`, `1/second`,
 * `second**-0.5`). As in Brian, a unit declaration has no parentheses. Whether the names are
 * unscaled units (`volt`, not `mV`) is checked by analysis, which has the unit table.
 */
export function readUnitDecl(tokens: readonly Token[], from: number, to: number, colon: Token): UnitDecl {
  if (from === to) {
    throw new BrianError('equation_missing_unit', "missing unit after ':'", {
      span: colon.span,
      hint: 'write the unit of the variable, e.g. `: volt`, or `: 1` when it is dimensionless',
    });
  }
  const first = tokens[from];
  const last = tokens[to - 1];
  const whole = spanOf(first, last);
  if (from + 1 === to) {
    if (first.kind === 'number' && first.text === '1') return { kind: 'dimensionless', span: whole };
    if (first.kind === 'name' && first.text === 'integer') return { kind: 'integer', span: whole };
    if (first.kind === 'name' && first.text === 'boolean') return { kind: 'boolean', span: whole };
    if (first.kind === 'name' && first.text === 'bool') {
      throw new BrianError('equation_bad_unit', "'bool' is not a unit", {
        span: whole,
        hint: "write 'boolean'",
      });
    }
  }
  const next = tokens[to];
  if (next?.kind === 'op' && next.text === '(' && last.kind === 'op') {
    throw new BrianError('equation_bad_unit', 'a unit declaration cannot contain parentheses', {
      span: next.span,
      hint: 'write e.g. `siemens/meter**2`',
    });
  }
  let expr: Expr;
  try {
    expr = parseExpressionTokens(sliceTokens(tokens, from, to));
  } catch (error) {
    if (!(error instanceof BrianError)) throw error;
    throw new BrianError('equation_bad_unit', `'${whole.source?.slice(whole) ?? ''}' is not a unit`, {
      span: error.span ?? whole,
      hint: 'write a unit such as `volt`, `siemens/meter**2` or `1/second`',
    });
  }
  checkUnitExpr(expr);
  return { kind: 'unit', expr, span: whole };
}

/** Accepts names combined with `*`, `/` and `**NUMBER`, and `1/…`. */
function checkUnitExpr(expr: Expr): void {
  switch (expr.kind) {
    case 'Name':
      return;
    case 'Binary':
      if (expr.op === '*') {
        checkUnitExpr(expr.left);
        checkUnitExpr(expr.right);
        return;
      }
      if (expr.op === '/') {
        if (!isOne(expr.left)) checkUnitExpr(expr.left);
        checkUnitExpr(expr.right);
        return;
      }
      if (expr.op === '**') {
        checkUnitExpr(expr.left);
        if (!isNumber(expr.right)) {
          throw new BrianError('equation_bad_unit', 'the exponent of a unit must be a number', {
            span: expr.right.span,
          });
        }
        return;
      }
      break;
    case 'Number':
      throw new BrianError(
        'equation_bad_unit',
        'a number in a unit declaration makes it a quantity, not a unit',
        {
          span: expr.span,
          hint: "declare the unit only, e.g. 'siemens/meter**2' and not '1 * siemens/meter**2'",
        },
      );
  }
  throw new BrianError(
    'equation_bad_unit',
    'not a unit: only unit names combined with *, / and ** are allowed',
    {
      span: expr.span,
    },
  );
}

const isOne = (e: Expr) => e.kind === 'Number' && e.value === 1;
const isNumber = (e: Expr): boolean =>
  e.kind === 'Number' || (e.kind === 'Unary' && e.op !== 'not' && isNumber(e.operand));
