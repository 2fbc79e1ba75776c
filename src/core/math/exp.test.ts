import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcg, ulps } from '../../../test/helpers/floats.ts';
import { brianExp, EXP2_FRACTIONS, EXP2_POWERS, EXP2_POWERS_OFFSET } from './exp.ts';

/** exp(x) correctly rounded (Python `decimal`, 60 digits): test/reference values for exp.ts. */
const CORRECTLY_ROUNDED: [number, number][] = [
  [0.5, 1.6487212707001282],
  [-0.5, 0.6065306597126334],
  [1.0, Math.E],
  [-1.0, 0.36787944117144233],
  [2.5, 12.182493960703473],
  [10.0, 22026.465794806718],
  [-10.0, 4.5399929762484854e-5],
  [0.01, 1.010050167084168],
  [-0.017, 0.9831436846349096],
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: an input near π, not π
  [3.14159, 23.14063122695496],
  [-3.5036404329943682, 0.030087651727991802],
  [100.0, 2.6881171418161356e43],
  [-100.0, 3.720075976020836e-44],
  [700.0, 1.0142320547350045e304],
  [-700.0, 9.85967654375977e-305],
  [709.7, 1.6549840276802644e308],
  [-708.0, 3.307553003638408e-308],
  [1.348398181075181, 3.8512515795768025],
  [-15.722122, 1.4858301668346036e-7],
  [2.653754, 14.207272764375032],
  [-7.80269, 0.00040863427299960914],
  [6.235202, 510.40370958507253],
  [7.543218, 1887.8955083117808],
  [-26.068268, 4.771940883364596e-12],
  [-29.209921, 2.0620181937822384e-13],
  [20.248145, 621809914.3138442],
  [-14.438759, 5.361997914957499e-7],
  [-15.940142, 1.1947699435095488e-7],
  [29.73869, 8229036071471.615],
  [-1.78419, 0.16793303168028728],
];

describe('brianExp', () => {
  it('is within 1 ulp of the correctly rounded result', () => {
    for (const [x, expected] of CORRECTLY_ROUNDED) {
      assert.ok(
        ulps(brianExp(x), expected) <= 1,
        `exp(${x}) = ${brianExp(x)}, correctly rounded ${expected}`,
      );
    }
  });
  it('is within 2 ulp of Math.exp over the whole range, subnormal results included', () => {
    const rnd = lcg(99);
    for (let k = 0; k < 200000; k++) {
      const x = k % 2 === 0 ? (rnd() - 0.5) * 60 : -745 + rnd() * 1454.7;
      const e = Math.exp(x);
      assert.ok(ulps(brianExp(x), e) <= 2, `exp(${x}) = ${brianExp(x)}, Math.exp ${e}`);
    }
  });
  it('has the special values of exp', () => {
    assert.equal(brianExp(0), 1);
    assert.equal(brianExp(-0), 1);
    assert.ok(Number.isNaN(brianExp(Number.NaN)));
    assert.equal(brianExp(Infinity), Infinity);
    assert.equal(brianExp(-Infinity), 0);
    assert.equal(brianExp(709.79), Infinity);
    assert.equal(brianExp(710), Infinity);
    assert.equal(brianExp(-746), 0);
    assert.equal(brianExp(709.782712893384), Math.exp(709.782712893384));
    assert.equal(brianExp(-745.1332191019411), Number.MIN_VALUE);
  });
  it('has exact tables: powers of two and 2^(j/64) within half an ulp', () => {
    assert.equal(EXP2_POWERS[EXP2_POWERS_OFFSET], 1);
    assert.equal(EXP2_POWERS[EXP2_POWERS_OFFSET - 1074], Number.MIN_VALUE);
    assert.equal(EXP2_POWERS[EXP2_POWERS_OFFSET - 1075], 0);
    assert.equal(EXP2_POWERS[EXP2_POWERS_OFFSET + 1023], 2 ** 1023);
    assert.equal(EXP2_POWERS[EXP2_POWERS_OFFSET + 1024], Infinity);
    for (const [j, t] of EXP2_FRACTIONS.entries()) assert.ok(ulps(t, 2 ** (j / 64)) <= 1, `2^(${j}/64)`);
    assert.equal(EXP2_FRACTIONS[32], Math.SQRT2);
  });
});
