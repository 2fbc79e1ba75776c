import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText, type Span, span } from '../../diagnostics/span.ts';

/**
 * The tokenizer for Brian's code language (Python-syntax expressions and statements) and for
 * equation blocks. One pass over the text, no regex soup: every token carries a Span into the
 * SourceText so every later error can be underlined.
 *
 * Line breaks are tokens (statements and equations are line-based); `#` comments and other
 * whitespace (including the `\r` of CRLF) are skipped.
 */

export type Operator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '//'
  | '%'
  | '**'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '='
  | '+='
  | '-='
  | '*='
  | '/='
  | '//='
  | '%='
  | '**='
  | '('
  | ')'
  | ','
  | ';'
  | ':';

/**
 * All Python keywords are lexed as keywords, so that `x = None` or `lambda : 1` get a clear
 * error instead of being taken for variable names. Only the first group has meaning in Brian code.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'True',
  'False',
  'for',
  'in',
  'if',
  // Python keywords without meaning in Brian code:
  'None',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'from',
  'global',
  'import',
  'is',
  'lambda',
  'nonlocal',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

export type Token =
  | {
      readonly kind: 'number';
      readonly text: string;
      readonly value: number;
      readonly isInteger: boolean;
      readonly span: Span;
    }
  | { readonly kind: 'name'; readonly text: string; readonly span: Span }
  | { readonly kind: 'keyword'; readonly text: string; readonly span: Span }
  | { readonly kind: 'op'; readonly text: Operator; readonly span: Span }
  | { readonly kind: 'newline'; readonly text: string; readonly span: Span }
  | { readonly kind: 'eof'; readonly text: ''; readonly span: Span };

// Longest first, so that `**=` wins over `**` and `*`.
const OPERATORS: readonly Operator[] = [
  '**=',
  '//=',
  '**',
  '//',
  '<=',
  '>=',
  '==',
  '!=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '(',
  ')',
  ',',
  ';',
  ':',
];

/** Characters (or pairs) that users type from other languages, with what to write instead. */
const FOREIGN_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['&&', 'use `and` for a logical and'],
  ['||', 'use `or` for a logical or'],
  ['^', 'use ** for powers'],
  ['&', 'Brian code has no bitwise operators; use `and`'],
  ['|', 'Brian code has no bitwise operators; use `or`'],
  ['!', 'use != for "not equal" and `not` for negation'],
  ['~', 'use `not` for negation'],
  ['[', 'Brian code has no indexing; refer to the variable by name'],
  [']', 'Brian code has no indexing; refer to the variable by name'],
  ["'", 'Brian code has no strings'],
  ['"', 'Brian code has no strings'],
  ['\\', 'line continuations with \\ are not needed: open parentheses continue a line'],
];

export function toSource(text: string | SourceText, label: string): SourceText {
  return typeof text === 'string' ? new SourceText(text, label) : text;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);

/** Tokenizes `text`; the last token is always `eof`. */
export function lex(text: string | SourceText, label = 'code'): Token[] {
  const source = toSource(text, label);
  const s = source.text;
  const tokens: Token[] = [];
  let k = 0;
  while (k < s.length) {
    const c = s[k];
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: '\n', span: span(k, k + 1, source) });
      k++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      k++;
    } else if (c === '#') {
      while (k < s.length && s[k] !== '\n') k++;
    } else if (isDigit(c) || (c === '.' && isDigit(s[k + 1] ?? ''))) {
      const token = lexNumber(source, k);
      tokens.push(token);
      k = token.span.end;
    } else if (isNameStart(c)) {
      let end = k + 1;
      while (end < s.length && isNameChar(s[end])) end++;
      const word = s.slice(k, end);
      tokens.push({ kind: KEYWORDS.has(word) ? 'keyword' : 'name', text: word, span: span(k, end, source) });
      k = end;
    } else {
      const op = OPERATORS.find((o) => s.startsWith(o, k));
      if (op) {
        tokens.push({ kind: 'op', text: op, span: span(k, k + op.length, source) });
        k += op.length;
      } else {
        throw unexpectedCharacter(source, k);
      }
    }
  }
  // Zero-width, right after the last real token: "the expression ends after '+'" points there.
  let end = 0;
  for (let n = tokens.length - 1; n >= 0; n--) {
    if (tokens[n].kind !== 'newline') {
      end = tokens[n].span.end;
      break;
    }
  }
  tokens.push({ kind: 'eof', text: '', span: span(end, end, source) });
  return tokens;
}

function lexNumber(source: SourceText, start: number): Token {
  const s = source.text;
  const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(start))!;
  const text = m[0];
  const end = start + text.length;
  // `2ms`, `1e`, `1.5.2`, `0x1f`: a number glued to more letters, digits or dots.
  if (end < s.length && (isNameChar(s[end]) || s[end] === '.')) {
    let junkEnd = end;
    while (junkEnd < s.length && (isNameChar(s[junkEnd]) || s[junkEnd] === '.')) junkEnd++;
    const tail = s.slice(end, junkEnd);
    const hint = /^[A-Za-z_]\w*$/.test(tail) && !/^[eE]\d*$/.test(tail) ? `write ${text}*${tail}` : undefined;
    throw new BrianError('syntax_error', `invalid number '${s.slice(start, junkEnd)}'`, {
      span: span(start, junkEnd, source),
      hint,
    });
  }
  const isInteger = !/[.eE]/.test(text);
  if (isInteger && /^0\d/.test(text) && /[1-9]/.test(text)) {
    throw new BrianError('syntax_error', `invalid number '${text}': integers cannot start with 0`, {
      span: span(start, end, source),
      hint: `write ${text.replace(/^0+/, '')}`,
    });
  }
  return { kind: 'number', text, value: Number(text), isInteger, span: span(start, end, source) };
}

function unexpectedCharacter(source: SourceText, k: number): BrianError {
  const s = source.text;
  const foreign = FOREIGN_OPERATORS.find(([o]) => s.startsWith(o, k));
  const text = foreign ? foreign[0] : String.fromCodePoint(s.codePointAt(k)!);
  const hint =
    foreign?.[1] ??
    (text === '.' ? 'Brian code has no attribute access' : undefined) ??
    (/\p{L}/u.test(text) ? 'names may only contain ASCII letters, digits and _' : undefined);
  return new BrianError('unexpected_character', `unexpected character '${text}'`, {
    span: span(k, k + text.length, source),
    hint,
  });
}
