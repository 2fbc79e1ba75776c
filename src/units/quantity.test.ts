import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrianError } from '../diagnostics/index.ts';
import {
  DIMENSIONLESS,
  DimensionMismatchError,
  Hz,
  kHz,
  metre,
  ms,
  mV,
  Quantity,
  QuantityArray,
  second,
  volt,
} from './index.ts';

/** Asserts that `fn` throws a BrianError with this code (and, optionally, this bare message). */
function throwsCode(fn: () => unknown, code: string, summary?: string): void {
  assert.throws(fn, (err: BrianError) => {
    assert.equal(err.code, code);
    if (summary !== undefined) assert.equal(err.summary, summary);
    return true;
  });
}

describe('Quantity arithmetic', () => {
  it('keeps values in SI base units', () => {
    assert.equal(ms(5).value, 0.005);
    assert.equal(mV(-65).value, -0.065);
    assert.equal(ms(5).dim, second.dim);
    assert.equal(new Quantity(3).dim, DIMENSIONLESS);
  });

  it('adds and subtracts quantities of the same dimension', () => {
    assert.equal(ms(5).add(second(1)).value, 1.005);
    assert.equal(mV(5).sub(mV(3)).in(mV), 2);
    assert.equal(new Quantity(2).add(3).value, 5);
    assert.equal(new Quantity(2).sub(3).value, -1);
  });

  it('multiplies and divides, combining dimensions', () => {
    const rate = mV(3).div(ms(1));
    assert.equal(rate.dim, volt.dim.div(second.dim));
    assert.equal(rate.value, 3);
    assert.equal(ms(5).mul(2).in(ms), 10);
    assert.equal(ms(5).div(2).in(ms), 2.5);
    assert.equal(ms(5).div(ms(5)).dim, DIMENSIONLESS);
    assert.equal(mV(2).mul(ms(3)).dim, volt.dim.mul(second.dim));
  });

  it('raises to powers with number or dimensionless exponents', () => {
    assert.equal(mV(3).pow(2).dim, volt.dim.pow(2));
    assert.ok(Math.abs(mV(3).pow(2).value - 9e-6) < 1e-20);
    assert.equal(String(ms(2).pow(-1)), '0.5 kHz');
    assert.equal(String(mV(4).mul(mV).sqrt()), '2. mV');
    assert.equal(metre(3).pow(new Quantity(2)).in(metre.pow(2)), 9);
  });

  it('negates and takes absolute values', () => {
    assert.equal(mV(3).neg().in(mV), -3);
    assert.equal(mV(-3).abs().in(mV), 3);
  });

  it('lets a dimensionless zero combine with any dimension (Brian: 3*mV + 0)', () => {
    assert.equal(String(mV(5).add(0)), '5. mV');
    assert.equal(String(mV(5).sub(0)), '5. mV');
    assert.equal(String(new Quantity(0).sub(mV(3))), '-3. mV');
    assert.equal(new Quantity(0).add(mV(3)).dim, volt.dim);
    assert.equal(mV(5).eq(0), false);
    assert.equal(mV(5).lt(0), false);
    assert.equal(mV(-5).lt(0), true);
  });

  it('compares quantities of the same dimension', () => {
    assert.equal(mV(5).gt(mV(3)), true);
    assert.equal(mV(5).ge(volt(0.005)), true);
    assert.equal(ms(1).le(second(0.001)), true);
    assert.equal(ms(1).lt(second(0.001)), false);
    assert.equal(ms(1).eq(second(0.001)), true);
    assert.equal(ms(1).ne(ms(2)), true);
  });

  it('compares with a bare infinity whatever the dimension (Brian: 5*mV < inf)', () => {
    assert.equal(mV(5).lt(Infinity), true);
    assert.equal(mV(5).gt(-Infinity), true);
  });

  it('broadcasts a scalar over a QuantityArray', () => {
    const out = ms(1).add(ms([1, 2]));
    assert.ok(out instanceof QuantityArray);
    assert.deepEqual(Array.from(out.in(ms)), [2, 3]);
    assert.deepEqual(Array.from(ms(10).div(ms([1, 2]))), [new Quantity(10), new Quantity(5)]);
    assert.deepEqual(Array.from(ms(1).lt(ms([0, 2]))), [0, 1]);
  });

  it('converts to numbers of a unit with in()', () => {
    assert.equal(second(0.02).in(ms), 20);
    assert.equal(Hz(2000).in(kHz), 2);
    assert.equal(new Quantity(0.5).in(1), 0.5);
  });
});

describe('Quantity errors', () => {
  it('rejects adding, subtracting and comparing different dimensions, with Brian messages', () => {
    const units = '(units are V and s).';
    throwsCode(
      () => mV(5).add(ms(3)),
      'dimension_mismatch',
      `Cannot calculate 5. mV + 3. ms, units do not match ${units}`,
    );
    throwsCode(
      () => mV(5).sub(ms(3)),
      'dimension_mismatch',
      `Cannot calculate 5. mV - 3. ms, units do not match ${units}`,
    );
    throwsCode(
      () => mV(5).lt(ms(3)),
      'dimension_mismatch',
      `Cannot perform comparison 5. mV < 3. ms, units do not match ${units}`,
    );
    throwsCode(
      () => mV(5).eq(ms(3)),
      'dimension_mismatch',
      `Cannot perform comparison 5. mV == 3. ms, units do not match ${units}`,
    );
    for (const op of ['le', 'gt', 'ge', 'ne'] as const)
      throwsCode(() => mV(5)[op](ms(3)), 'dimension_mismatch');
  });

  it('rejects a bare non-zero number where a dimension is needed', () => {
    throwsCode(
      () => mV(5).add(3),
      'dimension_mismatch',
      'Cannot calculate 5. mV + 3, units do not match (units are V and 1).',
    );
    throwsCode(
      () => mV(5).gt(2),
      'dimension_mismatch',
      'Cannot perform comparison 5. mV > 2, units do not match (units are V and 1).',
    );
    throwsCode(() => new Quantity(3).add(mV(5)), 'dimension_mismatch');
    throwsCode(() => mV(5).eq(second(0)), 'dimension_mismatch');
  });

  it('rejects a dimensioned exponent', () => {
    throwsCode(
      () => mV(5).pow(ms(2)),
      'dimension_mismatch',
      'Cannot calculate 5. mV ** 2. ms, the exponent has to be dimensionless (unit is s).',
    );
  });

  it('rejects in() with a unit of another dimension', () => {
    throwsCode(() => mV(5).in(ms), 'dimension_mismatch');
    throwsCode(() => mV(5).in(2), 'dimension_mismatch');
    throwsCode(() => mV(5).inUnitString(ms), 'dimension_mismatch');
  });

  it('errors are DimensionMismatchErrors carrying both dimensions', () => {
    try {
      mV(5).add(ms(3));
      assert.fail('should throw');
    } catch (err) {
      assert.ok(err instanceof DimensionMismatchError);
      assert.deepEqual(err.dims, [volt.dim, second.dim]);
      assert.equal(err.description, 'Cannot calculate 5. mV + 3. ms, units do not match');
    }
  });
});

describe('Quantity as a JS value', () => {
  it('converts to a number only when dimensionless', () => {
    assert.equal(Number(new Quantity(3)), 3);
    assert.equal(+ms(5).div(ms(1)), 5);
    assert.equal(new Quantity(2).valueOf(), 2);
    throwsCode(
      () => ms(5).valueOf(),
      'dimension_not_dimensionless',
      '5. ms must be dimensionless to be used as a plain number, but has unit s.',
    );
    throwsCode(() => Number(ms(5)), 'dimension_not_dimensionless');
    // biome-ignore lint/style/useTemplate: testing the + operator on purpose
    throwsCode(() => 'x' + (ms(5) as unknown as string), 'dimension_not_dimensionless');
  });

  it('shows the Brian display in template strings and String()', () => {
    assert.equal(`${ms(5)}`, '5. ms');
    assert.equal(String(new Quantity(0.5)), '0.5');
  });

  it('is immutable in spirit (operations return new objects) and serialises to JSON', () => {
    const a = ms(5);
    const b = a.add(ms(1));
    assert.notEqual(a, b);
    assert.equal(a.in(ms), 5);
    assert.equal(JSON.stringify(mV(2)), '{"value":0.002,"unit":"V"}');
  });

  it('reports its dimension properties', () => {
    assert.equal(ms(5).isDimensionless, false);
    assert.equal(new Quantity(5).isDimensionless, true);
    assert.equal(ms(5).hasSameDimensions(second), true);
    assert.equal(ms(5).hasSameDimensions(3), false);
    assert.equal(ms(5).dimensions, second.dim);
    assert.equal(ms(5).isUnit, false);
  });
});
