import type { Call, Expr, Keyword } from './ast.ts';

/**
 * Small helpers over expression trees, for every phase after parsing: visiting, collecting
 * names, rebuilding, renaming, structural equality and printing back to Python syntax.
 */

/** The direct sub-expressions of a node, in source order (call keyword values after the arguments). */
export function children(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'Number':
    case 'Bool':
    case 'Name':
      return [];
    case 'Call':
      return [...expr.args, ...expr.keywords.map((k) => k.value)];
    case 'Unary':
      return [expr.operand];
    case 'Binary':
    case 'Compare':
    case 'Logical':
      return [expr.left, expr.right];
  }
}

/**
 * Visits `expr` and its descendants in pre-order. Returning `false` from `fn` skips the
 * children of that node.
 */
export function walk(
  expr: Expr,
  // biome-ignore lint/suspicious/noConfusingVoidType: most visitors return nothing
  fn: (node: Expr, parent: Expr | undefined) => boolean | void,
): void {
  const visit = (node: Expr, parent: Expr | undefined) => {
    if (fn(node, parent) === false) return;
    for (const child of children(node)) visit(child, node);
  };
  visit(expr, undefined);
}

/** The names of variables and constants used in `expr` (not the names of called functions). */
export function identifiers(expr: Expr): Set<string> {
  const names = new Set<string>();
  walk(expr, (node) => {
    if (node.kind === 'Name') names.add(node.name);
  });
  return names;
}

/** Every function call in `expr`, outermost first. */
export function calls(expr: Expr): Call[] {
  const found: Call[] = [];
  walk(expr, (node) => {
    if (node.kind === 'Call') found.push(node);
  });
  return found;
}

/** The names of the functions called in `expr`. */
export function callNames(expr: Expr): Set<string> {
  return new Set(calls(expr).map((c) => c.callee));
}

/**
 * Rebuilds `expr` bottom-up: children first, then `fn` on the node with its new children.
 * Unchanged subtrees keep their identity.
 */
export function mapExpr(expr: Expr, fn: (node: Expr) => Expr): Expr {
  return fn(mapChildren(expr, (child) => mapExpr(child, fn)));
}

/** The node with `fn` applied to each direct child (the same object when nothing changed). */
export function mapChildren(expr: Expr, fn: (child: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'Number':
    case 'Bool':
    case 'Name':
      return expr;
    case 'Call': {
      const args = expr.args.map(fn);
      const keywords = expr.keywords.map((k): Keyword => {
        const value = fn(k.value);
        return value === k.value ? k : { ...k, value };
      });
      const same =
        args.every((a, n) => a === expr.args[n]) && keywords.every((k, n) => k === expr.keywords[n]);
      return same ? expr : { ...expr, args, keywords };
    }
    case 'Unary': {
      const operand = fn(expr.operand);
      return operand === expr.operand ? expr : { ...expr, operand };
    }
    case 'Binary':
    case 'Compare':
    case 'Logical': {
      const left = fn(expr.left);
      const right = fn(expr.right);
      return left === expr.left && right === expr.right ? expr : { ...expr, left, right };
    }
  }
}

/** Renames variables (`Name` nodes, not called functions): `renameNames(e, { v: 'v_post' })`. */
export function renameNames(
  expr: Expr,
  map: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): Expr {
  const lookup = (name: string): string | undefined =>
    map instanceof Map
      ? map.get(name)
      : Object.hasOwn(map, name)
        ? (map as Record<string, string>)[name]
        : undefined;
  return mapExpr(expr, (node) => {
    if (node.kind !== 'Name') return node;
    const renamed = lookup(node.name);
    return renamed === undefined || renamed === node.name ? node : { ...node, name: renamed };
  });
}

/** Structural equality, ignoring spans (and `calleeSpan`). */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'Number':
      return Object.is(a.value, (b as typeof a).value) && a.isInteger === (b as typeof a).isInteger;
    case 'Bool':
      return a.value === (b as typeof a).value;
    case 'Name':
      return a.name === (b as typeof a).name;
    case 'Call': {
      const c = b as typeof a;
      return (
        a.callee === c.callee &&
        a.args.length === c.args.length &&
        a.keywords.length === c.keywords.length &&
        a.args.every((x, k) => exprEquals(x, c.args[k])) &&
        a.keywords.every((x, k) => x.name === c.keywords[k].name && exprEquals(x.value, c.keywords[k].value))
      );
    }
    case 'Unary': {
      const c = b as typeof a;
      return a.op === c.op && exprEquals(a.operand, c.operand);
    }
    case 'Binary':
    case 'Compare':
    case 'Logical': {
      const c = b as typeof a;
      return a.op === c.op && exprEquals(a.left, c.left) && exprEquals(a.right, c.right);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Printing with minimal parentheses. Levels follow Python's grammar; higher binds tighter.

const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARE = 4;
const SUM = 5;
const PRODUCT = 6;
const UNARY = 7;
const POWER = 8;
const ATOM = 9;

function level(expr: Expr): number {
  switch (expr.kind) {
    case 'Logical':
      return expr.op === 'or' ? OR : AND;
    case 'Unary':
      return expr.op === 'not' ? NOT : UNARY;
    case 'Compare':
      return COMPARE;
    case 'Binary':
      if (expr.op === '**') return POWER;
      return expr.op === '+' || expr.op === '-' ? SUM : PRODUCT;
    case 'Number':
      // A negative literal (made by a later phase) prints as `-3`, which reads as a unary minus.
      return expr.value < 0 || Object.is(expr.value, -0) ? UNARY : ATOM;
    default:
      return ATOM;
  }
}

/** Prints `expr` in Python syntax, with only the parentheses that the structure needs. */
export function exprToString(expr: Expr): string {
  const wrap = (child: Expr, needsParens: boolean) =>
    needsParens ? `(${exprToString(child)})` : exprToString(child);
  switch (expr.kind) {
    case 'Number':
      return numberToString(expr.value, expr.isInteger);
    case 'Bool':
      return expr.value ? 'True' : 'False';
    case 'Name':
      return expr.name;
    case 'Call': {
      const args = [
        ...expr.args.map(exprToString),
        ...expr.keywords.map((k) => `${k.name}=${exprToString(k.value)}`),
      ];
      return `${expr.callee}(${args.join(', ')})`;
    }
    case 'Unary': {
      const own = level(expr);
      const operand = wrap(expr.operand, level(expr.operand) < own);
      return expr.op === 'not' ? `not ${operand}` : `${expr.op}${operand}`;
    }
    case 'Binary':
      if (expr.op === '**') {
        // Right-associative; the exponent may be a unary minus (`2**-1`).
        return `${wrap(expr.left, level(expr.left) <= POWER)}**${wrap(expr.right, level(expr.right) < UNARY)}`;
      }
      return infix(expr.left, expr.op, expr.right, level(expr));
    case 'Compare':
      // Comparisons do not nest without parentheses: `a < b < c` would be a chain.
      return infix(expr.left, expr.op, expr.right, COMPARE);
    case 'Logical':
      return infix(expr.left, expr.op, expr.right, level(expr));
  }
}

/** A left-associative infix operator: the right operand needs parentheses at the same level. */
function infix(left: Expr, op: string, right: Expr, own: number): string {
  const l = level(left) < own || (own === COMPARE && level(left) === COMPARE);
  const r = level(right) <= own;
  return `${l ? `(${exprToString(left)})` : exprToString(left)} ${op} ${r ? `(${exprToString(right)})` : exprToString(right)}`;
}

function numberToString(value: number, isInteger: boolean): string {
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (Number.isNaN(value)) return 'nan';
  if (Object.is(value, -0)) return isInteger ? '-0' : '-0.0';
  if (isInteger && Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  // Keep float literals floats when read back: `1` would become an integer.
  return /[.e]/.test(text) ? text : `${text}.0`;
}
