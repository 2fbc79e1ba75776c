import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { SourceText, type Span } from '../../../diagnostics/span.ts';
import { toExpr, toNode } from '../../../symbolic/convert.ts';
import { expand, factorsOf, termsOf } from '../../../symbolic/expand.ts';
import type { Node } from '../../../symbolic/node.ts';
import * as N from '../../../symbolic/node.ts';
import type { Expr } from '../../1-parse/ast.ts';
import { parseStatements } from '../../1-parse/parse-statements.ts';

/**
 * Brian's language for explicit integrators (`ExplicitStateUpdater`): assignments to
 * intermediate results, then `x_new = …`. Expressions may use `x` (the state before the step),
 * `t`, `dt`, `dW` (a normal random number of variance dt), the earlier intermediate results,
 * `f(x, t)` (the deterministic part of the equation) and `g(x, t)` (the factor of a noise
 * term). Each statement must be linear in f and g.
 */
export interface ExplicitDescription {
  readonly text: string;
  readonly steps: readonly DescriptionStep[];
  /** The `x_new = …` line. */
  readonly output: DescriptionStep;
}

export interface DescriptionStep {
  readonly name: string;
  /** The terms without g or dW (Brian's `split_expression`, non-stochastic part). */
  readonly deterministic: Expr;
  /** The terms with g or dW, if any. */
  readonly stochastic?: Expr;
  readonly span: Span;
}

const BUILTIN_NAMES = new Set(['x', 't', 'dt', 'dW']);

export function parseDescription(text: string, label = 'integrator description'): ExplicitDescription {
  const source = new SourceText(text, label);
  const statements = parseStatements(source, label);
  const fail = (message: string, span?: Span): never => {
    throw new BrianError('syntax_error', message, { span, source });
  };
  if (statements.length === 0 || statements.at(-1)!.target !== 'x_new') {
    fail('an integrator description must end with `x_new = …`', statements.at(-1)?.span);
  }
  const known = new Set(BUILTIN_NAMES);
  const steps: DescriptionStep[] = [];
  for (const s of statements) {
    if (s.op !== '=') fail(`only plain assignments are allowed, not '${s.op}'`, s.span);
    if (s.target !== 'x_new' && (known.has(s.target) || s.target === 'f' || s.target === 'g')) {
      fail(`'${s.target}' is already defined`, s.targetSpan);
    }
    checkNames(s.value, known, fail);
    steps.push({ name: s.target, ...split(s.value, fail), span: s.span });
    known.add(s.target);
  }
  const output = steps.pop()!;
  return { text, steps, output };
}

function checkNames(
  e: Expr,
  known: ReadonlySet<string>,
  fail: (m: string, s?: Span) => never,
  inside?: string,
): void {
  switch (e.kind) {
    case 'Name':
      if (!known.has(e.name))
        fail(`unknown name '${e.name}' (use x, t, dt, dW or an earlier result)`, e.span);
      return;
    case 'Call':
      if (e.callee === 'f' || e.callee === 'g') {
        if (inside) fail(`${e.callee}() cannot be used inside ${inside}()`, e.span);
        if (e.args.length !== 2) fail(`${e.callee}() takes two arguments, (x, t)`, e.span);
      }
      for (const a of e.args)
        checkNames(a, known, fail, e.callee === 'f' || e.callee === 'g' ? e.callee : inside);
      return;
    case 'Unary':
      checkNames(e.operand, known, fail, inside);
      return;
    case 'Binary':
    case 'Compare':
    case 'Logical':
      checkNames(e.left, known, fail, inside);
      checkNames(e.right, known, fail, inside);
      return;
    default:
      return;
  }
}

const isF = (n: Node) => n.t === 'call' && (n.name === 'f' || n.name === 'g');

/** Partitions the expanded expression into the terms with and without g or dW. */
function split(expr: Expr, fail: (m: string, s?: Span) => never): { deterministic: Expr; stochastic?: Expr } {
  const deterministic: Node[] = [];
  const stochastic: Node[] = [];
  for (const term of termsOf(expand(toNode(expr)))) {
    const direct = factorsOf(term).filter(isF);
    const all = callsNamed(term, ['f', 'g']);
    if (direct.length > 1 || all.length !== direct.length) {
      fail(
        'each term of an integrator step must contain f(…) or g(…) at most once, as a plain factor',
        expr.span,
      );
    }
    const random = all.some((c) => c.name === 'g') || N.hasAny(term, new Set(['dW']));
    (random ? stochastic : deterministic).push(term);
  }
  return {
    deterministic: toExpr(N.add(deterministic), expr.span),
    stochastic: stochastic.length ? toExpr(N.add(stochastic), expr.span) : undefined,
  };
}

function callsNamed(n: Node, names: readonly string[], into: N.CallNode[] = []): N.CallNode[] {
  if (n.t === 'call' && names.includes(n.name)) into.push(n);
  for (const child of N.childrenOf(n)) callsNamed(child, names, into);
  return into;
}
