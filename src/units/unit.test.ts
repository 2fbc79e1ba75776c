import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrianError } from '../diagnostics/index.ts';
import {
  BRIAN_DEFAULT_UNIT_NAMES,
  BRIAN_STAR_IMPORT_UNIT_NAMES,
  bestUnit,
  cm2,
  farad,
  getOrCreateDimension,
  getUnit,
  isUnit,
  joule,
  kgram,
  kilogram,
  liter,
  meter,
  metre,
  metre2,
  mmetre,
  mmolar,
  molar,
  ms,
  msecond,
  msiemens,
  mV,
  mvolt,
  nA,
  newton,
  pfarad,
  pow10,
  Quantity,
  QuantityArray,
  QuantityMatrix,
  registerNewUnit,
  second,
  siemens,
  UNITS,
  UNSUPPORTED_UNITS,
  Unit,
  umetre2,
  unitForDisplay,
  unitFromDimension,
  volt,
  Yvolt,
} from './index.ts';

function throwsCode(fn: () => unknown, code: string): void {
  assert.throws(fn, (err: BrianError) => err.code === code);
}

// First in this file: later tests create units by arithmetic, which changes the display (as in Brian).
describe('display registries (checked against Brian 2.5.1 run in the same order)', () => {
  it('units made by arithmetic become display units, as Brian registers them', () => {
    assert.equal(String(volt(3).div(second(1e6))), '3.e-06 m^2 kg s^-4 A^-1');
    mV.div(ms);
    assert.equal(String(mV(3).div(ms(1))), '3. mV/ms');
    assert.equal(String(volt(3e-6).div(second(1))), '3.e-06 mV/ms');
    assert.equal(mV(3).div(ms(1)).repr(), '3. * mvolt / msecond');
    // A later unit with the same value takes the place of the earlier one.
    volt.div(second);
    assert.equal(String(mV([1, 2, 3]).div(ms(1))), '[1. 2. 3.] V/s');
    assert.equal(getUnit(volt.dim.div(second.dim))?.name, 'volt / second');
  });

  it('siemens/meter**2', () => {
    assert.equal(String(siemens(0.5).div(metre2)), '0.5 m^-4 kg^-1 s^3 A^2');
    const density = siemens.div(meter.pow(2));
    assert.equal(density.name, 'siemens / (meter ** 2)');
    assert.equal(String(density), 'S/(m^2)');
    assert.equal(String(siemens(0.5).div(metre2)), '0.5 S/(m^2)');
    assert.equal(siemens(0.5).div(metre2).repr(), '0.5 * siemens / (meter ** 2)');
    assert.equal(String(msiemens(5).div(cm2)), '50. S/(m^2)');
  });

  it('user units never override standard ones; registerNewUnit adds display units', () => {
    const Nm = newton.mul(metre);
    assert.equal(String(Nm.mul(3)), '3. J');
    assert.equal(String(joule(3)), '3. J');
    const custom = Unit.create({
      dim: farad.dim.div(metre.dim.pow(2)),
      name: 'pF_per_mm2',
      dispname: 'pF/mm2',
      scale: -6,
    });
    registerNewUnit(custom);
    assert.equal(String(farad(2).div(metre2)), '2000000. pF/mm2');
    assert.ok(pfarad.div(mmetre.pow(2)));
  });

  it('createScaled and the dimension helpers', () => {
    const mv2 = Unit.createScaled(volt, 'm', { register: false });
    assert.equal(mv2.name, 'mvolt');
    assert.equal(mv2.latexname, mvolt.latexname);
    assert.ok(mv2.eq(mvolt));
    throwsCode(() => Unit.createScaled(volt, 'q'), 'bad_argument');
    assert.equal(unitForDisplay(volt.dim), 'V');
    assert.equal(unitForDisplay(getOrCreateDimension({ m: 1, cd: 5 })), 'm cd^5');
    assert.equal(unitFromDimension(kilogram.dim), kilogram);
    assert.equal(String(unitFromDimension(getOrCreateDimension({ K: 3, m: 1 }))), 'm K^3');
    assert.equal(bestUnit(second(0.02)), ms);
    assert.equal(String(bestUnit(new Quantity(1, getOrCreateDimension({ cd: 7 })))), '1. cd^7');
  });
});

describe('units are callable quantities', () => {
  it('are Quantities and functions at once', () => {
    assert.ok(ms instanceof Quantity);
    assert.ok(ms instanceof Unit);
    assert.equal(typeof ms, 'function');
    assert.ok(isUnit(ms) && !isUnit(ms(1)));
    assert.equal(ms.isUnit, true);
    assert.equal(ms.value, 0.001);
    assert.equal(ms.dim, second.dim);
    assert.equal(ms.name, 'msecond');
    assert.equal(ms.dispname, 'ms');
    assert.equal(ms.scale, -3);
    assert.equal(ms, msecond);
    assert.equal(Object.hasOwn(ms, 'length'), false);
  });

  it('make quantities, arrays and matrices when called', () => {
    const q = ms(5);
    assert.ok(q instanceof Quantity && !isUnit(q));
    assert.equal(q.value, 0.005);
    assert.ok(mV([1, 2]) instanceof QuantityArray);
    assert.deepEqual(Array.from(mV(new Float64Array([1, 2])).values), [0.001, 0.002]);
    assert.deepEqual(Array.from(mV(new Set([3])).in(mV)), [3]);
    assert.ok(mV([[1], [2]]) instanceof QuantityMatrix);
  });

  it('reject calls with quantities or non-numbers', () => {
    throwsCode(() => mV(ms(1) as unknown as number), 'bad_argument');
    throwsCode(() => mV('5' as unknown as number), 'bad_argument');
    throwsCode(() => mV(['1', 2] as unknown as number[]), 'bad_argument');
  });

  it('work as values', () => {
    assert.equal(String(ms.mul(3)), '3. ms');
    assert.equal(second(1).in(ms), 1000);
    assert.equal(ms.in(second), 0.001);
    assert.equal(String(ms.add(ms)), '2. ms');
    assert.equal(mV.lt(volt), true);
  });

  it('cannot be constructed with new', () => {
    assert.throws(() => Reflect.construct(Unit, []), TypeError);
  });

  it("have Python's 10.0 ** scale as value", () => {
    assert.equal(Yvolt.value, 1e24);
    assert.equal(umetre2.value, 1e-12);
    assert.equal(cm2.value, 0.0001);
    assert.equal(liter.value, 0.001);
    assert.equal(molar.value, 1000);
    assert.equal(mmolar.value, 1);
    assert.equal(kgram.value, 1);
    assert.equal(pow10(23), 1.0000000000000001e23); // Python's 10.0**23, not the literal 1e23
    assert.equal(pow10(-4), 0.0001); // JS's 10 ** -4 is 0.00009999999999999999
    assert.equal(pow10(0.5), Math.sqrt(10));
  });
});

describe('unit arithmetic makes compound units, named as Brian names them', () => {
  it('mul, div and pow give units with derived names', () => {
    const rate = mV.div(ms);
    assert.ok(isUnit(rate));
    assert.equal(rate.name, 'mvolt / msecond');
    assert.equal(rate.dispname, 'mV/ms');
    assert.equal(rate.latexname, '\\frac{\\mathrm{m}\\mathrm{V}}{\\mathrm{m}\\mathrm{s}}');
    assert.equal(rate.value, 1);
    assert.equal(metre.pow(2).name, 'metre ** 2');
    assert.equal(metre.pow(2).latexname, '\\mathrm{m}^{2}');
    assert.equal(ms.pow(-1).name, 'msecond ** -1');
    assert.equal(String(ms.pow(-1)), 'ms^-1');
    assert.equal(rate.pow(2).name, '(mvolt / msecond) ** 2');
    assert.equal(String(rate.pow(2)), '(mV/ms)^2');
    assert.equal(
      rate.pow(2).latexname,
      '\\left(\\frac{\\mathrm{m}\\mathrm{V}}{\\mathrm{m}\\mathrm{s}}\\right)^{2}',
    );
    assert.equal(mV.mul(ms).div(nA).name, '(mvolt * msecond) / namp');
    assert.equal(String(mV.mul(ms).div(nA)), '(mV ms)/nA');
    assert.equal(String(ms.mul(mV)), 'ms mV');
    assert.equal(ms.mul(mV).latexname, '\\mathrm{m}\\mathrm{s}\\,\\mathrm{m}\\mathrm{V}');
    assert.equal(ms.mul(mV).scale, -6);
  });

  it('units compare equal by dimension and scale', () => {
    assert.equal(mV.eq(mvolt), true);
    assert.equal(mV.eq(volt), false);
    assert.equal(mV.ne(volt), true);
    assert.equal(mV.eq(ms), false); // no dimension error between units, as in Brian
  });

  it('rejects a dimensioned exponent', () => {
    throwsCode(() => metre.pow(ms(1)), 'dimension_mismatch');
  });
});

describe('the unit table (generated from Brian 2.5.1)', () => {
  it('has every unit of brian2.units.allunits and stdunits', () => {
    assert.equal(UNITS.size, 2095);
    for (const name of [
      'mV',
      'ms',
      'nS',
      'uF',
      'cm2',
      'umetre2',
      'metre3',
      'siemens2',
      'mS',
      'kHz',
      'usiemens3',
    ]) {
      assert.ok(UNITS.get(name), name);
    }
    assert.equal(UNITS.get('mV'), mvolt);
    assert.equal(UNITS.get('cm2'), UNITS.get('cmetre2'));
    for (const [name, u] of UNITS) assert.ok(isUnit(u), name);
    assert.equal(UNITS.has('celsius'), false);
    assert.match(UNSUPPORTED_UNITS.get('celsius') ?? '', /zero_celsius/);
  });

  it("records Brian's namespaces", () => {
    assert.equal(BRIAN_STAR_IMPORT_UNIT_NAMES.size, 203);
    assert.ok(BRIAN_STAR_IMPORT_UNIT_NAMES.has('mS') && BRIAN_STAR_IMPORT_UNIT_NAMES.has('cmetre'));
    assert.equal(BRIAN_DEFAULT_UNIT_NAMES.size, 1710);
    assert.ok(BRIAN_DEFAULT_UNIT_NAMES.has('mV') && !BRIAN_DEFAULT_UNIT_NAMES.has('mS'));
    for (const name of [...BRIAN_STAR_IMPORT_UNIT_NAMES, ...BRIAN_DEFAULT_UNIT_NAMES])
      assert.ok(UNITS.has(name), name);
  });
});
