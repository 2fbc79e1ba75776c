import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  amp,
  candle,
  cm,
  cm2,
  coulomb,
  farad,
  gram,
  gray,
  Hz,
  henry,
  joule,
  katal,
  kelvin,
  kgram,
  kilogram,
  liter,
  lux,
  meter2,
  metre,
  metre3,
  mmolar,
  molar,
  mole,
  ms,
  msecond,
  mV,
  mvolt,
  nA,
  newton,
  nS,
  ohm,
  pascal,
  pF,
  Quantity,
  QuantityArray,
  QuantityMatrix,
  second,
  siemens,
  tesla,
  uA,
  ufarad,
  um2,
  volt,
  watt,
  weber,
} from './index.ts';

// Expected strings printed by Brian 2.5.1 (/usr/bin/python3, fresh process): str(q) and repr(q).
// None of these cases creates a unit by unit arithmetic, which would change Brian's display.
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const rows = (n: number, m: number) => range(n).map((i) => range(m).map((j) => i * m + j));

type Case = [python: string, make: () => { toString(): string; repr(): string }, str: string, repr: string];

const scalars: Case[] = [
  ['20*ms', () => ms(20), '20. ms', '20. * msecond'],
  ['1.5*mV', () => mV(1.5), '1.5 mV', '1.5 * mvolt'],
  ['0.3*second', () => second(0.3), '300. ms', '300. * msecond'],
  ['-0.3*second', () => second(-0.3), '-300. ms', '-300. * msecond'],
  ['0*mV', () => mV(0), '0. V', '0. * volt'],
  ['0*second', () => second(0), '0. s', '0. * second'],
  ['np.inf*mV', () => mV(Infinity), 'inf YV', 'inf * Yvolt'],
  ['-np.inf*mV', () => mV(-Infinity), '-inf YV', '-inf * Yvolt'],
  ['np.nan*mV', () => mV(Number.NaN), 'nan V', 'nan * volt'],
  ['1e-20*second', () => second(1e-20), '10. zs', '10. * zsecond'],
  ['1e20*second', () => second(1e20), '100. Es', '100. * Esecond'],
  ['1e30*volt', () => volt(1e30), '1000000. YV', '1000000. * Yvolt'],
  ['123456789*volt', () => volt(123456789), '123.456789 MV', '123.456789 * Mvolt'],
  ['0.1*mV', () => mV(0.1), '100. uV', '100. * uvolt'],
  ['1/3*mV', () => mV(1 / 3), '0.33333333 mV', '0.33333333 * mvolt'],
  ['2/3*second', () => second(2 / 3), '0.66666667 s', '0.66666667 * second'],
  ['1e-5*mV', () => mV(1e-5), '10. nV', '10. * nvolt'],
  ['5*amp', () => amp(5), '5. A', '5. * amp'],
  ['-65*mV', () => mV(-65), '-65. mV', '-65. * mvolt'],
  ['Quantity(3.0)', () => new Quantity(3), '3.', 'Quantity(3.)'],
  ['Quantity(0.5)', () => new Quantity(0.5), '0.5', 'Quantity(0.5)'],
  ['Quantity(1e-5)', () => new Quantity(1e-5), '1.e-05', 'Quantity(1.e-05)'],
  ['Quantity(1e9)', () => new Quantity(1e9), '1.e+09', 'Quantity(1.e+09)'],
  [
    '3*mV/ms',
    () => mV(3).div(ms),
    '3. m^2 kg s^-4 A^-1',
    '3. * metre ** 2 * kilogram * second ** -4 * amp ** -1',
  ],
  ['3*siemens', () => siemens(3), '3. S', '3. * siemens'],
  ['10*nS', () => nS(10), '10. nS', '10. * nsiemens'],
  ['5*pF', () => pF(5), '5. pF', '5. * pfarad'],
  ['5*ufarad', () => ufarad(5), '5. uF', '5. * ufarad'],
  ['2*Hz', () => Hz(2), '2. Hz', '2. * hertz'],
  ['2000*Hz', () => Hz(2000), '2. kHz', '2. * khertz'],
  ['1*mmolar', () => mmolar(1), '1. mM', '1. * mmolar'],
  ['1*molar', () => molar(1), '1. M', '1. * molar'],
  ['1e-3*mole/metre**3', () => mole(1e-3).div(metre3), '1. uM', '1. * umolar'],
  ['3*kilogram', () => kilogram(3), '3. kg', '3. * kilogram'],
  ['3*gram', () => gram(3), '3. g', '3. * gram'],
  ['1*cm', () => cm(1), '10. mm', '10. * mmetre'],
  ['1*cm2', () => cm2(1), '100. mm^2', '100. * mmetre2'],
  ['1*um2', () => um2(1), '1. um^2', '1. * umetre2'],
  ['3*joule', () => joule(3), '3. J', '3. * joule'],
  ['3*coulomb', () => coulomb(3), '3. C', '3. * coulomb'],
  ['3*kelvin', () => kelvin(3), '3. K', '3. * kelvin'],
  ['3*candle', () => candle(3), '3. cd', '3. * candle'],
  ['2*second**-0.5', () => second(2).div(second).div(second.sqrt()), '2. s^-0.5', '2. * second ** -0.5'],
  ['3*mV*mV', () => mV(3).mul(mV), '3. mV^2', '3. * mvolt2'],
  ['3*second*second', () => second(3).mul(second), '3. s^2', '3. * second2'],
  [
    '0.5*siemens/meter2',
    () => siemens(0.5).div(meter2),
    '0.5 m^-4 kg^-1 s^3 A^2',
    '0.5 * metre ** -4 * kilogram ** -1 * second ** 3 * amp ** 2',
  ],
  ['0.001953125*volt', () => volt(0.001953125), '1.953125 mV', '1.953125 * mvolt'],
  ['9.9999999999*mV', () => mV(9.9999999999), '10. mV', '10. * mvolt'],
  ['99999.99999*mV', () => mV(99999.99999), '99.99999999 V', '99.99999999 * volt'],
  ['12345.678912345*mV', () => mV(12345.678912345), '12.34567891 V', '12.34567891 * volt'],
  ['0.000123456789*volt', () => volt(0.000123456789), '123.456789 uV', '123.456789 * uvolt'],
  ['7*liter', () => liter(7), '0.007 m^3', '0.007 * metre3'],
  ['3*volt/metre3', () => volt(3).div(metre3), '3. V/(m^3)', '3. * volt / (metre ** 3)'],
  ['1e-2*ms', () => ms(1e-2), '10. us', '10. * usecond'],
  ['1e-6*metre', () => metre(1e-6), '1. um', '1. * umetre'],
  ['5*msecond*mvolt', () => msecond(5).mul(mvolt), '5. uWb', '5. * uweber'],
  ['1e8*volt', () => volt(1e8), '100. MV', '100. * Mvolt'],
  ['99999999*volt', () => volt(99999999), '99.999999 MV', '99.999999 * Mvolt'],
  ['-1e-20*volt', () => volt(-1e-20), '-10. zV', '-10. * zvolt'],
  ['1.5e-12*amp', () => amp(1.5e-12), '1.5 pA', '1.5 * pamp'],
  ['7.123456789012*amp', () => amp(7.123456789012), '7.12345679 A', '7.12345679 * amp'],
  ['2**0.5*volt', () => volt(2 ** 0.5), '1.41421356 V', '1.41421356 * volt'],
  ['1e-25*amp', () => amp(1e-25), '0.1 yA', '0.1 * yamp'],
  ['1e30*amp', () => amp(1e30), '1000000. YA', '1000000. * Yamp'],
  ['3*newton', () => newton(3), '3. N', '3. * newton'],
  ['3*pascal', () => pascal(3), '3. Pa', '3. * pascal'],
  ['3*watt', () => watt(3), '3. W', '3. * watt'],
  ['3*ohm', () => ohm(3), '3. ohm', '3. * ohm'],
  ['3*weber', () => weber(3), '3. Wb', '3. * weber'],
  ['3*tesla', () => tesla(3), '3. T', '3. * tesla'],
  ['3*henry', () => henry(3), '3. H', '3. * henry'],
  ['3*lux', () => lux(3), '3. lx', '3. * lux'],
  ['3*katal', () => katal(3), '3. kat', '3. * katal'],
  ['3*gray', () => gray(3), '3. Gy', '3. * gray'],
  ['3*kgram', () => kgram(3), '3. kg', '3. * kilogram'],
  ['5*uA/cm2', () => uA(5).div(cm2), '0.05 m^-2 A', '0.05 * metre ** -2 * amp'],
  ['3*joule/kelvin', () => joule(3).div(kelvin), '3. J/K', '3. * joule / kelvin'],
  ['3*farad/metre', () => farad(3).div(metre), '3. F/m', '3. * farad / metre'],
  [
    '0.2*nS/um2',
    () => nS(0.2).div(um2),
    '200. m^-4 kg^-1 s^3 A^2',
    '200. * metre ** -4 * kilogram ** -1 * second ** 3 * amp ** 2',
  ],
  [
    '60*mV/ms',
    () => mV(60).div(ms),
    '60. m^2 kg s^-4 A^-1',
    '60. * metre ** 2 * kilogram * second ** -4 * amp ** -1',
  ],
  ['0.025*second**-1', () => new Quantity(0.025).div(second), '25. mHz', '25. * mhertz'],
];

const arrays: Case[] = [
  ['[1,2,3]*mV', () => mV([1, 2, 3]), '[1. 2. 3.] mV', 'array([1., 2., 3.]) * mvolt'],
  ['[1,2.5,3]*mV', () => mV([1, 2.5, 3]), '[1.  2.5 3. ] mV', 'array([1. , 2.5, 3. ]) * mvolt'],
  ['[0,0]*mV', () => mV([0, 0]), '[0. 0.] V', 'array([0., 0.]) * volt'],
  ['[0.001, 1000]*mV', () => mV([0.001, 1000]), '[1.e-03 1.e+03] mV', 'array([1.e-03, 1.e+03]) * mvolt'],
  ['[1e-5, 1]*mV', () => mV([1e-5, 1]), '[1.e-02 1.e+03] uV', 'array([1.e-02, 1.e+03]) * uvolt'],
  [
    '[-1, 2.25, 3e-3]*second',
    () => second([-1, 2.25, 3e-3]),
    '[-1000.  2250.     3.] ms',
    'array([-1000.,  2250.,     3.]) * msecond',
  ],
  [
    'np.arange(20)*ms',
    () => ms(range(20)),
    '[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n 18. 19.] ms',
    'array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,\n       13., 14., 15., 16., 17., 18., 19.]) * msecond',
  ],
  [
    'np.arange(2000)*ms',
    () => ms(range(2000)),
    '[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03] ms',
    'array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03]) * msecond',
  ],
  [
    'np.arange(1001)*mV',
    () => mV(range(1001)),
    '[   0.    1.    2. ...  998.  999. 1000.] mV',
    'array([   0.,    1.,    2., ...,  998.,  999., 1000.]) * mvolt',
  ],
  [
    '[1, np.nan, np.inf, -np.inf]*mV',
    () => mV([1, Number.NaN, Infinity, -Infinity]),
    '[1.e-27    nan    inf   -inf] YV',
    'array([1.e-27,    nan,    inf,   -inf]) * Yvolt',
  ],
  ['[np.nan]*mV', () => mV([Number.NaN]), '[nan] V', 'array([nan]) * volt'],
  ['[1e-20, 1e20]*amp', () => amp([1e-20, 1e20]), '[1.e-20 1.e+20] A', 'array([1.e-20, 1.e+20]) * amp'],
  [
    '[123456789, 1]*volt',
    () => volt([123456789, 1]),
    '[1.23456789e+05 1.00000000e-03] kV',
    'array([1.23456789e+05, 1.00000000e-03]) * kvolt',
  ],
  [
    'np.array([[1,2],[3,4]])*mV',
    () =>
      mV([
        [1, 2],
        [3, 4],
      ]),
    '[[1. 2.]\n [3. 4.]] mV',
    'array([[1., 2.],\n       [3., 4.]]) * mvolt',
  ],
  [
    'np.arange(30).reshape(5,6)*nS',
    () => QuantityMatrix.from(rows(5, 6), nS),
    '[[ 0.  1.  2.  3.  4.  5.]\n [ 6.  7.  8.  9. 10. 11.]\n [12. 13. 14. 15. 16. 17.]\n [18. 19. 20. 21. 22. 23.]\n [24. 25. 26. 27. 28. 29.]] nS',
    'array([[ 0.,  1.,  2.,  3.,  4.,  5.],\n       [ 6.,  7.,  8.,  9., 10., 11.],\n       [12., 13., 14., 15., 16., 17.],\n       [18., 19., 20., 21., 22., 23.],\n       [24., 25., 26., 27., 28., 29.]]) * nsiemens',
  ],
  ['[]*mV', () => mV([]), '[] V', 'array([], dtype=float64) * volt'],
  [
    'np.array([1e-4, 2e-4])',
    () => QuantityArray.from([1e-4, 2e-4]),
    '[0.0001 0.0002]',
    'array([0.0001, 0.0002])',
  ],
  [
    'np.arange(40)*0.1*nA',
    () => nA(Array.from({ length: 40 }, (_, k) => k * 0.1)),
    '[0.  0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.  1.1 1.2 1.3 1.4 1.5 1.6 1.7\n 1.8 1.9 2.  2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 3.  3.1 3.2 3.3 3.4 3.5\n 3.6 3.7 3.8 3.9] nA',
    'array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1. , 1.1, 1.2,\n       1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2. , 2.1, 2.2, 2.3, 2.4, 2.5,\n       2.6, 2.7, 2.8, 2.9, 3. , 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8,\n       3.9]) * namp',
  ],
  [
    'np.array([-70.0, -65.5, -50.25])*mV',
    () => mV([-70, -65.5, -50.25]),
    '[-70.   -65.5  -50.25] mV',
    'array([-70.  , -65.5 , -50.25]) * mvolt',
  ],
  [
    'np.arange(6).reshape(2,3)*np.array(1e-3)*second',
    () =>
      QuantityMatrix.from(
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        ms,
      ),
    '[[0. 1. 2.]\n [3. 4. 5.]] ms',
    'array([[0., 1., 2.],\n       [3., 4., 5.]]) * msecond',
  ],
];

describe("display matches Brian's str() and repr()", () => {
  it(`${scalars.length} scalar quantities`, () => {
    for (const [python, make, str, repr] of scalars) {
      const q = make();
      assert.equal(String(q), str, python);
      assert.equal(q.repr(), repr, python);
    }
  });

  it(`${arrays.length} arrays and matrices`, () => {
    for (const [python, make, str, repr] of arrays) {
      const q = make();
      assert.equal(String(q), str, python);
      assert.equal(q.repr(), repr, python);
    }
  });

  it('template strings and console.log show the same text', async () => {
    const { inspect } = await import('node:util');
    assert.equal(`${ms(20)}`, '20. ms');
    assert.equal(`${mV([1, 2])}`, '[1. 2.] mV');
    assert.equal(inspect(ms(20)), '20. ms');
    assert.equal(inspect(mV([1, 2])), '[1. 2.] mV');
  });

  it('in a given unit and with a given precision (in_unit / in_best_unit)', () => {
    const x = mV(25.123456);
    assert.equal(x.inUnitString(volt), '0.02512346 V');
    assert.equal(x.inUnitString(volt, 3), '0.025 V');
    assert.equal(x.inUnitString(mV, 3), '25.123 mV');
    assert.equal(volt(0.00123456).inBestUnit(), '1.23456 mV');
    assert.equal(volt(0.00123456).inBestUnit(3), '1.235 mV');
    assert.equal(mV([1, 2]).inUnitString(volt), '[0.001 0.002] V');
    assert.equal(second(3).inUnitString(ms.mul(2)), '1500. s');
  });

  it('units print by their display name, repr by their full name', () => {
    assert.equal(String(mV), 'mV');
    assert.equal(mV.repr(), 'mvolt');
    assert.equal(`${um2}`, 'um^2');
    assert.equal(mV.toLatex(), '\\mathrm{m}\\mathrm{V}');
  });
});
