import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceText } from '../../../diagnostics/span.ts';
import type { Expr } from '../../1-parse/ast.ts';
import { calls } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { DEFAULT_FUNCTIONS, type ScalarType } from '../../functions.ts';
import { CppExprPrinter, doubleLiteral } from './print-expr.ts';

const types = new Map<string, ScalarType>([
  ['x', 'float'],
  ['y', 'float'],
  ['k', 'integer'],
  ['m', 'integer'],
  ['b', 'boolean'],
]);
const printer = new CppExprPrinter(types, DEFAULT_FUNCTIONS);
const cpp = (text: string) => printer.print(parseExpression(new SourceText(text, 'test')));
/** Random calls print as methods of their call site's draws: here every call is site 0. */
const cppWithDraws = (text: string) => {
  const expr = parseExpression(new SourceText(text, 'test'));
  const sites = new Map<Expr, number>(calls(expr).map((c) => [c, 0]));
  return new CppExprPrinter(types, DEFAULT_FUNCTIONS, sites).print(expr);
};

test('true division, floor division and modulo follow Python for every type', () => {
  assert.equal(cpp('k / m'), '((double)k / m)');
  assert.equal(cpp('x / k'), '(x / k)');
  assert.equal(cpp('k // m'), '_brian_floordiv_int(k, m)');
  assert.equal(cpp('x // k'), 'floor(x / k)');
  assert.equal(cpp('k % m'), '_brian_mod_int(k, m)');
  assert.equal(cpp('x % y'), '_brian_mod((double)x, (double)y)');
  assert.equal(cpp('x ** 2'), 'pow((double)x, (double)2)');
});

test('integer arithmetic stays in int32_t; booleans and logic print as C++', () => {
  assert.equal(cpp('k * m + 1'), '((k * m) + 1)');
  // Cheap operands are evaluated eagerly (ir/eager-logic.ts); others keep the short circuit.
  assert.equal(cpp('not b and x > 0'), '((!b) & (x > 0))');
  assert.equal(cppWithDraws('x > 0 or rand() < 0.5'), '((x > 0) || (_r0.rand() < 0.5))');
  assert.equal(cpp('k > 0 and m // k > 1'), '((k > 0) && (_brian_floordiv_int(m, k) > 1))');
  assert.equal(cpp('-x'), '(-x)');
});

test('calls use the cpp column of the function table', () => {
  assert.equal(cpp('exprel(x)'), '_brian_exprel(x)');
  assert.equal(cpp('clip(x, 0, 1)'), '_brian_clip(x, 0, 1)');
  assert.equal(cppWithDraws('rand()'), '_r0.rand()');
  assert.equal(cppWithDraws('poisson(x)'), '_r0.poisson(x)');
  assert.equal(cpp('int(x)'), '_brian_int(x)');
});

test('literals read back as the same double', () => {
  assert.equal(cpp('3'), '3');
  assert.equal(cpp('3.0'), '3.0');
  assert.equal(cpp('-2'), '(-2)');
  assert.equal(doubleLiteral(0.1), '0.1');
  assert.equal(doubleLiteral(1e21), '1e+21');
  assert.equal(doubleLiteral(-1.5e-300), '(-1.5e-300)');
  assert.equal(doubleLiteral(Number.POSITIVE_INFINITY), 'INFINITY');
  assert.equal(doubleLiteral(Number.NaN), 'NAN');
  assert.equal(doubleLiteral(-0), '(-0.0)');
  for (const v of [Math.PI, 1 / 3, 2 ** -1074, 1.7976931348623157e308, 1.2345678901234567e-4]) {
    assert.equal(Number(doubleLiteral(v)), v);
  }
});

test('locals named like C++ keywords are renamed', () => {
  assert.equal(
    new CppExprPrinter(new Map([['int', 'float']]), DEFAULT_FUNCTIONS).print({
      kind: 'Name',
      name: 'new',
      span: { start: 0, end: 0, source: new SourceText('', '') },
    }),
    '_cpp_new',
  );
});
