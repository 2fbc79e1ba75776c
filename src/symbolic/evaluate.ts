import type { Expr, Statement } from '../compiler/1-parse/ast.ts';
import { applyFunction } from './functions.ts';
import { pyDivmod } from './node.ts';

export type Value = number | boolean;
export type Values = ReadonlyMap<string, Value> | Readonly<Record<string, Value>>;
/** Functions beyond the pure defaults, e.g. a seeded `randn` for tests. */
export type Functions = Readonly<Record<string, (...args: number[]) => Value>>;

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, inf: Number.POSITIVE_INFINITY };

/**
 * Evaluates an expression numerically with Python's semantics as Brian's code has them: `/` is
 * true division, `//` and `%` floor, `int()` truncates, `and`/`or` return an operand, and
 * booleans count as 0/1 in arithmetic. Like numpy (not like Python), division by zero gives
 * ±inf or NaN. Names are looked up in `values`, then among the constants pi, e, inf.
 */
export function evaluate(expr: Expr, values: Values, functions: Functions = {}): Value {
  const lookup = (name: string): Value => {
    const v = values instanceof Map ? values.get(name) : (values as Record<string, Value>)[name];
    if (v !== undefined) return v;
    if (Object.hasOwn(CONSTANTS, name)) return CONSTANTS[name];
    throw new Error(`evaluate: no value for '${name}'`);
  };
  const visit = (e: Expr): Value => {
    switch (e.kind) {
      case 'Number':
      case 'Bool':
        return e.value;
      case 'Name':
        return lookup(e.name);
      case 'Call': {
        const args = e.args.map((a) => Number(visit(a)));
        if (Object.hasOwn(functions, e.callee)) return functions[e.callee](...args);
        const r = applyFunction(e.callee, args);
        if (r === undefined)
          throw new Error(`evaluate: unknown function ${e.callee}() with ${args.length} arguments`);
        return r.value;
      }
      case 'Unary': {
        const x = visit(e.operand);
        if (e.op === 'not') return !x;
        return e.op === '-' ? -Number(x) : Number(x);
      }
      case 'Logical': {
        const left = visit(e.left);
        if (e.op === 'and') return left ? visit(e.right) : left;
        return left ? left : visit(e.right);
      }
      case 'Compare': {
        const a = Number(visit(e.left));
        const b = Number(visit(e.right));
        switch (e.op) {
          case '<':
            return a < b;
          case '<=':
            return a <= b;
          case '>':
            return a > b;
          case '>=':
            return a >= b;
          case '==':
            return a === b;
          case '!=':
            return a !== b;
        }
        break;
      }
      case 'Binary':
        return arithmetic(e.op, Number(visit(e.left)), Number(visit(e.right)));
    }
    throw new Error('evaluate: unreachable');
  };
  return visit(expr);
}

function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      return b === 0 ? a / b : pyDivmod(a, b)[0];
    case '%':
      return b === 0 ? Number.NaN : pyDivmod(a, b)[1];
    case '**':
      return a ** b;
  }
  throw new Error(`evaluate: unknown operator ${op}`);
}

/**
 * Runs statements in order, reading and writing `state` (temporaries end up in it too):
 * the reference semantics of abstract code, for tests.
 */
export function execute(
  statements: readonly Statement[],
  state: Map<string, Value>,
  functions: Functions = {},
): void {
  for (const s of statements) {
    const value = evaluate(s.value, state, functions);
    if (s.op === '=') {
      state.set(s.target, value);
      continue;
    }
    const current = Number(evaluate({ kind: 'Name', name: s.target, span: s.targetSpan }, state, functions));
    state.set(s.target, arithmetic(s.op.slice(0, -1), current, Number(value)));
  }
}
