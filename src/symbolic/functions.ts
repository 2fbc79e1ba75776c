/**
 * Numeric versions of Brian's default functions (numpy semantics: NaN instead of exceptions),
 * for constant folding and for `evaluate`. The compiler's own function table
 * (src/compiler/functions.ts) holds dimensions and target code; this one only computes.
 */
type Impl = (...args: number[]) => number;

interface Row {
  readonly arity: number;
  readonly impl: Impl;
  /** The result is an integer (`int`, `timestep`), or an integer when all arguments are ('highest'). */
  readonly integer?: 'always' | 'highest';
}

/** scipy's exprel, as Brian implements it: (exp(x) - 1)/x, continuous at 0. */
export function exprel(x: number): number {
  if (Math.abs(x) < 1e-16) return 1;
  if (x > 717) return Number.POSITIVE_INFINITY;
  return Math.expm1(x) / x;
}

/** Brian's `timestep(t, dt)`: the integer step of a time, robust to rounding. */
export function timestep(t: number, dt: number): number {
  return Math.trunc((t + 1e-3 * dt) / dt);
}

const unary = (impl: (x: number) => number): Row => ({ arity: 1, impl });

const TABLE: Readonly<Record<string, Row>> = {
  exp: unary(Math.exp),
  log: unary(Math.log),
  log10: unary(Math.log10),
  expm1: unary(Math.expm1),
  log1p: unary(Math.log1p),
  exprel: unary(exprel),
  sqrt: unary(Math.sqrt),
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  tan: unary(Math.tan),
  sinh: unary(Math.sinh),
  cosh: unary(Math.cosh),
  tanh: unary(Math.tanh),
  arcsin: unary(Math.asin),
  arccos: unary(Math.acos),
  arctan: unary(Math.atan),
  ceil: unary(Math.ceil),
  floor: unary(Math.floor),
  abs: { ...unary(Math.abs), integer: 'highest' },
  sign: { ...unary((x) => (Number.isNaN(x) ? x : Math.sign(x) + 0)), integer: 'highest' },
  int: { ...unary((x) => Math.trunc(x) + 0), integer: 'always' },
  clip: { arity: 3, impl: (x, lo, hi) => Math.min(Math.max(x, lo), hi), integer: 'highest' },
  timestep: { arity: 2, impl: timestep, integer: 'always' },
};

/** A known function without state (not rand/randn/poisson). */
export function isPureFunction(name: string): boolean {
  return Object.hasOwn(TABLE, name);
}

/**
 * Applies a pure default function; undefined for unknown names or a wrong number of arguments.
 * `argsInteger` says which arguments are exact integers, for the result type.
 */
export function applyFunction(
  name: string,
  args: readonly number[],
  argsInteger: readonly boolean[] = [],
): { value: number; isInteger: boolean } | undefined {
  if (!isPureFunction(name)) return undefined;
  const row = TABLE[name];
  if (args.length !== row.arity) return undefined;
  const value = row.impl(...args);
  const isInteger =
    row.integer === 'always' || (row.integer === 'highest' && args.every((_, k) => argsInteger[k] === true));
  return { value, isInteger };
}
