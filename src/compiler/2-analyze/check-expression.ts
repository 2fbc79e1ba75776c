import { BrianError } from '../../diagnostics/diagnostic.ts';
import { DIMENSIONLESS, type Dimension } from '../../units/dimension.ts';
import { second } from '../../units/index.ts';
import type { Expr } from '../1-parse/ast.ts';
import { exprToString } from '../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../functions.ts';
import type { Resolved, Scope } from './scope.ts';

/**
 * Dimension and type of an expression, checked against Brian's rules
 * (brian2/parsing/expressions.py `parse_expression_dimensions` and bast.py's dtype rules):
 * `+ - %` and comparisons need equal dimensions, `//` dimensionless operands, `**` a constant
 * exponent unless both sides are dimensionless, functions their declared argument dimensions.
 * Types follow boolean < integer < float; `/` is always float.
 */
export interface ExprInfo {
  readonly dim: Dimension;
  readonly type: ScalarType;
  /** Same value for every element (constants, shared variables, stateless functions of those). */
  readonly scalar: boolean;
  /** Contains a stateful call (rand(), randn(), poisson()). */
  readonly stateful: boolean;
}

const RANK: Record<ScalarType, number> = { boolean: 0, integer: 1, float: 2 };
const BY_RANK: ScalarType[] = ['boolean', 'integer', 'float'];

function highest(...types: ScalarType[]): ScalarType {
  return BY_RANK[Math.max(...types.map((t) => RANK[t]))];
}

export function resolveName(scope: Scope, name: string, span: Expr['span']): Resolved {
  const found = scope.lookup(name, span);
  if (!found) {
    throw new BrianError('unknown_identifier', `The identifier "${name}" could not be resolved.`, {
      span,
      hint: 'define it in the equations, or pass it in the namespace of the group or of run()',
    });
  }
  return found;
}

/** Dimension and type of `expr`; throws a coded BrianError pointing at the offending part. */
export function checkExpression(expr: Expr, scope: Scope): ExprInfo {
  switch (expr.kind) {
    case 'Number':
      return {
        dim: DIMENSIONLESS,
        type: expr.isInteger ? 'integer' : 'float',
        scalar: true,
        stateful: false,
      };
    case 'Bool':
      return { dim: DIMENSIONLESS, type: 'boolean', scalar: true, stateful: false };
    case 'Name':
      return checkName(expr.name, expr.span, scope);
    case 'Call':
      return checkCall(expr, scope);
    case 'Unary': {
      const inner = checkExpression(expr.operand, scope);
      if (expr.op === 'not') {
        requireBoolean(inner, expr.operand, 'not');
        return { ...inner, type: 'boolean' };
      }
      if (inner.type === 'boolean') {
        throw new BrianError('type_mismatch', `Unary ${expr.op} cannot be applied to a boolean value.`, {
          span: expr.span,
          hint: 'use int(...) to turn a boolean into a number',
        });
      }
      return inner;
    }
    case 'Logical': {
      const left = checkExpression(expr.left, scope);
      const right = checkExpression(expr.right, scope);
      requireBoolean(left, expr.left, expr.op);
      requireBoolean(right, expr.right, expr.op);
      return combine(DIMENSIONLESS, 'boolean', left, right);
    }
    case 'Compare': {
      const left = checkExpression(expr.left, scope);
      const right = checkExpression(expr.right, scope);
      if (left.dim !== right.dim) {
        throw new BrianError(
          'dimension_mismatch',
          `Comparison of expressions with different units: '${exprToString(expr.left)}' has dimension ` +
            `${left.dim}, '${exprToString(expr.right)}' has dimension ${right.dim}.`,
          { span: expr.span },
        );
      }
      return combine(DIMENSIONLESS, 'boolean', left, right);
    }
    case 'Binary':
      return checkBinary(expr, scope);
  }
}

function checkName(name: string, span: Expr['span'], scope: Scope): ExprInfo {
  const found = resolveName(scope, name, span);
  switch (found.kind) {
    case 'constant':
      return { dim: found.dim, type: found.type, scalar: true, stateful: false };
    case 'function':
      throw new BrianError('type_mismatch', `${name} is a function and was used like a variable.`, {
        span,
        hint: `call it: ${name}(...)`,
      });
    case 'variable': {
      const v = found.variable;
      // Shared, or read at one element for all (a variable linked from a one-element group).
      const shared =
        v.kind === 'constant' || (v.kind !== 'subexpression' && (v.shared || found.index.kind === 'shared'));
      if (v.kind === 'subexpression') {
        // A subexpression is as scalar/stateful as its definition.
        const inner = checkExpression(v.expr, found.scope);
        return { dim: v.dim, type: v.type, scalar: v.shared || inner.scalar, stateful: inner.stateful };
      }
      return { dim: v.dim, type: v.type, scalar: shared, stateful: false };
    }
  }
}

function checkCall(expr: Extract<Expr, { kind: 'Call' }>, scope: Scope): ExprInfo {
  const found = scope.lookup(expr.callee, expr.calleeSpan);
  if (found?.kind !== 'function') {
    throw new BrianError(
      found ? 'type_mismatch' : 'unknown_function',
      found ? `${expr.callee} is not a function.` : `Unknown function ${expr.callee}.`,
      { span: expr.calleeSpan },
    );
  }
  const def = found.def;
  if (expr.keywords.length > 0) {
    throw new BrianError('syntax_error', `Function ${expr.callee} does not take keyword arguments.`, {
      span: expr.keywords[0].span,
    });
  }
  const args = expr.args.map((a) => checkExpression(a, scope));
  checkArguments(def, expr, args);
  const type: ScalarType =
    def.resultType === 'highest' ? highest(...args.map((a) => a.type)) : def.resultType;
  const dim = def.resultDim(args.map((a) => a.dim));
  return {
    dim,
    type: type === 'boolean' && def.resultType === 'highest' ? 'integer' : type,
    scalar: !def.stateful && args.every((a) => a.scalar),
    stateful: def.stateful || args.some((a) => a.stateful),
  };
}

function checkArguments(def: FunctionDef, expr: Extract<Expr, { kind: 'Call' }>, args: ExprInfo[]): void {
  const expected = def.name === 'timestep' ? 2 : def.argDims.length;
  if (args.length !== expected) {
    throw new BrianError(
      'wrong_argument_count',
      `Function ${def.name} was called with ${args.length} argument(s), needs ${expected}.`,
      { span: expr.span },
    );
  }
  if (def.name === 'timestep') {
    args.forEach((a, k) => {
      if (a.dim !== second.dim) {
        throw new BrianError(
          'dimension_mismatch',
          `Argument ${k + 1} of timestep must be a time, but '${exprToString(expr.args[k])}' has dimension ${a.dim}.`,
          { span: expr.args[k].span },
        );
      }
    });
    return;
  }
  def.argDims.forEach((rule, k) => {
    if (rule === 'any') return;
    const wanted = typeof rule === 'object' && 'sameAs' in rule ? args[rule.sameAs].dim : (rule as Dimension);
    if (args[k].dim !== wanted) {
      throw new BrianError(
        'dimension_mismatch',
        `Argument ${k + 1} of ${def.name} should have dimension ${wanted.isDimensionless ? '1 (dimensionless)' : wanted}, ` +
          `but '${exprToString(expr.args[k])}' has dimension ${args[k].dim}.`,
        { span: expr.args[k].span },
      );
    }
  });
}

function checkBinary(expr: Extract<Expr, { kind: 'Binary' }>, scope: Scope): ExprInfo {
  const left = checkExpression(expr.left, scope);
  const right = checkExpression(expr.right, scope);
  const numeric = (t: ScalarType): ScalarType => (t === 'boolean' ? 'integer' : t);
  let type = highest(numeric(left.type), numeric(right.type));
  let dim: Dimension;
  switch (expr.op) {
    case '+':
    case '-':
    case '%':
      if (left.dim !== right.dim) {
        throw new BrianError(
          'dimension_mismatch',
          `Expression '${exprToString(expr)}' uses inconsistent units ('${exprToString(expr.left)}' has dimension ` +
            `${left.dim}; '${exprToString(expr.right)}' has dimension ${right.dim}).`,
          { span: expr.span },
        );
      }
      dim = left.dim;
      break;
    case '*':
      dim = left.dim.mul(right.dim);
      break;
    case '/':
      dim = left.dim.div(right.dim);
      type = 'float';
      break;
    case '//':
      if (!left.dim.isDimensionless || !right.dim.isDimensionless) {
        throw new BrianError(
          'dimension_not_dimensionless',
          'Floor division can only be used on dimensionless values.',
          {
            span: left.dim.isDimensionless ? expr.right.span : expr.left.span,
          },
        );
      }
      dim = DIMENSIONLESS;
      break;
    case '**': {
      if (left.dim.isDimensionless && right.dim.isDimensionless) {
        dim = DIMENSIONLESS;
        break;
      }
      if (!right.dim.isDimensionless) {
        throw new BrianError('dimension_not_dimensionless', 'The exponent of ** must be dimensionless.', {
          span: expr.right.span,
        });
      }
      const exponent = constantValue(expr.right, scope);
      if (exponent === undefined) {
        throw new BrianError(
          'dimension_mismatch',
          `The exponent of a quantity with dimension ${left.dim} must be a constant number, not '${exprToString(expr.right)}'.`,
          { span: expr.right.span },
        );
      }
      if (!Number.isFinite(exponent)) {
        throw new BrianError(
          'dimension_mismatch',
          `The exponent of a quantity with dimension ${left.dim} must be a finite number, not ${exponent}.`,
          { span: expr.right.span },
        );
      }
      dim = left.dim.pow(exponent);
      break;
    }
  }
  return combine(dim, type, left, right);
}

function combine(dim: Dimension, type: ScalarType, a: ExprInfo, b: ExprInfo): ExprInfo {
  return { dim, type, scalar: a.scalar && b.scalar, stateful: a.stateful || b.stateful };
}

function requireBoolean(info: ExprInfo, expr: Expr, op: string): void {
  if (info.type !== 'boolean') {
    throw new BrianError(
      'type_mismatch',
      `The operands of '${op}' must be boolean, '${exprToString(expr)}' is not.`,
      {
        span: expr.span,
        hint: 'compare explicitly, e.g. x > 0',
      },
    );
  }
}

/** The value of an expression made only of numbers and constants, or undefined (Brian's `_get_value_from_expression`). */
export function constantValue(expr: Expr, scope: Scope): number | undefined {
  switch (expr.kind) {
    case 'Number':
      return expr.value;
    case 'Bool':
      return expr.value ? 1 : 0;
    case 'Name': {
      const found = scope.lookup(expr.name, expr.span);
      if (found?.kind === 'constant') return found.value;
      if (found?.kind === 'variable' && found.variable.kind === 'constant') return found.variable.value;
      return undefined;
    }
    case 'Unary': {
      const v = constantValue(expr.operand, scope);
      if (v === undefined || expr.op === 'not') return undefined;
      return expr.op === '-' ? -v : v;
    }
    case 'Binary': {
      const a = constantValue(expr.left, scope);
      const b = constantValue(expr.right, scope);
      if (a === undefined || b === undefined) return undefined;
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '//':
          return Math.floor(a / b);
        case '%':
          return a - Math.floor(a / b) * b;
        case '**':
          return a ** b;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
