import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brianPrelude } from '../../../devices/runtime/prelude.ts';
import type { Expr } from '../../1-parse/ast.ts';
import { identifiers } from '../../1-parse/expr-utils.ts';
import { JsExprPrinter } from '../../4-generate/js/print-expr.ts';
import type { ScalarType } from '../../functions.ts';
import { boundTimestepComparisons } from './bound-timestep-comparisons.ts';
import { FUNCTIONS, show, statements } from './testing.ts';

const types = new Map<string, ScalarType>([
  ['nr', 'boolean'],
  ['n', 'integer'],
  ['k', 'integer'],
]);
const scalar = new Set(['t', 'dt', 'd', 'n']);
const isScalar = (e: Expr) => [...identifiers(e)].every((x) => scalar.has(x));
const bound = (line: string) =>
  boundTimestepComparisons(statements([line], types), isScalar, types, FUNCTIONS);

describe('boundTimestepComparisons', () => {
  it("with the clock's dt: one comparison with the smallest dividend that passes, computed per call", () => {
    assert.deepEqual(show(bound('set nr = timestep(t - lastspike, dt) >= n')), [
      'set nr = t - lastspike + 0.001 * dt >= _quotient_threshold(_select(n >= 1, n, -((1.0 - n) * 0.9999999999999999)), dt)',
    ]);
  });
  it('with any other divisor: loop-invariant bounds, keeping the exact test near n*d', () => {
    assert.deepEqual(show(bound('set nr = timestep(t - lastspike, d) >= n')), [
      'set nr = t - lastspike + 0.001 * d >= _select(n >= 1 and d > 1e-300, n * d * 1.0000000000009095, 1.7976931348623157e+308)' +
        ' or t - lastspike + 0.001 * d >= _select(n >= 1 and d > 1e-300, n * d * 0.9999999999990905, -1.7976931348623157e+308)' +
        ' and (t - lastspike + 0.001 * d) / d >= _select(n >= 1, n, -((1.0 - n) * 0.9999999999999999))',
    ]);
  });
  it('leaves per-element bounds, other comparisons and stateful arguments alone', () => {
    for (const line of [
      'set nr = timestep(t - lastspike, dt) >= k',
      'set nr = timestep(t - lastspike, dt) > n',
      'set nr = timestep(t - rand(), dt) >= n',
      'set nr = timestep(t - lastspike, dt) >= 2.5',
    ]) {
      assert.deepEqual(show(bound(line)), [line.replace('>= 2.5', '>= 2.5')]);
    }
  });
  // The clock's dt is positive; any other divisor may also be zero or subnormal.
  for (const [divisor, divisors] of [
    ['dt', [1e-4, 0.1e-3, 1e-5, 0.05e-3, 1 / 3, 1e-310]],
    ['d', [1e-4, 0.1e-3, 1e-5, 0.05e-3, 1 / 3, 1e-310, 0]],
  ] as const) {
    it(`gives the same result as the division for every x, ${divisor} and n (printed as JS)`, () => {
      const [s] = bound(`set nr = timestep(x, ${divisor}) >= n`);
      const printer = new JsExprPrinter(new Map([...types, ['x', 'float' as const]]), FUNCTIONS);
      const f = new Function('x', divisor, 'n', '_brian', `return ${printer.print(s.value)};`);
      const exact = (x: number, dt: number, n: number) => brianPrelude.timestep(x, dt) >= n;
      let seed = 7;
      const rnd = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed / 2 ** 32;
      };
      const cases: [number, number, number][] = [];
      for (const dt of divisors) {
        for (const n of [-(2 ** 31), -1000, -2, -1, 0, 1, 2, 3, 30, 50, 51, 1000, 2 ** 31 - 1]) {
          // Around the decision boundary n*dt - 1e-3*dt, to the last bits, and far from it.
          const edge = n * dt - 1e-3 * dt;
          for (const x of [edge, 0, -0, -edge, 1e4, -1e4, Number.NaN, Infinity, -Infinity])
            cases.push([x, dt, n]);
          for (let k = -40; k <= 40; k++) {
            let y = edge;
            for (let j = 0; j < Math.abs(k); j++) y = k > 0 ? nextUp(y) : nextDown(y);
            cases.push([y, dt, n]);
          }
          for (let k = 0; k < 200; k++) cases.push([edge * (1 + (rnd() - 0.5) * 1e-9), dt, n]);
        }
      }
      for (const [x, dt, n] of cases) {
        assert.equal(Boolean(f(x, dt, n, brianPrelude)), exact(x, dt, n), `x=${x} ${divisor}=${dt} n=${n}`);
      }
    });
  }
});

const buf = new Float64Array(1);
const bits = new BigInt64Array(buf.buffer);
function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  buf[0] = x;
  bits[0] += x > 0 ? 1n : -1n;
  return buf[0];
}
function nextDown(x: number): number {
  return -nextUp(-x);
}
