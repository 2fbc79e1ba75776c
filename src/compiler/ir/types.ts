import type { Expr } from '../1-parse/ast.ts';
import type { FunctionDef, ScalarType } from '../functions.ts';

const RANK: Record<ScalarType, number> = { boolean: 0, integer: 1, float: 2 };
const BY_RANK: ScalarType[] = ['boolean', 'integer', 'float'];

/** The type of an IR expression whose names are locals of known type (for `//`, `%`, int division). */
export function typeOf(
  expr: Expr,
  locals: ReadonlyMap<string, ScalarType>,
  functions: ReadonlyMap<string, FunctionDef>,
): ScalarType {
  switch (expr.kind) {
    case 'Number':
      return expr.isInteger ? 'integer' : 'float';
    case 'Bool':
    case 'Compare':
    case 'Logical':
      return 'boolean';
    case 'Name':
      return locals.get(expr.name) ?? 'float';
    case 'Unary':
      return expr.op === 'not' ? 'boolean' : typeOf(expr.operand, locals, functions);
    case 'Call': {
      const def = functions.get(expr.callee);
      if (!def) return 'float';
      if (def.resultType !== 'highest') return def.resultType;
      const t = BY_RANK[Math.max(...expr.args.map((a) => RANK[typeOf(a, locals, functions)]))];
      return t === 'boolean' ? 'integer' : t;
    }
    case 'Binary': {
      if (expr.op === '/') return 'float';
      const l = typeOf(expr.left, locals, functions);
      const r = typeOf(expr.right, locals, functions);
      const t = BY_RANK[Math.max(RANK[l], RANK[r])];
      return t === 'boolean' ? 'integer' : t;
    }
  }
}
