import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScalarType } from '../../functions.ts';
import { eliminateCommonSubexpressions } from './eliminate-common-subexpressions.ts';
import { FUNCTIONS, show, statements } from './testing.ts';

function cse(
  lines: string[],
  typeEntries: [string, ScalarType][] = [],
): { out: string[]; types: Map<string, ScalarType> } {
  const types = new Map<string, ScalarType>(typeEntries);
  let n = 0;
  const temp = (type: ScalarType) => {
    const name = `_c${++n}`;
    types.set(name, type);
    return name;
  };
  return {
    out: show(eliminateCommonSubexpressions(statements(lines, types), types, FUNCTIONS, temp)),
    types,
  };
}

describe('eliminateCommonSubexpressions', () => {
  it('computes a repeated pure subtree once, before its first use', () => {
    const { out } = cse(['let a = exp(v / 5) + 1', 'let b = 2 * exp(v / 5)']);
    assert.deepEqual(out, ['let _c1 = exp(v / 5)', 'let a = _c1 + 1', 'let b = 2 * _c1']);
  });
  it('shares the largest repeated subtree, not its parts', () => {
    const { out } = cse(['let a = (exp(v) - 1) * x', 'let b = (exp(v) - 1) / y']);
    assert.deepEqual(out, ['let _c1 = exp(v) - 1', 'let a = _c1 * x', 'let b = _c1 / y']);
  });
  it('shares nested repeats separately when both repeat on their own', () => {
    const { out } = cse(['let a = exp(v) - 1', 'let b = exp(v) - 1', 'let c = exp(v) * 2']);
    assert.deepEqual(out, [
      'let _c1 = exp(v)',
      'let _c2 = _c1 - 1',
      'let a = _c2',
      'let b = _c2',
      'let c = _c1 * 2',
    ]);
  });
  it('shares repeats within one statement', () => {
    const { out } = cse(['let a = n * n * (n * n)']);
    assert.deepEqual(out, ['let _c1 = n * n', 'let a = _c1 * _c1']);
  });
  it('never across a write of a variable the subtree reads', () => {
    const { out } = cse(['let a = exp(v)', 'set v = v + 1', 'let b = exp(v)']);
    assert.deepEqual(out, ['let a = exp(v)', 'set v = v + 1', 'let b = exp(v)']);
  });
  it('shares again after a write, among the uses of the new value', () => {
    const { out } = cse(['set v = v + 1', 'let a = exp(v)', 'let b = exp(v) * 2']);
    assert.deepEqual(out, ['set v = v + 1', 'let _c1 = exp(v)', 'let a = _c1', 'let b = _c1 * 2']);
  });
  it('a statement reads its own target before writing it', () => {
    const { out } = cse(['set v = exp(v) + exp(v)', 'let a = exp(v)']);
    assert.deepEqual(out, ['let _c1 = exp(v)', 'set v = _c1 + _c1', 'let a = exp(v)']);
  });
  it('never shares stateful calls or subtrees containing them', () => {
    const { out } = cse(['let a = rand() * s + 1', 'let b = rand() * s + 1']);
    assert.deepEqual(out, ['let a = rand() * s + 1', 'let b = rand() * s + 1']);
  });
  it('pure parts next to a stateful call are shared', () => {
    const { out } = cse(['let a = rand() + exp(v)', 'let b = randn() * exp(v)']);
    assert.deepEqual(out, ['let _c1 = exp(v)', 'let a = rand() + _c1', 'let b = randn() * _c1']);
  });
  it('leaves conditionally evaluated subtrees in place', () => {
    const { out } = cse(
      ['let a = _select(b, exp(v), 0.0)', 'let c = _select(b, exp(v), 1.0)'],
      [['b', 'boolean']],
    );
    assert.deepEqual(out, ['let a = _select(b, exp(v), 0.0)', 'let c = _select(b, exp(v), 1.0)']);
    const logical = cse(
      ['let p = x > 0 and exp(v) > 1', 'let q = x > 0 and exp(v) > 2'],
      [
        ['p', 'boolean'],
        ['q', 'boolean'],
      ],
    );
    assert.deepEqual(logical.out, [
      'let _c1 = x > 0',
      'let p = _c1 and exp(v) > 1',
      'let q = _c1 and exp(v) > 2',
    ]);
  });
  it('skips integer subtrees and literal-only subtrees', () => {
    const { out } = cse(
      ['let a = (k + 1) * x', 'let b = (k + 1) * y', 'let c = -(2.0) + -(2.0) * x'],
      [['k', 'integer']],
    );
    assert.deepEqual(out, ['let a = (k + 1) * x', 'let b = (k + 1) * y', 'let c = -2.0 + -2.0 * x']);
  });
  it('records the type of each temporary', () => {
    const { types } = cse(
      ['let p = v > 1 or w', 'let q = v > 1 or z'],
      [
        ['p', 'boolean'],
        ['q', 'boolean'],
        ['w', 'boolean'],
        ['z', 'boolean'],
      ],
    );
    assert.equal(types.get('_c1'), 'boolean');
  });
  it('returns the statements unchanged when nothing repeats', () => {
    const { out } = cse(['let a = exp(v)', 'let b = exp(w)']);
    assert.deepEqual(out, ['let a = exp(v)', 'let b = exp(w)']);
  });
});
