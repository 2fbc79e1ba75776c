/** Small helpers shared by the behavioural tests of the core (not a test file itself). */
import { type Dimension, Quantity, QuantityArray, second } from '../../src/index.ts';

/** A raw SI number (or array) from a reference file as a quantity with `unit`'s dimension. */
export function si(value: number, unit: { dim: Dimension }): Quantity;
export function si(value: readonly number[], unit: { dim: Dimension }): QuantityArray;
export function si(value: number | readonly number[], unit: { dim: Dimension }): Quantity | QuantityArray {
  return typeof value === 'number'
    ? new Quantity(value, unit.dim)
    : new QuantityArray(Float64Array.from(value), unit.dim);
}

/** A reference duration (seconds) as a time. */
export function seconds(value: number): Quantity {
  return new Quantity(value, second.dim);
}

/** A namespace from a reference's raw SI values, with the dimension of each name given by `units`. */
export function namespaceFrom(
  raw: Record<string, number>,
  units: Record<string, { dim: Dimension }>,
): Record<string, Quantity> {
  const out: Record<string, Quantity> = {};
  for (const [name, value] of Object.entries(raw)) {
    const unit = units[name];
    if (!unit) throw new Error(`no unit given for namespace entry ${name}`);
    out[name] = new Quantity(value, unit.dim);
  }
  return out;
}

/** JSON references write non-finite numbers as strings. */
export function num(x: number | string): number {
  return typeof x === 'string' ? Number(x) : x;
}

/** Step index of a time (for comparing spike times "on the same step"). */
export function stepOf(t: number, dt: number): number {
  return Math.round(t / dt);
}
