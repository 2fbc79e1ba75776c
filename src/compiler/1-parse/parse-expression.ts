import { BrianError } from '../../diagnostics/diagnostic.ts';
import { joinSpans, type SourceText, span } from '../../diagnostics/span.ts';
import type { BinaryOp, Call, CompareOp, Expr, Keyword, LogicalOp } from './ast.ts';
import { expressionDepth, MAX_EXPRESSION_DEPTH, tooDeep } from './expression-depth.ts';
import { lex, type Token } from './lexer.ts';
import { describe, spanOf, TokenCursor, unexpected, withoutNewlines } from './token-cursor.ts';

/**
 * Pratt parser for Brian expressions, with Python's precedence exactly:
 *
 *   or < and < not < comparisons < + - < * / // % < unary + - < ** < call, atom
 *
 * `**` is right-associative and its right operand may be a unary minus (`2**-1`), while
 * `-x**2` is `-(x**2)`. Comparison chains keep Python's meaning: `a < b < c` is
 * `a < b and b < c` (the middle operand is repeated in the tree, so `a < rand() < b` would draw twice; Brian
 * code does not use chains). Line breaks are whitespace.
 */

/** Parses a whole expression (a threshold, a setter, the right-hand side of an equation…). */
export function parseExpression(text: string | SourceText, label = 'expression'): Expr {
  return parseExpressionTokens(lex(text, label));
}

/** Parses tokens (ending with `eof`) that must form exactly one expression. */
export function parseExpressionTokens(tokens: readonly Token[]): Expr {
  const parser = new ExpressionParser(withoutNewlines(tokens));
  if (parser.atEnd()) throw new BrianError('syntax_error', 'empty expression', { span: parser.peek().span });
  const expr = parser.parseExpr();
  parser.expectEnd();
  return expr;
}

const COMPARE_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** [left binding power, right binding power] of every infix operator. */
const INFIX: Readonly<Record<string, readonly [number, number]>> = {
  or: [2, 3],
  and: [4, 5],
  '<': [7, 8],
  '<=': [7, 8],
  '>': [7, 8],
  '>=': [7, 8],
  '==': [7, 8],
  '!=': [7, 8],
  '+': [9, 10],
  '-': [9, 10],
  '*': [11, 12],
  '/': [11, 12],
  '//': [11, 12],
  '%': [11, 12],
  '**': [15, 14],
};
const NOT_BP = 6;
const UNARY_BP = 13;

function infixOperator(token: Token): string | undefined {
  if (token.kind === 'op' && token.text in INFIX) return token.text;
  if (token.kind === 'keyword' && (token.text === 'and' || token.text === 'or')) return token.text;
  return undefined;
}

/** Hints for tokens that people put after an expression by habit from other languages. */
function trailingHint(token: Token): string | undefined {
  if (token.kind === 'op' && token.text === '=') return 'use == to compare';
  if (token.kind === 'keyword' && token.text === 'if')
    return 'Brian code has no conditional expressions; use int(cond)*a + int(not cond)*b';
  if (token.kind === 'keyword' && token.text === 'for')
    return 'generator syntax (`k for k in range(…)`) is only allowed in Synapses.connect';
  return undefined;
}

export class ExpressionParser extends TokenCursor {
  /** How many parseExpr calls are open (parentheses, operands, arguments). */
  private depth = 0;

  /**
   * Parses an expression whose operators all bind at least as tightly as `minBp`. Nesting and
   * the depth of the resulting tree are limited (see expression-depth.ts), so no input
   * overflows the stack here or in any later phase.
   */
  parseExpr(minBp = 0): Expr {
    const start = this.peek().span;
    if (++this.depth > MAX_EXPRESSION_DEPTH) throw tooDeep(start, 'This expression');
    try {
      const expr = this.parseExprAt(minBp);
      if (this.depth === 1 && expressionDepth(expr) > MAX_EXPRESSION_DEPTH) {
        throw tooDeep(expr.span, 'This expression');
      }
      return expr;
    } finally {
      this.depth--;
    }
  }

  private parseExprAt(minBp: number): Expr {
    let left = this.parsePrefix(minBp);
    for (;;) {
      const op = infixOperator(this.peek());
      if (!op) return left;
      const [lbp, rbp] = INFIX[op];
      if (lbp < minBp) return left;
      this.next();
      if (COMPARE_OPS.has(op)) {
        left = this.parseComparisonChain(left, op as CompareOp, rbp);
      } else {
        const right = this.parseExpr(rbp);
        const joined = joinSpans(left.span, right.span);
        left =
          op === 'and' || op === 'or'
            ? { kind: 'Logical', op: op as LogicalOp, left, right, span: joined }
            : { kind: 'Binary', op: op as BinaryOp, left, right, span: joined };
      }
    }
  }

  /** Fails unless every token was used. */
  expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'eof') return;
    if (token.kind === 'op' && token.text === ')') {
      throw new BrianError('unexpected_token', "unmatched ')'", { span: token.span });
    }
    throw new BrianError('unexpected_token', `unexpected ${describe(token)} after the expression`, {
      span: token.span,
      hint: trailingHint(token),
    });
  }

  private parseComparisonChain(left: Expr, firstOp: CompareOp, rbp: number): Expr {
    const operands = [left, this.parseExpr(rbp)];
    const ops = [firstOp];
    while (COMPARE_OPS.has(this.peek().text) && this.peek().kind === 'op') {
      ops.push(this.next().text as CompareOp);
      operands.push(this.parseExpr(rbp));
    }
    let result: Expr | undefined;
    ops.forEach((op, k) => {
      const [a, b] = [operands[k], operands[k + 1]];
      const compare: Expr = { kind: 'Compare', op, left: a, right: b, span: joinSpans(a.span, b.span) };
      result = result
        ? { kind: 'Logical', op: 'and', left: result, right: compare, span: joinSpans(result.span, b.span) }
        : compare;
    });
    return result!;
  }

  private parsePrefix(minBp: number): Expr {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.next();
        return { kind: 'Number', value: token.value, isInteger: token.isInteger, span: token.span };
      case 'name':
        this.next();
        if (this.atOp('(')) return this.parseCall(token);
        return { kind: 'Name', name: token.text, span: token.span };
      case 'keyword':
        if (token.text === 'True' || token.text === 'False') {
          this.next();
          return { kind: 'Bool', value: token.text === 'True', span: token.span };
        }
        if (token.text === 'not') {
          if (minBp > NOT_BP) {
            throw new BrianError('syntax_error', "'not' cannot be used here without parentheses", {
              span: token.span,
              hint: 'write (not …)',
            });
          }
          this.next();
          const operand = this.parseExpr(NOT_BP);
          return { kind: 'Unary', op: 'not', operand, span: joinSpans(token.span, operand.span) };
        }
        throw new BrianError('unexpected_token', `'${token.text}' cannot be used in an expression`, {
          span: token.span,
          hint: trailingHint(token),
        });
      case 'op':
        if (token.text === '-' || token.text === '+') {
          this.next();
          const operand = this.parseExpr(UNARY_BP);
          return { kind: 'Unary', op: token.text, operand, span: joinSpans(token.span, operand.span) };
        }
        if (token.text === '(') return this.parseParenthesized();
        break;
      case 'eof': {
        const previous = this.previous();
        const after = previous ? ` after ${describe(previous)}` : '';
        throw new BrianError(
          'unterminated_expression',
          `the expression ends${after}: an operand is missing`,
          {
            span: token.span,
          },
        );
      }
    }
    throw unexpected(token, 'an operand');
  }

  private parseParenthesized(): Expr {
    const open = this.next();
    if (this.atOp(')')) {
      throw new BrianError('syntax_error', 'empty parentheses', { span: spanOf(open, this.peek()) });
    }
    const inner = this.parseExpr();
    if (this.atOp(',')) {
      throw new BrianError('syntax_error', 'tuples are not supported in Brian code', {
        span: this.peek().span,
      });
    }
    const close = this.expectClosing(open, "')'");
    // The node keeps its own kind but its span covers the parentheses, so that the spans of
    // enclosing nodes cover the text they were written as.
    return { ...inner, span: span(open.span.start, close.span.end, open.span.source) };
  }

  private parseCall(callee: Token): Call {
    const open = this.next();
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.atOp(')')) {
      const token = this.peek();
      if (token.kind === 'name' && this.atOp('=', 1)) {
        this.next();
        this.next();
        const value = this.parseExpr();
        if (keywords.some((k) => k.name === token.text)) {
          throw new BrianError('syntax_error', `keyword argument '${token.text}' given twice`, {
            span: token.span,
          });
        }
        keywords.push({ name: token.text, value, span: joinSpans(token.span, value.span) });
      } else {
        const arg = this.parseExpr();
        if (keywords.length > 0) {
          throw new BrianError('syntax_error', 'a positional argument cannot follow a keyword argument', {
            span: arg.span,
          });
        }
        args.push(arg);
      }
      if (this.atOp(',')) this.next();
      else if (!this.atOp(')')) this.expectClosing(open, "',' or ')'");
    }
    const close = this.next();
    if (this.atOp('(')) {
      throw new BrianError('unexpected_token', 'only named functions can be called', {
        span: this.peek().span,
      });
    }
    return {
      kind: 'Call',
      callee: callee.text,
      calleeSpan: callee.span,
      args,
      keywords,
      span: spanOf(callee, close),
    };
  }

  /** Consumes the `)` that closes `open`; at the end of the text, points at the unclosed `(`. */
  private expectClosing(open: Token, expected: string): Token {
    const token = this.peek();
    if (token.kind === 'op' && token.text === ')') return this.next();
    if (token.kind === 'eof') {
      throw new BrianError('unterminated_expression', "'(' is never closed", { span: open.span });
    }
    throw unexpected(token, expected, trailingHint(token));
  }
}
