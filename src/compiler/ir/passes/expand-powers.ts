import type { Expr } from '../../1-parse/ast.ts';
import { mapExpr, walk } from '../../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import { typeOf } from '../types.ts';

/**
 * Small integer powers of floats become multiplications: `x**2` → `x*x`, `x**3` → `(x*x)*x`,
 * `x**4` → `(x*x)*(x*x)`. A library `pow` costs ~37 ns in V8 (two of them were half of
 * COBAHH's state update), a multiplication ~1 ns.
 *
 * Results: `x**2` is bit-identical to `pow` (one correctly rounded product). `x**3` and `x**4`
 * round twice and can differ from a correctly rounded `pow` by 1 ulp, but they are exactly
 * what Brian's own compiled targets compute: Cython and C++ standalone build with
 * `-ffast-math`, under which g++ expands `pow(x, 3)` to `(x*x)*x` and `pow(x, 4)` to
 * `t=x*x; t*t` (checked with g++ 12 -O3 -ffast-math), the products written here in that
 * order. Brian's numpy target calls libm `pow`; the reference tests (1e-9 relative) agree
 * either way (bench/README.md, "Improvements").
 *
 * Only bases of float type without stateful calls are expanded (`rand()**2` stays one draw);
 * a repeated non-trivial base (`(v - E)**2`) is shared again by common-subexpression
 * elimination, which runs afterwards.
 */
export function expandPowers(
  expr: Expr,
  types: ReadonlyMap<string, ScalarType>,
  functions: ReadonlyMap<string, FunctionDef>,
): Expr {
  return mapExpr(expr, (e) => {
    if (e.kind !== 'Binary' || e.op !== '**' || e.right.kind !== 'Number') return e;
    const n = e.right.value;
    if (n !== 2 && n !== 3 && n !== 4) return e;
    const x = e.left;
    if (typeOf(x, types, functions) !== 'float' || !isPure(x, functions)) return e;
    const mul = (left: Expr, right: Expr): Expr => ({ kind: 'Binary', op: '*', left, right, span: e.span });
    const square = mul(x, x);
    if (n === 2) return square;
    if (n === 3) return mul(square, x);
    return mul(square, mul(x, x));
  });
}

/** No stateful call anywhere inside (unknown functions count as stateful). */
export function isPure(expr: Expr, functions: ReadonlyMap<string, FunctionDef>): boolean {
  let pure = true;
  walk(expr, (node) => {
    if (node.kind !== 'Call' || node.callee === '_select') return;
    const def = functions.get(node.callee);
    if (!def || def.stateful) pure = false;
  });
  return pure;
}
