import type { Expr } from '../compiler/1-parse/ast.ts';

/**
 * Replaces names by expressions, all at once: `substitute(x + y, {x: y, y: x})` is `y + x`.
 * Replacements are not themselves substituted again. Called functions are not names.
 */
export function substitute(expr: Expr, replacements: ReadonlyMap<string, Expr>): Expr {
  if (replacements.size === 0) return expr;
  const visit = (e: Expr): Expr => {
    switch (e.kind) {
      case 'Number':
      case 'Bool':
        return e;
      case 'Name':
        return replacements.get(e.name) ?? e;
      case 'Call': {
        const args = e.args.map(visit);
        const keywords = e.keywords.map((k) => ({ ...k, value: visit(k.value) }));
        return { ...e, args, keywords };
      }
      case 'Unary':
        return { ...e, operand: visit(e.operand) };
      case 'Binary':
      case 'Compare':
      case 'Logical':
        return { ...e, left: visit(e.left), right: visit(e.right) };
    }
  };
  return visit(expr);
}

/** `substitute` with a plain object: `substituteNames(e, { t: tPlusHalf })`. */
export function substituteNames(expr: Expr, replacements: Readonly<Record<string, Expr>>): Expr {
  return substitute(expr, new Map(Object.entries(replacements)));
}
