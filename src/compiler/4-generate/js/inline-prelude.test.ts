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
  it('timestep(x, dt) >= n is compared without truncation, with the same result', () => {
    const types = new Map([['n', 'integer' as const]]);
    const p = new JsExprPrinter(types, DEFAULT_FUNCTIONS);
    const text = p.print(parseExpression('timestep(x, dt) >= n'));
    assert.ok(!text.includes('trunc') && !text.includes('_brian'), text);
    const f = new Function('x', 'dt', 'n', `return ${text};`);
    const dts = [1e-4, 0.1e-3, 1e-5, 0.5];
    const xs = [0, -0, 1e-9, -1e-9, 5e-4, 4.9999e-4, 0.005, -0.005, 3e-3, -3e-3, 1e4, -1e4, 0.3];
    xs.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e-4, -2e-4, -1.5e-4);
    for (const dt of dts) {
      for (const x of xs) {
        for (const n of [-3, -2, -1, 0, 1, 2, 3, 5, 30, 50, 2 ** 31 - 1]) {
          assert.equal(f(x, dt, n), brianPrelude.timestep(x, dt) >= n, `x=${x} dt=${dt} n=${n}`);
        }
      }
    }
  });
  it('keeps the truncation for other comparisons and non-integer bounds', () => {
    assert.match(printer.print(parseExpression('timestep(x, dt) > n')), /trunc/);
    assert.match(printer.print(parseExpression('timestep(x, dt) >= 2.5')), /trunc/);
  });
});
