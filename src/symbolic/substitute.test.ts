import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { dependsOn, freeNames } from './depends.ts';
import { substitute, substituteNames } from './substitute.ts';

const p = parseExpression;

describe('substitute', () => {
  test('replaces names simultaneously, not function names', () => {
    const out = substituteNames(p('x + y*exp(x)'), { x: p('y'), y: p('x + 1'), exp: p('z') });
    assert.equal(exprToString(out), 'y + (x + 1) * exp(y)');
  });

  test('keeps the tree when nothing is replaced', () => {
    const e = p('a + b');
    assert.equal(substitute(e, new Map()), e);
  });
});

describe('dependsOn', () => {
  test('looks at names, not callees', () => {
    assert.equal(dependsOn(p('exp(-v/tau)'), ['v']), true);
    assert.equal(dependsOn(p('exp(-v/tau)'), ['exp', 'w']), false);
    assert.deepEqual([...freeNames(p('a*f(b, c) + a'))].sort(), ['a', 'b', 'c']);
  });
});
