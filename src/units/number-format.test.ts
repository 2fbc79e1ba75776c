import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatArray, formatPlainNumber, formatScalar } from './number-format.ts';

// Recorded from numpy 1.24 by testdata/record-numpy-format.py.
interface Case {
  shape: number[];
  values?: string[];
  arange?: [number, number, number];
  precision?: number;
  str: string;
  repr?: string;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('./testdata/numpy-format.json', import.meta.url), 'utf8'),
);

function valuesOf(c: Case): number[] {
  if (c.arange) {
    const [n, mul, div] = c.arange;
    return Array.from({ length: n }, (_, k) => (k * mul) / div);
  }
  return (c.values ?? []).map((s) =>
    s === 'nan' ? Number.NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s),
  );
}

describe('formatArray matches numpy', () => {
  it(`str() of ${cases.length} recorded arrays`, () => {
    for (const c of cases) {
      const options = c.precision === undefined ? {} : { precision: c.precision };
      assert.equal(
        formatArray(valuesOf(c), c.shape, { options }),
        c.str,
        JSON.stringify(c.values ?? c.arange),
      );
    }
  });

  it('repr() of the recorded arrays (separator, prefix and suffix)', () => {
    for (const c of cases) {
      if (c.repr === undefined || c.shape.includes(0)) continue;
      const body = formatArray(valuesOf(c), c.shape, { separator: ', ', prefix: 'array(', suffix: ')' });
      assert.equal(`array(${body})`, c.repr);
    }
  });
});

describe('formatScalar (Brian prints a scalar as a one-element array without brackets)', () => {
  it('integers keep a trailing point, others their shortest digits up to 8 decimals', () => {
    assert.equal(formatScalar(20), '20.');
    assert.equal(formatScalar(1.5), '1.5');
    assert.equal(formatScalar(-65), '-65.');
    assert.equal(formatScalar(1 / 3), '0.33333333');
    assert.equal(formatScalar(0), '0.');
    assert.equal(formatScalar(-0), '-0.');
  });

  it('switches to scientific notation below 1e-4 and from 1e8', () => {
    assert.equal(formatScalar(1e-5), '1.e-05');
    assert.equal(formatScalar(1e9), '1.e+09');
    assert.equal(formatScalar(1.23456789e-9), '1.23456789e-09');
    assert.equal(formatScalar(1e-300), '1.e-300');
  });

  it('rounds the exact binary value half to even where digits are cut', () => {
    // 0.001953125 = 2^-9 is an exact tie at 8 decimals: numpy keeps the even digit.
    assert.equal(formatScalar(0.001953125), '0.00195312');
    assert.equal(formatScalar(9.9999999999), '10.');
    assert.equal(formatScalar(0.001953125, 2), '0.');
    assert.equal(formatScalar(1.125, 2), '1.12');
  });

  it('nan and infinities', () => {
    assert.equal(formatScalar(Number.NaN), 'nan');
    assert.equal(formatScalar(Infinity), 'inf');
    assert.equal(formatScalar(-Infinity), '-inf');
  });
});

describe('formatPlainNumber (numbers quoted in messages)', () => {
  it('prints like Python str of an int or float', () => {
    assert.equal(formatPlainNumber(3), '3');
    assert.equal(formatPlainNumber(0.5), '0.5');
    assert.equal(formatPlainNumber(Number.NaN), 'nan');
    assert.equal(formatPlainNumber(-Infinity), '-inf');
  });
});
