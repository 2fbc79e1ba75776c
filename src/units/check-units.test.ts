import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrianError } from '../diagnostics/index.ts';
import {
  amp,
  checkUnits,
  type Dimension,
  metre,
  ms,
  mV,
  nA,
  ohm,
  type Quantity,
  second,
  volt,
} from './index.ts';

function throwsCode(fn: () => unknown, code: string, summary?: string): void {
  assert.throws(fn, (err: BrianError) => {
    assert.equal(err.code, code);
    if (summary !== undefined) assert.equal(err.summary, summary);
    return true;
  });
}

// The examples of Brian's check_units docstring; messages as Brian 2.5.1 prints them.
const getvoltage = checkUnits(
  { I: amp, R: ohm, wibble: metre, result: volt },
  function getvoltage(I: Quantity, R: Quantity, _wibble?: unknown) {
    return I.mul(R);
  },
);

describe('checkUnits', () => {
  it('passes arguments of the right dimensions through', () => {
    assert.equal(String(getvoltage(amp(1), ohm(1))), '1. V');
    assert.equal(String(getvoltage(amp(1), ohm(1), metre(1))), '1. V');
    assert.equal(String(getvoltage(amp(1), ohm(1), 'hello')), '1. V'); // strings are not checked
    assert.equal(String(getvoltage(amp(1), ohm(1), null)), '1. V');
  });

  it('rejects arguments of the wrong dimension', () => {
    throwsCode(
      () => getvoltage(amp(1), metre(1)),
      'dimension_mismatch',
      "Function 'getvoltage' expected a quantity with unit ohm for argument 'R' but got '1. m' (unit is m).",
    );
    throwsCode(
      () => getvoltage(amp(1), ohm(1), 1),
      'dimension_mismatch',
      "Function 'getvoltage' expected a quantity with unit metre for argument 'wibble' but got '1' (unit is 1).",
    );
    throwsCode(() => getvoltage(1 as unknown as Quantity, ohm(1)), 'dimension_mismatch');
    throwsCode(() => getvoltage(amp(1), { x: 1 } as unknown as Quantity), 'bad_argument');
  });

  it('checks booleans and dimensionless values', () => {
    const isHigh = checkUnits(
      { value: 1, absolute: Boolean, result: 'bool' },
      function is_high(value: number, absolute = false) {
        return absolute ? Math.abs(value) >= 5 : value >= 5;
      },
    );
    assert.equal(isHigh(7), true);
    assert.equal(isHigh(-7, true), true);
    throwsCode(
      () => isHigh(3, 4 as unknown as boolean),
      'bad_argument',
      "Function 'is_high' expected a boolean value for argument 'absolute' but got '4'",
    );
    throwsCode(() => isHigh(mV(3) as unknown as number), 'dimension_mismatch');
    const notBool = checkUnits({ result: 'bool' }, () => 1);
    throwsCode(() => notBool(), 'bad_argument');
  });

  it('computes the result unit from the argument dimensions', () => {
    const square = checkUnits({ value: null, result: (d: Dimension) => d.pow(2) }, (value: Quantity) =>
      value.pow(2),
    );
    assert.equal(String(square(mV(3))), '9. mV^2');
    const wrong = checkUnits({ value: null, result: (d: Dimension) => d.pow(2) }, (value: Quantity) => value);
    throwsCode(() => wrong(mV(3)), 'dimension_mismatch');
  });

  it('requires arguments named by another to share its dimension', () => {
    const multiplySum = checkUnits(
      { multiplicand: null, summand_1: null, summand_2: 'summand_1' },
      function multiply_sum(m: Quantity | number, s1: Quantity, s2: Quantity) {
        return s1.add(s2).mul(m);
      },
    );
    assert.equal(String(multiplySum(3, mV(4), mV(5))), '27. mV');
    assert.equal(String(multiplySum(nA(3), mV(4), mV(5))), '27. pW');
    throwsCode(
      () => multiplySum(nA(3), mV(4), nA(5)),
      'dimension_mismatch',
      "Function 'multiply_sum' expected the argument 'summand_2' to have the same units as argument 'summand_1', " +
        "but argument 'summand_2' has unit A, while argument 'summand_1' has unit V.",
    );
    const broken = checkUnits({ a: 'nope' }, (a: number) => a);
    throwsCode(() => broken(1), 'bad_argument');
  });

  it('checks the result with the (args, result, fn) form', () => {
    const bad = checkUnits({ t: second }, 1, function bad(t: Quantity) {
      return t;
    });
    throwsCode(
      () => bad(ms(3)),
      'dimension_mismatch',
      "The return value of function 'bad' was expected to have unit 1 but was '3. ms' (unit is s).",
    );
    const getSample = checkUnits({ t: second }, 1, (t: Quantity) => Math.sin(t.in(second)));
    assert.equal(getSample(second(0)), 0);
  });

  it("records Brian's metadata for the compiler", () => {
    const getSample = checkUnits({ t: second }, 1, function get_sample(t: Quantity) {
      return t.in(second);
    });
    assert.deepEqual(getSample.unitCheck.argNames, ['t']);
    assert.deepEqual(getSample.unitCheck.argUnits, [second]);
    assert.equal(getSample.unitCheck.returnUnit, 1);
    assert.equal(getSample.unitCheck.returnsBool, false);
    assert.equal(getSample.name, 'get_sample');
    assert.equal(getvoltage.unitCheck.returnUnit, volt);
    assert.deepEqual(getvoltage.unitCheck.argNames, ['I', 'R', 'wibble']);
    const noResult = checkUnits({ x: metre }, (x: Quantity) => x);
    assert.equal(noResult.unitCheck.returnUnit, undefined);
    assert.equal(String(noResult(metre(2))), '2. m');
    throwsCode(() => checkUnits({}, 3 as unknown as () => void), 'bad_argument');
  });
});
