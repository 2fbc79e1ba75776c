import type { Expr } from '../../1-parse/ast.ts';
import { mapExpr } from '../../1-parse/expr-utils.ts';
import { type FunctionDef, type ScalarType, TIMESTEP_FUNCTION } from '../../functions.ts';
import type { IRStatement } from '../kernel.ts';
import { typeOf } from '../types.ts';
import { isPure } from './expand-powers.ts';

/**
 * `_quotient_threshold(m, d)`: the smallest double x with x / d >= m (core/math/quotient-threshold.ts),
 * made only by this pass.
 */
export const QUOTIENT_THRESHOLD: FunctionDef = {
  name: '_quotient_threshold',
  cheap: true,
  argDims: [],
  resultDim: (args) => args[1], // the dividend: seconds, as the divisor dt
  resultType: 'float',
  stateful: false,
  js: '_brian.quotientThreshold',
  cpp: '_brian_quotient_threshold',
};

/** Relative margin of the bounds: far above rounding (2^-52), far below any real distance. */
const MARGIN = 2 ** -40;
const MAX = Number.MAX_VALUE;

/**
 * When the divisor is the clock's `dt` (the refractoriness test Brian generates), the test is
 * `X >= _quotient_threshold(m, dt)`, exact with no band at all; the bounds below are kept for
 * any other scalar divisor, which may be zero or negative.
 *
 * The refractoriness test of every neuron with a refractory period,
 * `timestep(t - lastspike, dt) >= timestep(refractory, dt)`, costs a division per neuron and
 * step (a third of CUBA's state update, which is bound by division throughput). With `n` and
 * `dt` loop-invariant, `timestep(x, dt) >= n` is decided by comparing X = x + 1e-3*dt (the
 * numerator Brian's `timestep` divides) with two loop-invariant bounds around n·dt:
 *
 *   X >= hi  or  (X >= lo  and  timestep(x, dt) >= n)      hi = n·dt·(1 + 2^-40), lo = n·dt·(1 − 2^-40)
 *
 * Exact: X ≥ hi > n·dt implies X/dt ≥ n, so the rounded quotient is ≥ n; X < lo < n·dt·(1 − 2^-52)
 * implies X/dt < n − ulp(n)/2, so it rounds below n. Only X within 2^-40 of n·dt takes the
 * exact test (the division, without the truncation). NaN fails every comparison, as before;
 * ±∞ agree. When n < 1 or dt is not a normal positive number the bounds are ±MAX_VALUE, so
 * the exact test decides. The bounds are scalar, and the hoisting pass computes them once
 * per call.
 */
export function boundTimestepComparisons(
  statements: readonly IRStatement[],
  isScalar: (e: Expr) => boolean,
  types: ReadonlyMap<string, ScalarType>,
  functions: ReadonlyMap<string, FunctionDef>,
): IRStatement[] {
  return statements.map((s) => {
    const value = mapExpr(s.value, (e) => {
      if (e.kind !== 'Compare' || e.op !== '>=' || e.left.kind !== 'Call') return e;
      if (functions.get(e.left.callee) !== TIMESTEP_FUNCTION) return e;
      const [x, dt] = e.left.args;
      const n = e.right;
      if (e.left.args.length !== 2 || !isScalar(dt) || !isScalar(n)) return e;
      if (typeOf(n, types, functions) !== 'integer' || !isPure(x, functions)) return e;
      const span = e.span;
      const num = (value: number): Expr => ({ kind: 'Number', value, isInteger: false, span });
      const bin = (op: '+' | '*', left: Expr, right: Expr): Expr => ({
        kind: 'Binary',
        op,
        left,
        right,
        span,
      });
      const atLeastOne: Expr = {
        kind: 'Compare',
        op: '>=',
        left: n,
        right: { kind: 'Number', value: 1, isInteger: true, span },
        span,
      };
      const usable: Expr = {
        kind: 'Logical',
        op: 'and',
        left: atLeastOne,
        right: { kind: 'Compare', op: '>', left: dt, right: num(1e-300), span },
        span,
      };
      const bound = (factor: number, fallback: number): Expr => ({
        kind: 'Call',
        callee: '_select',
        calleeSpan: span,
        args: [usable, bin('*', bin('*', n, dt), num(factor)), num(fallback)],
        keywords: [],
        span,
      });
      const X = bin('+', x, bin('*', num(1e-3), dt));
      const atLeast = (left: Expr, bound: Expr): Expr => ({
        kind: 'Compare',
        op: '>=',
        left,
        right: bound,
        span,
      });
      // The exact test without truncation: trunc(q) >= n ⟺ q >= n for n ≥ 1, and q > n − 1 ⟺
      // q >= nextUp(n − 1) = −((1 − n)·(1 − 2^-53)) for n ≤ 0 (the product rounds to the
      // double just below 1 − n, an integer ≥ 1). A loop-invariant threshold, so no branch
      // per element: CUBA's state update went 2.5 → 2.0 ns per neuron-step.
      const threshold: Expr = {
        kind: 'Call',
        callee: '_select',
        calleeSpan: span,
        args: [
          atLeastOne,
          n,
          {
            kind: 'Unary',
            op: '-',
            operand: bin('*', { kind: 'Binary', op: '-', left: num(1), right: n, span }, num(1 - 2 ** -53)),
            span,
          },
        ],
        keywords: [],
        span,
      };
      // The clock's dt is positive (Clock refuses anything else), so the quotient is monotone in
      // X and the whole test is one comparison with the smallest X that passes (computed once
      // per call): no division and no band, every element, every step.
      if (dt.kind === 'Name' && dt.name === 'dt') {
        return atLeast(X, {
          kind: 'Call',
          callee: QUOTIENT_THRESHOLD.name,
          calleeSpan: span,
          args: [threshold, dt],
          keywords: [],
          span,
        });
      }
      const exact = atLeast({ kind: 'Binary', op: '/', left: X, right: dt, span }, threshold);
      return {
        kind: 'Logical',
        op: 'or',
        left: atLeast(X, bound(1 + MARGIN, MAX)),
        right: { kind: 'Logical', op: 'and', left: atLeast(X, bound(1 - MARGIN, -MAX)), right: exact, span },
        span,
      };
    });
    return value === s.value ? s : { ...s, value };
  });
}
