import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseStatements } from '../compiler/1-parse/parse-statements.ts';
import { evaluate, execute, type Value } from './evaluate.ts';

const ev = (text: string, values: Record<string, Value> = {}) => evaluate(parseExpression(text), values);

describe('evaluate', () => {
  test('has Python arithmetic', () => {
    assert.equal(ev('7/2'), 3.5);
    assert.equal(ev('7//2'), 3);
    assert.equal(ev('-7//2'), -4);
    assert.equal(ev('7//-2'), -4);
    assert.equal(ev('-7 % 3'), 2);
    assert.equal(ev('7 % -3'), -2);
    assert.equal(ev('-7.5 // 2'), -4);
    assert.equal(ev('2**-1'), 0.5);
    assert.equal(ev('-2**2'), -4);
    assert.equal(ev('int(-2.7)'), -2);
  });

  test('has numpy semantics for division by zero', () => {
    assert.equal(ev('1/0'), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(ev('0/0') as number));
  });

  test('has booleans and Python and/or', () => {
    assert.equal(ev('x > 1 and x < 3', { x: 2 }), true);
    assert.equal(ev('not (x > 1)', { x: 2 }), false);
    assert.equal(ev('True + True'), 2);
    assert.equal(ev('int(b)*3', { b: true }), 3);
    assert.equal(ev('0 or 5'), 5);
  });

  test('knows the default functions and constants', () => {
    assert.equal(ev('exprel(0)'), 1);
    assert.ok(Math.abs((ev('exprel(1e-3)') as number) - Math.expm1(1e-3) / 1e-3) < 1e-16);
    assert.equal(ev('clip(5, 0, 3)'), 3);
    assert.equal(ev('sign(-2)'), -1);
    assert.equal(ev('pi'), Math.PI);
    assert.equal(ev('timestep(0.3, 0.1)'), 3);
  });

  test('calls the given functions (a seeded randn)', () => {
    assert.equal(evaluate(parseExpression('2*randn()'), {}, { randn: () => 0.25 }), 0.5);
  });

  test('throws for unknown names', () => {
    assert.throws(() => ev('x + 1'), /no value for 'x'/);
  });

  test('executes statements in order', () => {
    const state = new Map<string, Value>([['v', 1]]);
    execute(parseStatements('_v = v*2\nv = _v + 1\nv += 1'), state);
    assert.equal(state.get('v'), 4);
  });
});
