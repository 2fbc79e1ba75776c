import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../1-parse/ast.ts';
import type { ScalarType } from '../../functions.ts';
import { isPure } from './expand-powers.ts';
import { narrowSelectedLocals, specializeBooleans } from './specialize-booleans.ts';
import { FUNCTIONS, show, statements } from './testing.ts';

const types = new Map<string, ScalarType>([
  ['nr', 'boolean'],
  ['b', 'boolean'],
]);
const narrow = (lines: string[], stored: string[] = []) =>
  show(
    narrowSelectedLocals(
      statements(lines, types),
      (n) => stored.includes(n),
      (e: Expr) => isPure(e, FUNCTIONS),
    ),
  );

describe('specializeBooleans', () => {
  it("specialises `(unless refractory)`'s select and folds the selects on known booleans", () => {
    const out = specializeBooleans(statements(['set v = _select(nr, _v, v)'], types), types, () => true);
    assert.deepEqual(show(out), ['set v = _select(nr, _v, v)']);
  });
});

describe('narrowSelectedLocals', () => {
  it('keeps only the arm a local is read in (the state update of a refractory model)', () => {
    assert.deepEqual(narrow(['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(nr, _v, v)']), [
      'let _v = v + 1',
      'set v = _select(nr, _v, v)',
    ]);
    assert.deepEqual(narrow(['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(nr, v, _v)']), [
      'let _v = v * 0',
      'set v = _select(nr, v, _v)',
    ]);
  });

  it('leaves a local read outside a select, in both arms, on another boolean, after the boolean changed, or stored', () => {
    for (const lines of [
      ['let _v = _select(nr, v + 1, v * 0)', 'set v = _v + 1'],
      ['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(nr, _v, v)', 'set w = _select(nr, w, _v)'],
      ['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(b, _v, v)'],
      ['let _v = _select(nr, v + 1, v * 0)', 'set nr = v > 0', 'set v = _select(nr, _v, v)'],
      ['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(_v > 0, v, 1)'],
      ['let _v = _select(nr, v + 1, rand())', 'set v = _select(nr, _v, v)'],
    ]) {
      const before = show(statements(lines, types));
      assert.deepEqual(narrow(lines), before, lines.join('; '));
    }
    const lines = ['let _v = _select(nr, v + 1, v * 0)', 'set v = _select(nr, _v, v)'];
    assert.deepEqual(narrow(lines, ['_v']), show(statements(lines, types)));
  });
});
