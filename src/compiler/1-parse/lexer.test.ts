import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceText } from '../../diagnostics/span.ts';
import { lex, type Token } from './lexer.ts';
import { throwsBrian, where } from './testing.ts';

const kinds = (tokens: Token[]) => tokens.map((t) => `${t.kind}:${t.text}`);

describe('lexer', () => {
  it('reads numbers and remembers integers', () => {
    const cases: Array<[string, number, boolean]> = [
      ['1', 1, true],
      ['42', 42, true],
      ['0', 0, true],
      ['1.', 1, false],
      ['.5', 0.5, false],
      ['1e-3', 0.001, false],
      ['2.5E+4', 25000, false],
      ['1.e5', 100000, false],
      ['3.25', 3.25, false],
    ];
    for (const [text, value, isInteger] of cases) {
      const [token] = lex(text);
      assert.equal(token.kind, 'number', text);
      if (token.kind !== 'number') continue;
      assert.equal(token.value, value, text);
      assert.equal(token.isInteger, isInteger, text);
      assert.deepEqual([token.span.start, token.span.end], [0, text.length]);
    }
  });

  it('reads names, keywords and every operator', () => {
    const text =
      'a_1 and or not True False for in if + - * / // % ** < <= > >= == != = += -= *= /= //= %= **= ( ) , ; :';
    const tokens = lex(text);
    assert.deepEqual(kinds(tokens).slice(0, 10), [
      'name:a_1',
      'keyword:and',
      'keyword:or',
      'keyword:not',
      'keyword:True',
      'keyword:False',
      'keyword:for',
      'keyword:in',
      'keyword:if',
      'op:+',
    ]);
    const ops = tokens.filter((t) => t.kind === 'op').map((t) => t.text);
    assert.deepEqual(ops, text.split(' ').slice(9));
    assert.equal(tokens.at(-1)!.kind, 'eof');
  });

  it('takes the longest operator', () => {
    assert.deepEqual(kinds(lex('a**=b//c')), ['name:a', 'op:**=', 'name:b', 'op://', 'name:c', 'eof:']);
    assert.deepEqual(kinds(lex('x<=-1')), ['name:x', 'op:<=', 'op:-', 'number:1', 'eof:']);
  });

  it('gives every token a span with its source', () => {
    const source = new SourceText('v > 10*mV', 'threshold');
    for (const token of lex(source)) {
      assert.equal(token.span.source, source);
    }
    const [v, gt, ten] = lex(source);
    assert.deepEqual(
      [v.span.start, v.span.end, gt.span.start, ten.span.start, ten.span.end],
      [0, 1, 2, 4, 6],
    );
  });

  it('emits line breaks, skips comments, whitespace and the \\r of CRLF', () => {
    const text = 'a = 1 # comment\r\n\tb=2';
    assert.deepEqual(kinds(lex(text)), [
      'name:a',
      'op:=',
      'number:1',
      'newline:\n',
      'name:b',
      'op:=',
      'number:2',
      'eof:',
    ]);
  });

  it('puts eof right after the last token', () => {
    const tokens = lex('a +   # trailing\n  ');
    const eof = tokens.at(-1)!;
    assert.deepEqual([eof.span.start, eof.span.end], [3, 3]);
    assert.deepEqual([lex('')[0].span.start, lex('')[0].span.end], [0, 0]);
  });

  it('rejects characters without meaning, with hints', () => {
    const caret = throwsBrian(() => lex('tau^2'), 'unexpected_character', 3, 4);
    assert.match(caret.hint!, /\*\*/);
    assert.match(throwsBrian(() => lex('a && b'), 'unexpected_character', 2, 4).hint!, /and/);
    assert.match(throwsBrian(() => lex('a || b'), 'unexpected_character', 2, 4).hint!, /or/);
    throwsBrian(() => lex('a & b'), 'unexpected_character', 2, 3);
    throwsBrian(() => lex('a | b'), 'unexpected_character', 2, 3);
    assert.match(throwsBrian(() => lex('!a'), 'unexpected_character', 0, 1).hint!, /not/);
    for (const c of ['$', '?', '`', '@', '{', '[', "'", '"', '~']) {
      throwsBrian(() => lex(`x ${c} y`), 'unexpected_character', 2, 3);
    }
    throwsBrian(() => lex('x.y'), 'unexpected_character', 1, 2);
    throwsBrian(() => lex('τ + 1'), 'unexpected_character', 0, 1);
  });

  it('does not mistake != for !', () => {
    assert.deepEqual(kinds(lex('a!=b')), ['name:a', 'op:!=', 'name:b', 'eof:']);
  });

  it('rejects malformed numbers as a whole', () => {
    const text = 'v + 2ms';
    const error = throwsBrian(() => lex(text), 'syntax_error', ...where(text, '2ms'));
    assert.equal(error.hint, 'write 2*ms');
    throwsBrian(() => lex('1e'), 'syntax_error', 0, 2);
    throwsBrian(() => lex('1.5.2'), 'syntax_error', 0, 5);
    throwsBrian(() => lex('0x1f'), 'syntax_error', 0, 4);
    throwsBrian(() => lex('007'), 'syntax_error', 0, 3);
  });
});
