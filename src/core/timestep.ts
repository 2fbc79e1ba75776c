import { brianPrelude } from '../devices/runtime/prelude.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { failForDimensionMismatch } from '../units/dimension-checks.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';

type Time = Quantity | number;

function raw(x: Time, what: string): number {
  if (typeof x === 'number') return x;
  if (x instanceof Quantity) return x.value;
  throw new BrianError('bad_argument', `timestep() needs a time for ${what}, got ${describeValue(x)}.`);
}

/**
 * The integer time step of `t` for steps of `dt` (Brian's `timestep(t, dt)`, also usable in
 * model code): `t` is shifted by a thousandth of a step before dividing, so that multiples of
 * `dt` never fall into the preceding step through rounding. Times as quantities (or both as
 * plain seconds); an array of times gives an array of steps.
 */
export function timestep(t: Time, dt: Time): number;
export function timestep(t: QuantityArray | ArrayLike<number>, dt: Time): number[];
export function timestep(t: Time | QuantityArray | ArrayLike<number>, dt: Time): number | number[] {
  failForDimensionMismatch(t, dt, 'timestep() needs t and dt in the same units');
  const step = raw(dt, 'dt');
  if (t instanceof QuantityArray) return Array.from(t.values, (x) => brianPrelude.timestep(x, step));
  if (typeof t === 'object' && !(t instanceof Quantity) && 'length' in t) {
    return Array.from(t, (x) => brianPrelude.timestep(x, step));
  }
  return brianPrelude.timestep(raw(t, 't'), step);
}
