import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brianPrelude } from '../../../devices/runtime/prelude.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { DEFAULT_FUNCTIONS } from '../../functions.ts';
import { JsExprPrinter } from './print-expr.ts';

const printer = new JsExprPrinter(new Map(), DEFAULT_FUNCTIONS);

describe('inlined prelude calls', () => {
  it('timestep(x, dt) is printed inline when dt is a name or literal', () => {
    const text = printer.print(parseExpression('timestep(t - lastspike, dt)'));
    assert.ok(!text.includes('_brian'), text);
    const f = new Function('t', 'lastspike', 'dt', `return ${text};`);
    for (const [t, last, dt] of [
      [0.0123, 0.0101, 1e-4],
      [0.3, -1e4, 1e-4],
      [1e-4 * 7, 0, 1e-4],
      [0.005, 0, 0.1e-3],
    ]) {
      assert.equal(f(t, last, dt), brianPrelude.timestep(t - last, dt));
    }
  });
  it('keeps the call when the step argument is an expression (no double evaluation)', () => {
    assert.match(printer.print(parseExpression('timestep(t, dt * 2)')), /_brian\.timestep/);
  });
});
