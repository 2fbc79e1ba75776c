import type { Expr } from '../../1-parse/ast.ts';
import { mapExpr, walk } from '../../1-parse/expr-utils.ts';
import { foldLiteralNode } from './fold-literals.ts';
import { passEnabled } from './pass-switches.ts';

/**
 * Folds what is known after boolean specialisation: `int(True)` → 1, `int(False)` → 0,
 * `_select(True, a, b)` → a, `not True` → False, `x * 1` and `1 * x` → x (exact in IEEE arithmetic), and the float
 * arithmetic on literals this uncovers (`1/0.02`, see fold-literals.ts: bit-identical).
 */
export function foldConstants(expr: Expr): Expr {
  return mapExpr(expr, (e) => {
    if (e.kind === 'Call' && e.callee === 'int' && e.args.length === 1 && e.args[0].kind === 'Bool') {
      return { kind: 'Number', value: e.args[0].value ? 1 : 0, isInteger: true, span: e.span };
    }
    // A select on a known boolean is the arm it picks; the other is dropped only when it has no
    // calls (a random draw there keeps its call site, and so the draws of every other site).
    if (e.kind === 'Call' && e.callee === '_select' && e.args.length === 3 && e.args[0].kind === 'Bool') {
      const [picked, dropped] = e.args[0].value ? [e.args[1], e.args[2]] : [e.args[2], e.args[1]];
      if (!hasCall(dropped)) return picked;
    }
    if (e.kind === 'Unary' && e.op === 'not' && e.operand.kind === 'Bool') {
      return { kind: 'Bool', value: !e.operand.value, span: e.span };
    }
    if (e.kind === 'Logical' && e.left.kind === 'Bool') {
      if (e.op === 'and') return e.left.value ? e.right : e.left;
      return e.left.value ? e.left : e.right;
    }
    if (e.kind === 'Logical' && e.right.kind === 'Bool') {
      if (e.op === 'and') return e.right.value ? e.left : e.right;
      return e.right.value ? e.right : e.left;
    }
    if (e.kind === 'Binary' && e.op === '*') {
      if (isOne(e.right)) return e.left;
      if (isOne(e.left)) return e.right;
    }
    return passEnabled('fold') ? foldLiteralNode(e) : e;
  });
}

function isOne(e: Expr): boolean {
  return e.kind === 'Number' && e.value === 1;
}

function hasCall(e: Expr): boolean {
  let found = false;
  walk(e, (node) => {
    if (node.kind === 'Call') found = true;
  });
  return found;
}
