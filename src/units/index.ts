/**
 * Physical units and quantities, Brian's `brian2.units`.
 *
 *   import { ms, mV, Quantity } from './units/index.ts';
 *   const tau = ms(20);                  // 20. ms
 *   const v = mV([-70, -65]);            // [-70. -65.] mV
 *   v.div(tau).in(mV.div(ms));           // Float64Array [-3.5, -3.25]
 *
 * Import units from here (not from the individual files): this module also loads the unit
 * table, which fills the display registries that decide how quantities print.
 */
export {
  type ArgumentUnitSpec,
  type CheckUnitsSpec,
  checkUnits,
  type ResultUnitSpec,
  type UnitChecked,
  type UnitCheckInfo,
} from './check-units.ts';
export * from './constants.ts';
export {
  DIMENSION_LABELS,
  DIMENSION_UNIT_NAMES,
  DIMENSIONLESS,
  Dimension,
  type DimensionExponents,
  getOrCreateDimension,
} from './dimension.ts';
export {
  failForDimensionMismatch,
  getDimensions,
  type HasDimensions,
  haveSameDimensions,
  isDimensionless,
} from './dimension-checks.ts';
export { DimensionMismatchError } from './errors.ts';
export { bestUnit, isQuantity, unitFromDimension } from './helpers.ts';
export { DEFAULT_PRINT_OPTIONS, formatArray, formatScalar, type PrintOptions } from './number-format.ts';
export { Quantity, type Scalar } from './quantity.ts';
export { type ArrayOperand, QuantityArray } from './quantity-array.ts';
export { QuantityMatrix } from './quantity-matrix.ts';
export {
  additionalUnitRegister,
  getUnit,
  registerNewUnit,
  standardUnitRegister,
  UnitRegistry,
  unitForDisplay,
  userUnitRegister,
} from './registry.ts';
export { isUnit, pow10, SI_PREFIXES, Unit, type UnitCallArgument, type UnitDefinition } from './unit.ts';
export * from './unit-table.generated.ts';
