/** Small helpers of Brian's units API that need the unit classes. */
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import { bestDisplayUnit } from './display.ts';
import { Quantity } from './quantity.ts';
import { QuantityArray } from './quantity-array.ts';
import { QuantityMatrix } from './quantity-matrix.ts';
import { getUnit } from './registry.ts';
import { isUnit, Unit } from './unit.ts';

/** Whether a value is a quantity (scalar, array or matrix; units are quantities too). */
export function isQuantity(x: unknown): x is Quantity | QuantityArray | QuantityMatrix {
  return x instanceof Quantity || x instanceof QuantityArray || x instanceof QuantityMatrix;
}

/**
 * Brian's `get_unit`: the unscaled unit for a dimension (`volt` for volt's dimension, not
 * `mvolt`). Where no unit is registered, a new unnamed unit of value 1 displaying as the SI
 * dimension (`m^-4 kg^-1 s^3 A^2`). Dimensionless gives a unit displaying as `1`.
 */
export function unitFromDimension(dim: Dimension): Unit {
  const known = getUnit(dim);
  if (known) return known;
  return Unit.create({
    dim,
    name: dim === DIMENSIONLESS ? 'Unit(1)' : dim.repr(),
    dispname: dim === DIMENSIONLESS ? '1' : dim.toString(),
    register: false,
  });
}

/**
 * Brian's `get_best_unit`: the unit a quantity is displayed in (`ms` for 0.02 s). Where no
 * registered unit fits, 1 × the SI dimension as a Quantity; dimensionless values give `Quantity(1)`.
 */
export function bestUnit(x: Quantity | QuantityArray | QuantityMatrix): Unit | Quantity {
  const shaped = x.shaped();
  const u = bestDisplayUnit(shaped);
  return isUnit(u) ? u : new Quantity(1, x.dim);
}
