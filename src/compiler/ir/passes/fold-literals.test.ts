import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { foldLiterals } from './fold-literals.ts';

const fold = (text: string) => exprToString(foldLiterals(parseExpression(text)));

describe('foldLiterals', () => {
  it('folds float arithmetic on literals with the double the runtime would compute', () => {
    assert.equal(fold('13 * 0.001'), String(13 * 0.001));
    assert.equal(fold('-0.063 + 13 * 0.001'), String(-0.063 + 13 * 0.001));
    assert.equal(fold('(1/0.005 - 1/0.02) * dt'), '150.0 * dt');
    assert.equal(fold('0.05 * 0.00002 * h'), `${0.05 * 0.00002} * h`);
  });
  it('true division of integers folds to a float', () => {
    assert.equal(fold('1/4'), '0.25');
    assert.equal(fold('1/3'), String(1 / 3));
  });
  it('keeps integer arithmetic, floor division, modulo and powers (target-dependent)', () => {
    assert.equal(fold('2 * 3'), '2 * 3');
    assert.equal(fold('7 // 2.0'), '7 // 2.0');
    assert.equal(fold('7.5 % 2'), '7.5 % 2');
    assert.equal(fold('2.0 ** 0.5'), '2.0**0.5');
    assert.equal(fold('exp(1.0)'), 'exp(1.0)');
  });
  it('does not reassociate: only literal-only subtrees fold', () => {
    assert.equal(fold('(v - -0.063) - 40 * 0.001'), `v - -0.063 - ${40 * 0.001}`);
    assert.equal(fold('0 * ge'), '0 * ge');
  });
  it('folds signs of literals', () => {
    assert.equal(fold('-(2.5)'), '-2.5');
    assert.equal(fold('+2.5 * 2.0'), '5.0');
  });
});
