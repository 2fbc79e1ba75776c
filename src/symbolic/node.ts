import type { Span } from '../diagnostics/span.ts';
import type { Coef } from './coef.ts';
import * as C from './coef.ts';
import { applyFunction, isPureFunction } from './functions.ts';

/**
 * The canonical form the CAS computes with, in the spirit of sympy's automatic evaluation:
 * sums and products are flattened, numbers folded, like terms collected (`2*x + x` → `3*x`),
 * powers of one base combined (`x*x**-1` → `1`), and numbers distributed over a single sum
 * (`-(a - b)` → `b - a`). Every node has a `key`: equal keys mean structurally equal nodes.
 *
 * Nothing is expanded here (see expand.ts), and nothing that changes the value of an
 * expression is done: `/` stays true division, `//` and `%` are folded only between numbers
 * with Python's semantics, and calls of stateful functions (`rand()`) are never merged.
 */
export type Node = NumNode | SymNode | AddNode | MulNode | PowNode | CallNode | OpNode | BoolNode;

export interface NumNode {
  readonly t: 'num';
  readonly c: Coef;
  readonly key: string;
}
export interface SymNode {
  readonly t: 'sym';
  readonly name: string;
  readonly key: string;
  /** Where the name was written, kept when converting back to a syntax tree. */
  readonly span?: Span;
}
/** At least two terms, none of them a sum; the numeric term, if any, comes first. */
export interface AddNode {
  readonly t: 'add';
  readonly terms: readonly Node[];
  readonly key: string;
}
/** `c * factors`: at least one factor, none a number or a product; c ≠ 0; factors sorted by key. */
export interface MulNode {
  readonly t: 'mul';
  readonly c: Coef;
  readonly factors: readonly Node[];
  readonly key: string;
}
export interface PowNode {
  readonly t: 'pow';
  readonly base: Node;
  readonly exp: Node;
  readonly key: string;
}
export interface CallNode {
  readonly t: 'call';
  readonly name: string;
  readonly args: readonly Node[];
  readonly key: string;
  readonly span?: Span;
  /** Which call of a stateful function this is (distinct calls are distinct values). */
  readonly occurrence?: number;
  /** Keyword arguments (only `sample(…, p=…)` of connect generators has them). */
  readonly keywords?: readonly { readonly name: string; readonly value: Node }[];
}
/** Operators the CAS does not reason about: `//`, `%`, comparisons, `and`, `or`, `not`. */
export interface OpNode {
  readonly t: 'op';
  readonly op: OpName;
  readonly args: readonly Node[];
  readonly key: string;
}
export interface BoolNode {
  readonly t: 'bool';
  readonly v: boolean;
  readonly key: string;
}

export type OpName = '//' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or' | 'not';

/** Functions that return a new value at every call: two calls are never the same expression. */
export const STATEFUL_FUNCTIONS: ReadonlySet<string> = new Set(['rand', 'randn', 'poisson']);

export function numNode(c: Coef): NumNode {
  return { t: 'num', c, key: `#${C.key(c)}` };
}
export const ZERO = numNode(C.ZERO);
export const ONE = numNode(C.ONE);
export const MINUS_ONE = numNode(C.MINUS_ONE);

export function symNode(name: string, span?: Span): SymNode {
  return { t: 'sym', name, key: name, span };
}

export function boolNode(v: boolean): BoolNode {
  return { t: 'bool', v, key: v ? '#True' : '#False' };
}

export const isNum = (n: Node): n is NumNode => n.t === 'num';

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The order of factors and terms: by name, a power next to its base (`gk*n**4`), products by
 * their factors, so that printed expressions read naturally. Ties are broken by key.
 */
function orderKey(n: Node): string {
  if (n.t === 'pow') return `${orderKey(n.base)}^`;
  if (n.t === 'mul') return n.factors.map(orderKey).join('*');
  return n.key;
}

function byOrder(a: Node, b: Node): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : byKey(a, b);
}

/** Splits a term into its numeric coefficient and the rest (`3*x*y` → 3, `x*y`). */
export function splitCoefficient(n: Node): [Coef, Node] {
  if (n.t === 'num') return [n.c, ONE];
  if (n.t === 'mul') {
    const rest: Node =
      n.factors.length === 1
        ? n.factors[0]
        : { t: 'mul', c: C.ONE, factors: n.factors, key: mulKey(C.ONE, n.factors) };
    return [n.c, rest];
  }
  return [C.ONE, n];
}

function mulKey(c: Coef, factors: readonly Node[]): string {
  return `*(${C.key(c)};${factors.map((f) => f.key).join(';')})`;
}

export function add(items: readonly Node[]): Node {
  let constant: Coef = C.ZERO;
  const collected = new Map<string, { c: Coef; rest: Node }>();
  const visit = (n: Node) => {
    if (n.t === 'add') n.terms.forEach(visit);
    else if (n.t === 'num') constant = C.add(constant, n.c);
    else {
      const [c, rest] = splitCoefficient(n);
      const entry = collected.get(rest.key);
      if (entry) entry.c = C.add(entry.c, c);
      else collected.set(rest.key, { c, rest });
    }
  };
  items.forEach(visit);
  const terms: Node[] = [];
  for (const { c, rest } of [...collected.values()].sort((a, b) => byOrder(a.rest, b.rest))) {
    if (!C.isZero(c)) terms.push(scale(c, rest));
  }
  if (!C.isZero(constant)) terms.unshift(numNode(constant));
  if (terms.length === 0) return numNode(constant);
  if (terms.length === 1) return terms[0];
  return { t: 'add', terms, key: `+(${terms.map((x) => x.key).join(';')})` };
}

/** `c * rest` for a rest without numeric coefficient. */
function scale(c: Coef, rest: Node): Node {
  if (C.isOne(c) && c.kind === 'rat') return rest;
  return mul([numNode(c), rest]);
}

export function mul(items: readonly Node[]): Node {
  let c: Coef = C.ONE;
  const powers = new Map<string, { base: Node; exp: Node }>();
  const visit = (n: Node) => {
    if (n.t === 'num') c = C.mul(c, n.c);
    else if (n.t === 'mul') {
      c = C.mul(c, n.c);
      n.factors.forEach(visit);
    } else {
      const [base, exp] = n.t === 'pow' ? [n.base, n.exp] : [n, ONE];
      const entry = powers.get(base.key);
      if (entry) entry.exp = add([entry.exp, exp]);
      else powers.set(base.key, { base, exp });
    }
  };
  items.forEach(visit);
  if (C.isZero(c)) return numNode(c);
  const factors: Node[] = [];
  let again = false;
  for (const { base, exp } of powers.values()) {
    const p = pow(base, exp);
    if (p.t === 'num') c = C.mul(c, p.c);
    else {
      if (p.t === 'mul') again = true;
      factors.push(p);
    }
  }
  if (again) return mul([numNode(c), ...factors]);
  factors.sort(byOrder);
  if (factors.length === 0) return numNode(c);
  if (factors.length === 1 && C.isOne(c) && c.kind === 'rat') return factors[0];
  const only = factors[0];
  if (factors.length === 1 && only.t === 'add') {
    // Numbers distribute over a single sum, as in sympy: 2*(x + y) → 2*x + 2*y.
    return add(only.terms.map((term) => mul([numNode(c), term])));
  }
  return { t: 'mul', c, factors, key: mulKey(c, factors) };
}

export function pow(base: Node, exp: Node): Node {
  if (exp.t === 'num') {
    if (C.isZero(exp.c)) {
      // Python: x**0 is 1 and x**0.0 is 1.0, whatever x is.
      const one = base.t === 'num' ? C.pow(base.c, exp.c) : undefined;
      return numNode(one ?? (exp.c.kind === 'rat' ? C.ONE : C.float(1)));
    }
    if (C.isOne(exp.c)) return base;
    if (base.t === 'num') {
      const r = C.pow(base.c, exp.c);
      if (r !== undefined) return numNode(r);
    }
    if (C.isInteger(exp.c)) {
      if (base.t === 'pow') return pow(base.base, mul([base.exp, exp]));
      if (base.t === 'mul') {
        const c = C.pow(base.c, exp.c);
        if (c !== undefined) return mul([numNode(c), ...base.factors.map((f) => pow(f, exp))]);
      }
    }
  }
  if (base.t === 'num' && C.isOne(base.c) && base.c.kind === 'rat') return base;
  return { t: 'pow', base, exp, key: `^(${base.key};${exp.key})` };
}

export function neg(n: Node): Node {
  return mul([MINUS_ONE, n]);
}

export function sub(a: Node, b: Node): Node {
  return add([a, neg(b)]);
}

export function div(a: Node, b: Node): Node {
  return mul([a, pow(b, MINUS_ONE)]);
}

/**
 * A function call. Pure functions of numbers are folded (`exp(0)` → `1.0`); a stateful call
 * gets a distinct key from `occurrence` so that `rand() - rand()` is not zero.
 */
export function call(
  name: string,
  args: readonly Node[],
  span?: Span,
  occurrence?: number,
  keywords?: readonly { readonly name: string; readonly value: Node }[],
): Node {
  if (keywords?.length) {
    // Only generator functions (`sample`) take keywords: random, so never merged either.
    const kw = keywords.map((k) => `${k.name}=${k.value.key}`);
    const key = `${name}(${[...args.map((a) => a.key), ...kw].join(';')})@${occurrence ?? 0}`;
    return { t: 'call', name, args, span, key, occurrence, keywords };
  }
  if (isPureFunction(name) && args.every(isNum)) {
    const nums = args as readonly NumNode[];
    const r = applyFunction(
      name,
      nums.map((a) => C.value(a.c)),
      nums.map((a) => C.isInteger(a.c)),
    );
    if (r !== undefined && Number.isFinite(r.value))
      return numNode(r.isInteger ? C.int(r.value) : C.float(r.value));
  }
  const stateful = STATEFUL_FUNCTIONS.has(name) ? `@${occurrence ?? 0}` : '';
  const key = `${name}(${args.map((a) => a.key).join(';')})${stateful}`;
  return { t: 'call', name, args, span, key, occurrence };
}

export function op(name: OpName, args: readonly Node[]): Node {
  const folded = foldOp(name, args);
  if (folded !== undefined) return folded;
  return { t: 'op', op: name, args, key: `${name}(${args.map((a) => a.key).join(';')})` };
}

function foldOp(name: OpName, args: readonly Node[]): Node | undefined {
  const vals = args.map((a) => (a.t === 'num' ? C.value(a.c) : a.t === 'bool' ? a.v : undefined));
  if (vals.some((v) => v === undefined)) return undefined;
  const [a, b] = vals as Array<number | boolean>;
  const x = Number(a);
  const y = Number(b);
  switch (name) {
    case '//':
    case '%': {
      if (y === 0) return undefined;
      const [q, r] = pyDivmod(x, y);
      const exact = args.every((n) => n.t === 'num' && C.isInteger(n.c));
      const v = name === '//' ? q : r;
      return numNode(exact ? C.int(v) : C.float(v));
    }
    case '<':
      return boolNode(x < y);
    case '<=':
      return boolNode(x <= y);
    case '>':
      return boolNode(x > y);
    case '>=':
      return boolNode(x >= y);
    case '==':
      return boolNode(x === y);
    case '!=':
      return boolNode(x !== y);
    case 'and':
      return boolNode(Boolean(a) && Boolean(b));
    case 'or':
      return boolNode(Boolean(a) || Boolean(b));
    case 'not':
      return boolNode(!a);
  }
}

/** Python's `divmod` for floats and integers: the remainder has the sign of the divisor. */
export function pyDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && y < 0 !== mod < 0) {
    mod += y;
    div -= 1;
  }
  if (mod === 0) mod = y < 0 ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = x / y < 0 ? -0 : 0;
  return [floordiv, mod];
}

/** The names of the variables (`sym` nodes) in a node. */
export function symbolsOf(n: Node, into: Set<string> = new Set()): Set<string> {
  if (n.t === 'sym') into.add(n.name);
  else for (const child of childrenOf(n)) symbolsOf(child, into);
  return into;
}

export function childrenOf(n: Node): readonly Node[] {
  switch (n.t) {
    case 'add':
      return n.terms;
    case 'mul':
      return n.factors;
    case 'pow':
      return [n.base, n.exp];
    case 'call':
      return n.keywords ? [...n.args, ...n.keywords.map((k) => k.value)] : n.args;
    case 'op':
      return n.args;
    default:
      return [];
  }
}

/** Whether any symbol of `names` occurs in `n`. */
export function hasAny(n: Node, names: ReadonlySet<string>): boolean {
  if (n.t === 'sym') return names.has(n.name);
  return childrenOf(n).some((child) => hasAny(child, names));
}
