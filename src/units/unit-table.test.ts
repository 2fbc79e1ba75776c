import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  additionalUnitRegister,
  avogadro_constant,
  boltzmann_constant,
  electric_constant,
  electron_mass,
  elementary_charge,
  faraday_constant,
  faradayConstant,
  gas_constant,
  getOrCreateDimension,
  magnetic_constant,
  molar_mass_constant,
  pow10,
  standardUnitRegister,
  UNITS,
  type Unit,
  userUnitRegister,
  zero_celsius,
} from './index.ts';

// The committed extraction of Brian's table (scripts/list-brian-units.py): the generated
// module must agree with it entry by entry. (No unit arithmetic in this file: the registries
// are compared as generated.)
type Entry = [string, string, number[], number, string?];
const data = JSON.parse(readFileSync(new URL('./data/brian-units.json', import.meta.url), 'utf8')) as {
  units: Entry[];
  aliases: Record<string, string>;
  registers: Record<'standard' | 'user' | 'additional', string[]>;
};

describe('generated unit table agrees with the extracted Brian data', () => {
  it('every unit has its name, display name, dimension, scale and value', () => {
    for (const [name, dispname, dims, scale, latex] of data.units) {
      const u = UNITS.get(name) as Unit;
      assert.ok(u, name);
      assert.equal(u.name, name);
      assert.equal(u.dispname, dispname, name);
      assert.equal(u.dim, getOrCreateDimension(dims), name);
      assert.equal(u.scale, scale, name);
      assert.equal(u.value, pow10(scale), name);
      assert.equal(u.latexname, latex ?? `\\mathrm{${dispname}}`, name);
    }
    for (const [alias, target] of Object.entries(data.aliases))
      assert.equal(UNITS.get(alias), UNITS.get(target), alias);
    assert.equal(UNITS.size, data.units.length + Object.keys(data.aliases).length);
  });

  it("the display registries hold Brian's units in Brian's order", () => {
    const names = (units: Iterable<Unit>) => [...units].map((u) => u.name);
    const perDimOrder = (register: typeof standardUnitRegister, list: string[]) => {
      const dims = [...new Set(list.map((n) => (UNITS.get(n) ?? register.units.get(n))?.dim))];
      return dims.flatMap((d) => (d ? names(register.unitsFor(d)) : []));
    };
    assert.deepEqual(perDimOrder(standardUnitRegister, data.registers.standard), data.registers.standard);
    assert.deepEqual(
      perDimOrder(additionalUnitRegister, data.registers.additional),
      data.registers.additional,
    );
    assert.deepEqual(names(userUnitRegister.units.values()), data.registers.user);
  });
});

describe('physical constants (display as in Brian 2.5.1)', () => {
  it('have the CODATA values and units of brian2.units.constants', () => {
    assert.equal(String(faraday_constant), '96485.33289 s A mol^-1');
    assert.equal(String(zero_celsius), '273.15 K');
    assert.equal(String(magnetic_constant), '1.25663706e-06 H/m');
    assert.equal(String(gas_constant), '8.3144598 J/(mol K)');
    assert.equal(String(boltzmann_constant), '1.38064852e-23 J/K');
    assert.equal(String(electric_constant), '8.85418782e-12 F/m');
    assert.equal(String(avogadro_constant), '6.02214086e+23 mol^-1');
    assert.equal(String(molar_mass_constant), '0.001 kg mol^-1');
    assert.equal(String(electron_mass), '0.00091094 yg');
    assert.equal(String(elementary_charge), '160.21766208 zC');
    assert.equal(faradayConstant, faraday_constant);
  });
});
