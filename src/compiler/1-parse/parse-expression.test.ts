import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { Expr } from './ast.ts';
import { parseExpression } from './parse-expression.ts';
import { throwsBrian, where } from './testing.ts';

/** The tree as an S-expression, to compare structure without spans. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'Number':
      return e.isInteger ? String(e.value) : `${e.value}f`;
    case 'Bool':
      return String(e.value);
    case 'Name':
      return e.name;
    case 'Call': {
      const kw = e.keywords.map((k) => `${k.name}=${sx(k.value)}`);
      return `(${[e.callee, ...e.args.map(sx), ...kw].join(' ')})`;
    }
    case 'Unary':
      return `(${e.op} ${sx(e.operand)})`;
    default:
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
  }
}
const p = (text: string) => sx(parseExpression(text));

describe('parseExpression: precedence as in Python', () => {
  it('binds ** tighter than unary minus, right-associatively', () => {
    assert.equal(p('-v**2**0.5'), '(- (** v (** 2 0.5f)))');
    assert.equal(p('-x**2'), '(- (** x 2))');
    assert.equal(p('2**-1'), '(** 2 (- 1))');
    assert.equal(p('2**-x**2'), '(** 2 (- (** x 2)))');
    assert.equal(p('2**-1*3'), '(* (** 2 (- 1)) 3)');
    assert.equal(p('(-x)**2'), '(** (- x) 2)');
    assert.equal(p('a**b**c'), '(** a (** b c))');
  });

  it('groups left-associative operators to the left', () => {
    assert.equal(p('a - b - c'), '(- (- a b) c)');
    assert.equal(p('a / b * c'), '(* (/ a b) c)');
    assert.equal(p('a // b % c'), '(% (// a b) c)');
    assert.equal(p('a + b * c'), '(+ a (* b c))');
    assert.equal(p('-a * b'), '(* (- a) b)');
    assert.equal(p('+a - -b'), '(- (+ a) (- b))');
  });

  it('orders not, and, or as Python does', () => {
    assert.equal(p('not a and b or c'), '(or (and (not a) b) c)');
    assert.equal(p('a or b and c'), '(or a (and b c))');
    assert.equal(p('not a == b'), '(not (== a b))');
    assert.equal(p('not not a'), '(not (not a))');
    assert.equal(p('a and not b'), '(and a (not b))');
    assert.equal(p('a < b + 1 and c'), '(and (< a (+ b 1)) c)');
  });

  it('reads comparison chains with Python meaning', () => {
    assert.equal(p('a < b < c'), '(and (< a b) (< b c))');
    assert.equal(p('0 <= i < N - 1 != j'), '(and (and (<= 0 i) (< i (- N 1))) (!= (- N 1) j))');
    assert.equal(p('(a < b) < c'), '(< (< a b) c)');
  });

  it('reads literals, names and calls', () => {
    assert.equal(p('True'), 'true');
    assert.equal(p('False or x'), '(or false x)');
    assert.equal(p('1.'), '1f');
    assert.equal(p('rand()'), '(rand)');
    assert.equal(p('clip(v, 0, inf)'), '(clip v 0 inf)');
    assert.equal(p('sample(N, p=0.1)'), '(sample N p=0.1f)');
    assert.equal(p('f(a, b,)'), '(f a b)');
    assert.equal(p('exp(-(v - El)/(5*mV))'), '(exp (/ (- (- v El)) (* 5 mV)))');
  });

  it('ignores line breaks and comments', () => {
    assert.equal(p('(a +\n b) # sum\n'), '(+ a b)');
  });

  it('gives spans to every node, covering parentheses', () => {
    const text = 'x * (a + b)';
    const e = parseExpression(text);
    assert.equal(e.kind, 'Binary');
    if (e.kind !== 'Binary') return;
    assert.deepEqual([e.span.start, e.span.end], [0, text.length]);
    assert.deepEqual([e.right.span.start, e.right.span.end], where(text, '(a + b)'));
    const call = parseExpression('  exp(x, p=2)');
    assert.equal(call.kind, 'Call');
    if (call.kind !== 'Call') return;
    assert.deepEqual([call.span.start, call.span.end, call.calleeSpan.end], [2, 13, 5]);
    assert.deepEqual([call.keywords[0].span.start, call.keywords[0].span.end], [9, 12]);
  });

  it('keeps the SourceText it was given', () => {
    const source = new SourceText('v > vt', 'threshold');
    assert.equal(parseExpression(source).span.source, source);
  });
});

describe('parseExpression: errors with precise spans', () => {
  it('rejects empty text', () => {
    throwsBrian(() => parseExpression(''), 'syntax_error', 0, 0);
    throwsBrian(() => parseExpression('  # nothing\n'), 'syntax_error');
  });

  it('reports a missing operand at the end', () => {
    throwsBrian(() => parseExpression('a +'), 'unterminated_expression', 3, 3);
    throwsBrian(() => parseExpression('a and  '), 'unterminated_expression', 5, 5);
    throwsBrian(() => parseExpression('-'), 'unterminated_expression', 1, 1);
  });

  it('reports a missing operand in the middle', () => {
    throwsBrian(() => parseExpression('a + * b'), 'unexpected_token', 4, 5);
    throwsBrian(() => parseExpression('a < and b'), 'unexpected_token', 4, 7);
    throwsBrian(() => parseExpression('f(a, , b)'), 'unexpected_token', 5, 6);
  });

  it('points at an unclosed parenthesis', () => {
    throwsBrian(() => parseExpression('(a + b'), 'unterminated_expression', 0, 1);
    throwsBrian(() => parseExpression('x * ((a + b)'), 'unterminated_expression', 4, 5);
    throwsBrian(() => parseExpression('exp(a'), 'unterminated_expression', 3, 4);
  });

  it('points at an unmatched parenthesis and at trailing junk', () => {
    throwsBrian(() => parseExpression('a + b)'), 'unexpected_token', 5, 6);
    throwsBrian(() => parseExpression('a b'), 'unexpected_token', 2, 3);
    throwsBrian(() => parseExpression('3(4)'), 'unexpected_token', 1, 2);
    throwsBrian(() => parseExpression('(a b)'), 'unexpected_token', 3, 4);
  });

  it('explains assignments and conditionals in expressions', () => {
    assert.match(throwsBrian(() => parseExpression('v = 3'), 'unexpected_token', 2, 3).hint!, /==/);
    assert.match(
      throwsBrian(() => parseExpression('a if c else b'), 'unexpected_token', 2, 4).hint!,
      /int\(cond\)/,
    );
    throwsBrian(() => parseExpression('k for k in range(3)'), 'unexpected_token', 2, 5);
  });

  it('rejects not where Python does', () => {
    throwsBrian(() => parseExpression('a + not b'), 'syntax_error', 4, 7);
    throwsBrian(() => parseExpression('a == not b'), 'syntax_error', 5, 8);
    throwsBrian(() => parseExpression('-not a'), 'syntax_error', 1, 4);
  });

  it('rejects Python constructs that Brian does not have', () => {
    throwsBrian(() => parseExpression('None'), 'unexpected_token', 0, 4);
    throwsBrian(() => parseExpression('lambda: 1'), 'unexpected_token', 0, 6);
    throwsBrian(() => parseExpression('(a, b)'), 'syntax_error', 2, 3);
    throwsBrian(() => parseExpression('()'), 'syntax_error', 0, 2);
    throwsBrian(() => parseExpression('f(x)(y)'), 'unexpected_token', 4, 5);
    throwsBrian(() => parseExpression('f(p=1, 2)'), 'syntax_error', 7, 8);
    throwsBrian(() => parseExpression('f(p=1, p=2)'), 'syntax_error', 7, 8);
    throwsBrian(() => parseExpression('a : b'), 'unexpected_token', 2, 3);
  });

  it('renders a message with a code frame and caret line', () => {
    const source = new SourceText('dv/dt = (El - v)/tau^2', 'equations of neurongroup');
    let error: BrianError | undefined;
    try {
      parseExpression(source);
    } catch (e) {
      error = e as BrianError;
    }
    assert.ok(error instanceof BrianError);
    assert.equal(error.code, 'unexpected_character');
    assert.match(error.message, /^\[unexpected_character\] unexpected character '\^'/);
    assert.equal(error.summary, "unexpected character '^'");
    assert.match(error.message, /line 1, column 21/);
    assert.ok(error.message.includes('1 | dv/dt = (El - v)/tau^2'), error.message);
    assert.ok(
      error.message.split('\n').some((line) => /^\s+\|\s{21}\^$/.test(line)),
      error.message,
    );
    assert.match(error.message, /hint: use \*\* for powers/);
  });
});
