import type { Assign, BinaryOp, CompareOp, Expr, LogicalOp } from '../compiler/1-parse/ast.ts';
import type { Span } from '../diagnostics/span.ts';

/**
 * Builders of syntax-tree nodes. Nodes made by the compiler (integrators, the CAS) carry the
 * span of the user text that caused them, so errors in generated code still point at the model:
 * `const b = builders(eq.span); b.mul(b.name('dt'), f)`. The top-level exports use an empty
 * span and are meant for tests.
 */
export interface Builders {
  /** A literal; `isInteger` defaults to whether `value` is an integer (as `3` vs `3.0`). */
  num(value: number, isInteger?: boolean): Expr;
  /** A float literal, even for integral values (`1.0`). */
  float(value: number): Expr;
  bool(value: boolean): Expr;
  name(name: string): Expr;
  call(callee: string, ...args: Expr[]): Expr;
  neg(operand: Expr): Expr;
  not(operand: Expr): Expr;
  /** Left-associative sum of one or more terms. */
  add(...terms: Expr[]): Expr;
  sub(left: Expr, right: Expr): Expr;
  /** Left-associative product of one or more factors. */
  mul(...factors: Expr[]): Expr;
  div(left: Expr, right: Expr): Expr;
  floordiv(left: Expr, right: Expr): Expr;
  mod(left: Expr, right: Expr): Expr;
  pow(base: Expr, exponent: Expr): Expr;
  binary(op: BinaryOp, left: Expr, right: Expr): Expr;
  compare(op: CompareOp, left: Expr, right: Expr): Expr;
  logical(op: LogicalOp, left: Expr, right: Expr): Expr;
  /** `target = value`. */
  assign(target: string, value: Expr): Assign;
}

export const NO_SPAN: Span = { start: 0, end: 0 };

/** Builders whose nodes all carry `span`. */
export function builders(span: Span = NO_SPAN): Builders {
  const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, span });
  const fold = (op: BinaryOp, items: Expr[]): Expr => {
    if (items.length === 0) throw new Error(`builders: '${op}' needs at least one operand`);
    return items.reduce((acc, item) => binary(op, acc, item));
  };
  return {
    num: (value, isInteger = Number.isInteger(value)) => ({ kind: 'Number', value, isInteger, span }),
    float: (value) => ({ kind: 'Number', value, isInteger: false, span }),
    bool: (value) => ({ kind: 'Bool', value, span }),
    name: (name) => ({ kind: 'Name', name, span }),
    call: (callee, ...args) => ({ kind: 'Call', callee, calleeSpan: span, args, keywords: [], span }),
    neg: (operand) => ({ kind: 'Unary', op: '-', operand, span }),
    not: (operand) => ({ kind: 'Unary', op: 'not', operand, span }),
    add: (...terms) => fold('+', terms),
    sub: (left, right) => binary('-', left, right),
    mul: (...factors) => fold('*', factors),
    div: (left, right) => binary('/', left, right),
    floordiv: (left, right) => binary('//', left, right),
    mod: (left, right) => binary('%', left, right),
    pow: (base, exponent) => binary('**', base, exponent),
    binary,
    compare: (op, left, right) => ({ kind: 'Compare', op, left, right, span }),
    logical: (op, left, right) => ({ kind: 'Logical', op, left, right, span }),
    assign: (target, value) => ({ kind: 'Assign', target, targetSpan: span, op: '=', value, span }),
  };
}

const plain = builders();
export const {
  num,
  float,
  bool,
  name,
  call,
  neg,
  not,
  add,
  sub,
  mul,
  div,
  floordiv,
  mod,
  pow,
  binary,
  compare,
  logical,
  assign,
} = plain;
