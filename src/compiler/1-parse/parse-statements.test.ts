import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exprToString } from './expr-utils.ts';
import { parseStatements } from './parse-statements.ts';
import { throwsBrian, where } from './testing.ts';

const brief = (text: string) =>
  parseStatements(text).map((s) => `${s.target} ${s.op} ${exprToString(s.value)}`);

describe('parseStatements', () => {
  it('reads nothing from empty text, blank lines and comments', () => {
    assert.deepEqual(parseStatements(''), []);
    assert.deepEqual(parseStatements('\n  \n# only a comment\n'), []);
  });

  it('reads assignments separated by lines and semicolons', () => {
    assert.deepEqual(brief('v = Vr'), ['v = Vr']);
    assert.deepEqual(brief('x=0; th = th*2.5 + 0.01'), ['x = 0', 'th = th * 2.5 + 0.01']);
    assert.deepEqual(brief('\n  ge += we  # excitatory\r\n\n  w = clip(w + Apost, 0, wmax);\n'), [
      'ge += we',
      'w = clip(w + Apost, 0, wmax)',
    ]);
  });

  it('accepts every assignment operator', () => {
    const ops = ['=', '+=', '-=', '*=', '/=', '//=', '%=', '**='];
    const statements = parseStatements(ops.map((op) => `x ${op} 2`).join('\n'));
    assert.deepEqual(
      statements.map((s) => s.op),
      ops,
    );
  });

  it('continues a statement inside parentheses over lines', () => {
    assert.deepEqual(brief('w = clip(w +\n  dApre,\n  0, wmax)\ny = 1'), [
      'w = clip(w + dApre, 0, wmax)',
      'y = 1',
    ]);
  });

  it('gives spans to the target, the value and the whole statement', () => {
    const text = 'a = 1\n  change = int(rand() < 0.5)';
    const [, s] = parseStatements(text);
    assert.deepEqual([s.targetSpan.start, s.targetSpan.end], where(text, 'change'));
    assert.deepEqual([s.value.span.start, s.value.span.end], where(text, 'int(rand() < 0.5)'));
    assert.deepEqual([s.span.start, s.span.end], [where(text, 'change')[0], text.length]);
  });

  it('rejects assignments to anything but a name', () => {
    const text = 'v_post + 1 = 3';
    throwsBrian(() => parseStatements(text), 'invalid_assignment', ...where(text, 'v_post + 1'));
    throwsBrian(() => parseStatements('f(x) = 1'), 'invalid_assignment', 0, 4);
    throwsBrian(() => parseStatements('2 += 1'), 'invalid_assignment', 0, 1);
    throwsBrian(() => parseStatements('True = 1'), 'invalid_assignment', 0, 4);
    throwsBrian(() => parseStatements('None = 1'), 'invalid_assignment', 0, 4);
    throwsBrian(() => parseStatements('v[0] = 1'), 'unexpected_character', 1, 2);
  });

  it('rejects statements that are not assignments', () => {
    const error = throwsBrian(() => parseStatements('v == Vr'), 'syntax_error', 0, 7);
    assert.match(error.hint!, /use = to assign/);
    throwsBrian(() => parseStatements('x = 1\nv + 1'), 'syntax_error', 6, 11);
    throwsBrian(() => parseStatements('= 1'), 'syntax_error', 0, 1);
    throwsBrian(() => parseStatements('a = b = 1'), 'syntax_error', 6, 7);
  });

  it('explains that Brian has no if, loops or functions', () => {
    const error = throwsBrian(() => parseStatements('x = 1\nif v > 1: v = 0'), 'syntax_error', 6, 8);
    assert.match(error.hint!, /int\(cond\)\*a \+ int\(not cond\)\*b/);
    throwsBrian(() => parseStatements('for k in range(3): x += k'), 'syntax_error', 0, 3);
    throwsBrian(() => parseStatements('while x: x -= 1'), 'syntax_error', 0, 5);
    throwsBrian(() => parseStatements('def f(x): x'), 'syntax_error', 0, 3);
    throwsBrian(() => parseStatements('v = a if c else b'), 'unexpected_token', 6, 8);
  });

  it('reports errors in the value with their own codes', () => {
    throwsBrian(() => parseStatements('v = '), 'syntax_error', 2, 3);
    throwsBrian(() => parseStatements('v = (1 + 2'), 'unterminated_expression', 4, 5);
    throwsBrian(() => parseStatements('v = 1 +; w = 2'), 'unterminated_expression', 7, 7);
    throwsBrian(() => parseStatements('v = x^2'), 'unexpected_character', 5, 6);
  });
});
