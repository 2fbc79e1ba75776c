import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Span } from '../../diagnostics/span.ts';
import type { Expr } from './ast.ts';

/**
 * How deep an expression may nest: parentheses, unary and power chains, and the length of
 * left-to-right chains such as a sum of many terms (a tree that deep). Every later phase
 * (analysis, lowering, the symbolic integrators, the code printers, V8 and g++) walks the tree
 * recursively; 500 levels is far beyond real models (Brian's own Python recursion stops near
 * 1000 frames) and well inside what every phase handles, so no input can overflow the stack:
 * deeper input is the coded `nesting_too_deep` error instead.
 */
export const MAX_EXPRESSION_DEPTH = 500;

export function tooDeep(span: Span, what: string): BrianError {
  return new BrianError(
    'nesting_too_deep',
    `${what} nests deeper than ${MAX_EXPRESSION_DEPTH} levels, more than brian-ts handles.`,
    {
      span,
      hint: 'split it with subexpressions (`x1 = … : unit`) or named constants',
    },
  );
}

/** Depth of the tree (an atom is 1), found without recursion. */
export function expressionDepth(root: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    if (d > max) max = d;
    switch (e.kind) {
      case 'Binary':
      case 'Compare':
      case 'Logical':
        stack.push([e.left, d + 1], [e.right, d + 1]);
        break;
      case 'Unary':
        stack.push([e.operand, d + 1]);
        break;
      case 'Call':
        for (const a of e.args) stack.push([a, d + 1]);
        for (const k of e.keywords) stack.push([k.value, d + 1]);
        break;
      default:
        break;
    }
  }
  return max;
}
