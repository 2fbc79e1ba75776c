import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';
import { BaseClock, Clock, seconds } from './clock.ts';

/**
 * A clock that ticks at given times (Brian's EventClock, 2.10): step k is at the k-th smallest
 * time, and after the last time the clock stays at infinity. Objects on it (a `runAt`
 * operation) run in the network's loop at exactly those times, together with the regular
 * clocks that are at the same time.
 */
export class EventClock extends BaseClock {
  /** The times in seconds, sorted, followed by +∞. */
  readonly times: Float64Array;

  constructor(times: QuantityArray | readonly Quantity[], name = 'eventclock*') {
    super(name);
    const values = EventClock.seconds(times);
    if (new Set(values).size !== values.length) {
      throw new BrianError('bad_argument', 'The times of an EventClock must not contain duplicates.');
    }
    const sorted = Float64Array.from(values).sort();
    this.times = new Float64Array(sorted.length + 1);
    this.times.set(sorted);
    this.times[sorted.length] = Number.POSITIVE_INFINITY;
  }

  private static seconds(times: QuantityArray | readonly Quantity[]): number[] {
    if (times instanceof QuantityArray) {
      if (times.dim !== second.dim) {
        throw new BrianError('dimension_mismatch', `The times of an EventClock must be times, got ${times}.`);
      }
      return Array.from(times.values);
    }
    if (!Array.isArray(times)) {
      throw new BrianError(
        'bad_argument',
        `The times of an EventClock must be an array of times, got ${describeValue(times)}.`,
      );
    }
    return times.map((t) => seconds(t, 'Each time of an EventClock'));
  }

  get t_(): number {
    return this.times[this.timestep];
  }

  /** An EventClock has no time step. */
  get dt_(): number {
    return Number.NaN;
  }

  /** The time of step `k` (Brian's `event_clock[k]`). */
  at(k: number): Quantity {
    return new Quantity(this.times[k], second.dim);
  }

  setInterval(start: Quantity | number, end: Quantity | number): void {
    this.timestep = searchSorted(this.times, seconds(start, 'The start time'));
    this.endTimestep = searchSorted(this.times, seconds(end, 'The end time'));
  }

  sameTime(other: BaseClock): boolean {
    if (other instanceof Clock) return Math.abs(this.t_ - other.t_) / other.dt_ < Clock.EPSILON_DT;
    return Math.abs(this.t_ - other.t_) < BaseClock.EPSILON;
  }

  override toString(): string {
    return `EventClock(${this.times.length - 1} times, name='${this.name}')`;
  }
}

/** numpy's `searchsorted(a, v)` (side 'left'): the first index whose value is >= v. */
function searchSorted(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
