import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type Span, span } from '../../diagnostics/span.ts';
import type { Operator, Token } from './lexer.ts';

/**
 * A read position in a token list that ends with `eof`. Statement and equation parsers cut the
 * token list of a whole block into pieces (`sliceTokens`) and parse each piece with its own cursor.
 */
export class TokenCursor {
  pos = 0;
  constructor(readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  /** The token before the current one (for "ends after '+'" messages). */
  previous(): Token | undefined {
    return this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
  }

  atOp(op: Operator, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === op;
  }

  atKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'keyword' && t.text === word;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }
}

/**
 * Tokens `from` (inclusive) to `to` (exclusive), followed by a zero-width `eof` placed right after
 * the last token of the piece (or after the token before it, for an empty piece).
 */
export function sliceTokens(tokens: readonly Token[], from: number, to: number): Token[] {
  const piece = tokens.slice(from, to);
  const last = piece.at(-1) ?? tokens[from - 1];
  const at = last ? last.span.end : tokens[0].span.start;
  piece.push({ kind: 'eof', text: '', span: span(at, at, tokens[0].span.source) });
  return piece;
}

/** Tokens without line breaks: inside an expression, line breaks are just whitespace. */
export function withoutNewlines(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'newline');
}

/** How a token reads in a message: `'+'`, `'foo'`, `the end of the line`, `the end of the text`. */
export function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the text';
  if (token.kind === 'newline') return 'the end of the line';
  return `'${token.text}'`;
}

export function spanOf(first: Token | Span, last: Token | Span): Span {
  const a = 'span' in first ? first.span : first;
  const b = 'span' in last ? last.span : last;
  return span(a.start, b.end, a.source);
}

export function unexpected(token: Token, expected: string, hint?: string): BrianError {
  const code = token.kind === 'eof' ? 'unterminated_expression' : 'unexpected_token';
  return new BrianError(code, `expected ${expected}, found ${describe(token)}`, { span: token.span, hint });
}
