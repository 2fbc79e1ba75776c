import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { SourceText } from '../../diagnostics/span.ts';
import type { AssignOp, Statement } from './ast.ts';
import { lex, type Token } from './lexer.ts';
import { ExpressionParser, parseExpressionTokens } from './parse-expression.ts';
import { describe, sliceTokens, spanOf } from './token-cursor.ts';

/**
 * Parses "abstract code": assignments `target op= expression`, one per line or separated by `;`.
 * Blank lines and `#` comments are allowed; inside parentheses a statement continues on the next
 * line. Empty text gives no statements (`reset=''` is valid Brian).
 */
export function parseStatements(text: string | SourceText, label = 'statements'): Statement[] {
  const tokens = lex(text, label);
  return splitStatements(tokens).map(([from, to]) => parseStatement(tokens, from, to));
}

const ASSIGN_OPS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '//=', '%=', '**=']);

/** Why a Python statement keyword is not Brian code, and what to write instead. */
const STATEMENT_KEYWORDS: Readonly<Record<string, string>> = {
  if: 'Brian code has no if statements; use int(cond)*a + int(not cond)*b',
  elif: 'Brian code has no if statements; use int(cond)*a + int(not cond)*b',
  else: 'Brian code has no if statements; use int(cond)*a + int(not cond)*b',
  for: 'Brian code has no loops: statements already run once for every neuron or synapse',
  while: 'Brian code has no loops: statements already run once for every neuron or synapse',
  def: 'Brian code cannot define functions; provide user functions through the namespace',
  lambda: 'Brian code cannot define functions; provide user functions through the namespace',
  import: 'Brian code cannot import modules; provide values and functions through the namespace',
  from: 'Brian code cannot import modules; provide values and functions through the namespace',
};

/** [from, to) token ranges of the statements: split at `;` and line breaks outside parentheses. */
function splitStatements(tokens: readonly Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  tokens.forEach((t, k) => {
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')') depth = Math.max(0, depth - 1);
    const separator = (t.kind === 'op' && t.text === ';') || (t.kind === 'newline' && depth === 0);
    if (separator || t.kind === 'eof') {
      if (k > start) ranges.push([start, k]);
      start = k + 1;
    }
  });
  return ranges;
}

function parseStatement(tokens: readonly Token[], from: number, to: number): Statement {
  const first = tokens[from];
  const last = tokens[to - 1];
  const whole = spanOf(first, last);
  if (first.kind === 'keyword' && first.text in STATEMENT_KEYWORDS) {
    throw new BrianError('syntax_error', `'${first.text}' statements are not part of Brian code`, {
      span: first.span,
      hint: STATEMENT_KEYWORDS[first.text],
    });
  }
  let depth = 0;
  let opIndex = -1;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'op' && ASSIGN_OPS.has(t.text)) {
      if (opIndex >= 0) {
        throw new BrianError(
          'syntax_error',
          `a statement can only contain one assignment, found a second ${describe(t)}`,
          {
            span: t.span,
          },
        );
      }
      opIndex = k;
    }
  }
  if (opIndex < 0) {
    throw new BrianError('syntax_error', 'this statement is not an assignment (`name = expression`)', {
      span: whole,
      hint: isComparison(tokens, from, to) ? 'use = to assign; == compares' : undefined,
    });
  }
  const opToken = tokens[opIndex];
  checkTarget(tokens, from, opIndex, opToken);
  if (opIndex === to - 1) {
    throw new BrianError('syntax_error', `nothing to assign after ${describe(opToken)}`, {
      span: opToken.span,
    });
  }
  const value = parseExpressionTokens(sliceTokens(tokens, opIndex + 1, to));
  return {
    kind: 'Assign',
    target: first.text,
    targetSpan: first.span,
    op: opToken.text as AssignOp,
    value,
    span: spanOf(first, value.span),
  };
}

/** The left side must be exactly one variable name. */
function checkTarget(tokens: readonly Token[], from: number, opIndex: number, opToken: Token): void {
  if (opIndex === from) {
    throw new BrianError('syntax_error', `nothing to assign to before ${describe(opToken)}`, {
      span: opToken.span,
    });
  }
  const first = tokens[from];
  if (opIndex === from + 1 && first.kind === 'name') return;
  const target = spanOf(first, tokens[opIndex - 1]);
  if (opIndex === from + 1 && first.kind === 'keyword') {
    throw new BrianError(
      'invalid_assignment',
      `'${first.text}' is a Python keyword and cannot be assigned to`,
      {
        span: target,
      },
    );
  }
  // Parse the left side as an expression only to tell "not a name" from plain syntax errors.
  const parser = new ExpressionParser(sliceTokens(tokens, from, opIndex));
  parser.parseExpr();
  parser.expectEnd();
  throw new BrianError('invalid_assignment', 'only a variable name can be assigned to', { span: target });
}

function isComparison(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).some((t) => t.kind === 'op' && t.text === '==');
}
