import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrianError } from '../diagnostics/index.ts';
import { DIMENSIONLESS, ms, mV, nS, Quantity, QuantityArray, QuantityMatrix, second, volt } from './index.ts';

function throwsCode(fn: () => unknown, code: string, summary?: string): void {
  assert.throws(fn, (err: BrianError) => {
    assert.equal(err.code, code);
    if (summary !== undefined) assert.equal(err.summary, summary);
    return true;
  });
}

const list = (a: ArrayLike<number>) => Array.from(a);

describe('QuantityArray basics', () => {
  it('wraps a Float64Array of SI values', () => {
    const v = mV([1, 2, 3]);
    assert.ok(v instanceof QuantityArray);
    assert.ok(v.values instanceof Float64Array);
    assert.deepEqual(list(v.values), [0.001, 0.002, 0.003]);
    assert.equal(v.length, 3);
    assert.deepEqual(v.shape, [3]);
    assert.equal(v.dim, volt.dim);
    assert.equal(
      mV(new Float64Array([4]))
        .at(0)
        .in(mV),
      4,
    );
    assert.equal(QuantityArray.from([1, 2]).dim, DIMENSIONLESS);
    assert.deepEqual(list(QuantityArray.zeros(2, volt.dim).values), [0, 0]);
  });

  it('reads elements as Quantities, negative indices from the end', () => {
    const v = ms([1, 2, 3]);
    assert.equal(String(v.at(0)), '1. ms');
    assert.equal(String(v.at(-1)), '3. ms');
    throwsCode(() => v.at(3), 'index_out_of_range');
    throwsCode(() => v.at(1.5), 'index_out_of_range');
  });

  it('writes elements with a dimension check', () => {
    const v = ms([1, 2, 3]);
    v.set(0, second(1));
    v.fill(ms(7));
    assert.deepEqual(list(v.in(ms)), [7, 7, 7]);
    throwsCode(
      () => v.set(1, mV(3)),
      'dimension_mismatch',
      'Inconsistent units in assignment (units are s and V).',
    );
    throwsCode(() => v.fill(3), 'dimension_mismatch');
    v.set(1, 0); // a dimensionless zero is fine, as in Brian
    assert.equal(v.at(1).value, 0);
  });

  it('converts to numbers of a unit', () => {
    assert.deepEqual(list(second([0.001, 0.02]).in(ms)), [1, 20]);
    throwsCode(() => second([1]).in(mV), 'dimension_mismatch');
  });

  it('selects, slices, iterates', () => {
    const v = ms([1, 2, 3, 4]);
    assert.deepEqual(list(v.slice(1, 3).in(ms)), [2, 3]);
    const view = v.subarray(2);
    view.values[0] = 0.1;
    assert.equal(String(v.at(2)), '100. ms');
    assert.deepEqual(list(v.take([3, 0]).in(ms)), [4, 1]);
    assert.deepEqual(list(v.filter(v.gt(ms(1.5))).in(ms)), [2, 100, 4]);
    throwsCode(() => v.filter([1]), 'bad_argument');
    assert.deepEqual(
      [...v].map((q) => q.in(ms)),
      [1, 2, 100, 4],
    );
    assert.ok(v.toArray().every((q) => q instanceof Quantity));
    assert.equal(JSON.stringify(ms([1])), '{"values":[0.001],"unit":"s"}');
  });
});

describe('QuantityArray arithmetic (Brian display of the results)', () => {
  const x = mV([0, 1, 2]);
  it('elementwise with numbers, scalars and arrays', () => {
    assert.equal(String(x.neg()), '[-0. -1. -2.] mV');
    assert.equal(String(mV([1, 2, 3]).pow(2)), '[1. 4. 9.] mV^2');
    assert.equal(String(mV([4, 9]).mul(mV).sqrt()), '[2. 3.] mV');
    assert.equal(String(x.mul(2)), '[0. 2. 4.] mV');
    assert.equal(String(x.div(ms(2))), '[0.  0.5 1. ] m^2 kg s^-4 A^-1');
    assert.equal(String(x.add(mV([1, 1, 1]))), '[1. 2. 3.] mV');
    assert.equal(String(x.neg().abs()), '[0. 1. 2.] mV');
    assert.deepEqual(list(x.sub(mV(1)).in(mV)), [-1, 0, 1]);
    assert.deepEqual(list(x.add(0).in(mV)), [0, 1, 2]);
    assert.deepEqual(
      list(
        QuantityArray.from([0, 0])
          .add(mV([1, 2]))
          .in(mV),
      ),
      [1, 2],
    );
    assert.equal(
      nS([1, 2])
        .mul(mV([3, 4]))
        .inUnitString(nS.mul(mV)),
      '[3. 8.] nS mV',
    );
  });

  it('rejects mismatched dimensions with Brian messages, abbreviating long arrays', () => {
    throwsCode(
      () => mV([1, 2]).add(ms([1, 2])),
      'dimension_mismatch',
      'Cannot calculate [1. 2.] mV + [1. 2.] ms, units do not match (units are V and s).',
    );
    throwsCode(
      () => mV([1, 2, 3, 4, 5, 6, 7]).add(ms(3)),
      'dimension_mismatch',
      'Cannot calculate [1. 2. ... 6. 7.] mV + 3. ms, units do not match (units are V and s).',
    );
    throwsCode(() => mV([1]).sub(2), 'dimension_mismatch');
    throwsCode(() => mV([1]).pow(ms(1)), 'dimension_mismatch');
  });

  it('rejects arrays of different lengths', () => {
    throwsCode(
      () => mV([1, 2, 3]).add(mV([1, 2])),
      'bad_argument',
      'operands could not be broadcast together with shapes (3,) (2,)',
    );
  });

  it('compares elementwise into Uint8Array masks', () => {
    const v = mV([1, 5, 3]);
    assert.ok(v.gt(mV(2)) instanceof Uint8Array);
    assert.deepEqual(list(v.gt(mV(2))), [0, 1, 1]);
    assert.deepEqual(list(v.ge(mV(3))), [0, 1, 1]);
    assert.deepEqual(list(v.lt(mV([2, 2, 2]))), [1, 0, 0]);
    assert.deepEqual(list(v.le(mV(1))), [1, 0, 0]);
    assert.deepEqual(list(v.eq(mV(5))), [0, 1, 0]);
    assert.deepEqual(list(v.ne(mV(5))), [1, 0, 1]);
    assert.deepEqual(list(v.lt(Infinity)), [1, 1, 1]);
    assert.deepEqual(list(v.gt(0)), [1, 1, 1]);
    throwsCode(() => v.lt(ms(1)), 'dimension_mismatch');
    throwsCode(() => v.lt(1), 'dimension_mismatch');
  });
});

describe('QuantityArray reductions (numpy results, to the bit)', () => {
  // values ((k * 7919) % 1000) / 997 - 0.5 mV for k < 1000: pairwise and naive summation differ here
  const v = mV(Array.from({ length: 1000 }, (_, k) => ((k * 7919) % 1000) / 997 - 0.5));
  it('sum, mean, std', () => {
    assert.equal(v.sum().value, 0.0010030090270812416);
    assert.equal(v.mean().value, 1.0030090270812415e-6);
    assert.equal(v.std().value, 0.0002895436211205712);
    assert.equal(v.std(1).value, 0.00028968850160055105);
    assert.equal(v.sum().dim, volt.dim);
    const w = mV(Array.from({ length: 300 }, (_, k) => (k + 1) * 0.1));
    assert.equal(String(w.sum()), '4.515 V');
    assert.equal(String(w.mean()), '15.05 mV');
    assert.equal(String(w.std()), '8.66020593 mV');
    assert.equal(String(w.min()), '100. uV');
    assert.equal(String(w.max()), '30. mV');
  });

  it('min and max propagate NaN, as numpy', () => {
    const w = mV([1, Number.NaN, 0.5]);
    assert.ok(Number.isNaN(w.min().value));
    assert.ok(Number.isNaN(w.max().value));
    assert.equal(w.argmin(), 1);
    assert.equal(mV([3, 1, 2]).argmin(), 1);
    assert.equal(mV([3, 1, 5]).argmax(), 2);
  });

  it('empty arrays: sum 0, no minimum', () => {
    assert.equal(mV([]).sum().value, 0);
    assert.ok(Number.isNaN(mV([]).mean().value));
    throwsCode(() => mV([]).min(), 'bad_argument');
    throwsCode(() => mV([]).argmax(), 'bad_argument');
  });
});

describe('QuantityMatrix', () => {
  const m = mV([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  it('is rows × cols, row-major', () => {
    assert.ok(m instanceof QuantityMatrix);
    assert.deepEqual(m.shape, [2, 3]);
    assert.deepEqual(list(m.in(mV)), [1, 2, 3, 4, 5, 6]);
    assert.equal(String(m.at(1, 2)), '6. mV');
    assert.equal(String(m.at(-1, -1)), '6. mV');
  });

  it('gives rows (views) and columns (copies) as QuantityArrays', () => {
    assert.equal(String(m.row(1)), '[4. 5. 6.] mV');
    assert.equal(String(m.column(0)), '[1. 4.] mV');
    assert.deepEqual(
      [...m].map((r) => r.length),
      [3, 3],
    );
    const row = m.row(0);
    row.values[0] = 0;
    assert.equal(m.at(0, 0).value, 0);
  });

  it('checks indices, shapes and units', () => {
    throwsCode(() => m.row(2), 'index_out_of_range');
    throwsCode(() => m.column(3), 'index_out_of_range');
    throwsCode(() => m.at(0, 5), 'index_out_of_range');
    throwsCode(() => new QuantityMatrix(new Float64Array(5), 2, 3), 'bad_argument');
    throwsCode(() => mV([[1, 2], [3]]), 'bad_argument');
    throwsCode(() => m.in(ms), 'dimension_mismatch');
    throwsCode(() => m.inUnitString(ms), 'dimension_mismatch');
    assert.equal(m.inUnitString(volt, 3), '[[0.    0.002 0.003]\n [0.004 0.005 0.006]] V');
  });
});
