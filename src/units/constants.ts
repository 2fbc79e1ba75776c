/**
 * Physical constants, as in `brian2.units.constants` (CODATA 2014 values, Brian 2.5.1).
 * As in Brian they are not part of the star import: `import { faradayConstant } from …`.
 * Both Brian's snake_case names and camelCase names are exported.
 */
import { Quantity } from './quantity.ts';
import {
  amp,
  coulomb,
  farad,
  gram,
  joule,
  kelvin,
  kilogram,
  meter,
  mole,
  newton,
} from './unit-table.generated.ts';

/** Avogadro constant N_A, 6.022140857e23 mol^-1. */
export const avogadro_constant: Quantity = new Quantity(6.022140857e23).div(mole);
/** Boltzmann constant k, 1.38064852e-23 J/K. */
export const boltzmann_constant: Quantity = new Quantity(1.38064852e-23).mul(joule).div(kelvin);
/** Electric constant ε0, 8.854187817e-12 F/m. */
export const electric_constant: Quantity = new Quantity(8.854187817e-12).mul(farad).div(meter);
/** Electron rest mass m_e, 9.10938356e-31 kg. */
export const electron_mass: Quantity = new Quantity(9.10938356e-31).mul(kilogram);
/** Elementary charge e, 1.6021766208e-19 C. */
export const elementary_charge: Quantity = new Quantity(1.6021766208e-19).mul(coulomb);
/** Faraday constant F, 96485.33289 C/mol. */
export const faraday_constant: Quantity = new Quantity(96485.33289).mul(coulomb).div(mole);
/** Gas constant R, 8.3144598 J/(mol K). */
export const gas_constant: Quantity = new Quantity(8.3144598).mul(joule).div(mole).div(kelvin);
/** Magnetic constant μ0, 4π × 1e-7 N/A^2. */
export const magnetic_constant: Quantity = new Quantity(4 * Math.PI * 1e-7)
  .mul(newton)
  .div(amp.mul(1).mul(amp)); // not amp.pow(2): that would register a display unit, Brian doesn't here
/** Molar mass constant M_u, 1 g/mol. */
export const molar_mass_constant: Quantity = new Quantity(1).mul(gram).div(mole);
/** 0 °C in kelvin, 273.15 K (Brian has no celsius unit: add this to convert). */
export const zero_celsius: Quantity = new Quantity(273.15).mul(kelvin);

/** Avogadro constant N_A, 6.022140857e23 mol^-1 (camelCase alias of `avogadro_constant`). */
export const avogadroConstant = avogadro_constant;
/** Boltzmann constant k, 1.38064852e-23 J/K (alias of `boltzmann_constant`). */
export const boltzmannConstant = boltzmann_constant;
/** Electric constant ε0, 8.854187817e-12 F/m (alias of `electric_constant`). */
export const electricConstant = electric_constant;
/** Electron rest mass m_e, 9.10938356e-31 kg (alias of `electron_mass`). */
export const electronMass = electron_mass;
/** Elementary charge e, 1.6021766208e-19 C (alias of `elementary_charge`). */
export const elementaryCharge = elementary_charge;
/** Faraday constant F, 96485.33289 C/mol (alias of `faraday_constant`). */
export const faradayConstant = faraday_constant;
/** Gas constant R, 8.3144598 J/(mol K) (alias of `gas_constant`). */
export const gasConstant = gas_constant;
/** Magnetic constant μ0, 4π × 1e-7 N/A^2 (alias of `magnetic_constant`). */
export const magneticConstant = magnetic_constant;
/** Molar mass constant M_u, 1 g/mol (alias of `molar_mass_constant`). */
export const molarMassConstant = molar_mass_constant;
/** 0 °C in kelvin, 273.15 K (alias of `zero_celsius`). */
export const zeroCelsius = zero_celsius;
