import type { Compare, Expr } from '../../1-parse/ast.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import { passEnabled } from '../../ir/passes/pass-switches.ts';
import { typeOf } from '../../ir/types.ts';

/**
 * Prelude helpers cheap enough to print inline instead of calling `_brian.*`: the same
 * operations in the same order as src/devices/runtime/prelude.ts, so results are identical.
 * A call is inlined only when each argument that the body uses twice is a name or a literal
 * (no expression is evaluated twice). Measured in bench/README.md ("Improvements").
 */
export function inlinePreludeCall(
  jsName: string,
  args: readonly Expr[],
  print: (e: Expr) => string,
): string | undefined {
  if (
    jsName === '_brian.timestep' &&
    args.length === 2 &&
    isAtom(args[1]) &&
    passEnabled('inline-timestep')
  ) {
    // _brian.timestep(t, dt) = Math.trunc((t + 1e-3 * dt) / dt)
    return `Math.trunc(${timestepQuotient(args, print)})`;
  }
  return undefined;
}

/**
 * `timestep(x, dt) >= n` with an integer `n` (the refractoriness test of every neuron with a
 * refractory period, `not_refractory = timestep(t - lastspike, dt) >= timestep(refractory, dt)`),
 * without the truncation: for an integer n, trunc(q) >= n ⟺ q >= n when n ≥ 1, and
 * q > n - 1 when n ≤ 0 (NaN and ±∞ included). The truncation and the integer checks V8 adds
 * around it cost ~2 ns per neuron-step, 40 % of CUBA's state update.
 */
export function inlineTimestepCompare(
  expr: Compare,
  functions: ReadonlyMap<string, FunctionDef>,
  locals: ReadonlyMap<string, ScalarType>,
  print: (e: Expr) => string,
): string | undefined {
  const left = expr.left;
  if (expr.op !== '>=' || left.kind !== 'Call' || !passEnabled('inline-timestep')) return undefined;
  if (
    functions.get(left.callee)?.js !== '_brian.timestep' ||
    left.args.length !== 2 ||
    !isAtom(left.args[1])
  ) {
    return undefined;
  }
  const n = expr.right;
  if (!isAtom(n) || typeOf(n, locals, functions) !== 'integer') return undefined;
  const q = timestepQuotient(left.args, print);
  const k = print(n);
  return `((${k} >= 1) ? (${q} >= ${k}) : (${q} > (${k} - 1)))`;
}

function timestepQuotient(args: readonly Expr[], print: (e: Expr) => string): string {
  const dt = print(args[1]);
  return `(((${print(args[0])}) + (1e-3 * ${dt})) / ${dt})`;
}

/**
 * `_brian.int(x)` (prelude.ts): a boolean is its 0 or 1 and an integer itself, with no call; a
 * float is checked against the int32 range inline when it is a name or a literal.
 */
export function printInt32(arg: Expr, type: ScalarType, print: (e: Expr) => string): string {
  const x = print(arg);
  if (type === 'boolean') return `(+${x})`;
  if (type === 'integer') return x;
  if (!isAtom(arg)) return `_brian.int(${x})`;
  return `((${x} > -2147483649 && ${x} < 2147483648) ? (${x} | 0) : -2147483648)`;
}

function isAtom(e: Expr): boolean {
  return e.kind === 'Name' || e.kind === 'Number';
}
