import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Expr } from './ast.ts';
import { parseExpression } from './parse-expression.ts';

/**
 * Python's own parser is the reference: fixtures/python-expressions.json holds random
 * Brian-style expressions with the tree Python's `ast` gives them (or that Python rejects them),
 * recorded by fixtures/record-python-expressions.py.
 */
interface Case {
  readonly text: string;
  readonly ok: boolean;
  readonly sx?: string;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('./fixtures/python-expressions.json', import.meta.url), 'utf8'),
);

/** The same S-expression form as the recorder writes. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'Number':
      return e.isInteger ? String(e.value) : `${/[.e]/.test(String(e.value)) ? e.value : `${e.value}.0`}f`;
    case 'Bool':
      return String(e.value);
    case 'Name':
      return e.name;
    case 'Call':
      return `(${[e.callee, ...e.args.map(sx), ...e.keywords.map((k) => `${k.name}=${sx(k.value)}`)].join(' ')})`;
    case 'Unary':
      return `(${e.op} ${sx(e.operand)})`;
    default:
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
  }
}

describe('parseExpression agrees with Python', () => {
  it('builds the tree Python builds', () => {
    const valid = cases.filter((c) => c.ok);
    assert.ok(valid.length >= 500);
    for (const c of valid) assert.equal(sx(parseExpression(c.text)), c.sx, c.text);
  });

  it('rejects what Python rejects, with a parse error code', () => {
    const invalid = cases.filter((c) => !c.ok);
    assert.ok(invalid.length >= 200);
    for (const c of invalid) {
      assert.throws(
        () => parseExpression(c.text),
        (e) =>
          e instanceof BrianError &&
          ['syntax_error', 'unexpected_token', 'unterminated_expression'].includes(e.code),
        c.text,
      );
    }
  });
});
