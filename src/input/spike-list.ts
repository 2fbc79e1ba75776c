import { warn } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';

/**
 * The spike list of a SpikeGeneratorGroup: Brian's `_check_args` (argument checks, sorting by
 * time then index) and the binning of `before_run` (time steps, duplicates, period in steps).
 */

export interface SortedSpikes {
  readonly indices: Int32Array;
  /** Seconds, sorted (ties by index). */
  readonly times: Float64Array;
  /** Seconds; 0 for no repetition. */
  readonly period: number;
}

/** Brian's `timestep(t, dt)`: the step of a time, robust to rounding errors. */
export function timestep(t: number, dt: number): number {
  return Math.trunc((t + 1e-3 * dt) / dt);
}

/** Checks indices, times and period (Brian's `_check_args`) and sorts the spikes by time, then index. */
export function checkSpikes(
  owner: string,
  N: number,
  indices: ArrayLike<number>,
  times: QuantityArray,
  period: Quantity | undefined,
  sorted: boolean,
  dt: number,
): SortedSpikes {
  if (!(times instanceof QuantityArray)) {
    throw new BrianError(
      Array.isArray(times) || ArrayBuffer.isView(times) ? 'missing_unit' : 'bad_argument',
      `The spike times of ${owner} must be an array of times.`,
      { hint: 'e.g. ms([10, 20, 30])' },
    );
  }
  if (times.dim !== second.dim) {
    throw new BrianError(
      'dimension_mismatch',
      `The spike times of ${owner} must be times, got dimension ${times.dim}.`,
    );
  }
  if (indices === null || typeof indices !== 'object' || typeof indices.length !== 'number') {
    throw new BrianError('bad_argument', `The spike indices of ${owner} must be an array of integers.`);
  }
  if (indices.length !== times.length) {
    throw new BrianError(
      'bad_argument',
      `Length of the indices and times array must match, but ${indices.length} != ${times.length}.`,
    );
  }
  const periodValue = checkPeriod(owner, period);
  const t = times.values;
  const n = t.length;
  if (n > 0 && periodValue !== 0) {
    const periodBins = Math.round(periodValue / dt);
    let maxTime = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) if (t[k] > maxTime) maxTime = t[k];
    if (timestep(maxTime, dt) >= periodBins) {
      throw new BrianError(
        'bad_argument',
        `The period of ${owner} has to be greater than the maximum of the spike times.`,
      );
    }
  }
  for (let k = 0; k < n; k++) {
    if (t[k] < 0)
      throw new BrianError('bad_argument', `Spike times cannot be negative (${owner}: ${times.at(k)}).`);
    if (!Number.isFinite(t[k]))
      throw new BrianError('bad_argument', `Spike times must be finite (${owner}).`);
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= N) {
      throw new BrianError(
        'index_out_of_range',
        `Indices of ${owner} have to lie in the interval [0, ${N}[, got ${i}.`,
      );
    }
  }
  const order = Array.from({ length: n }, (_, k) => k);
  if (!sorted) {
    // numpy's lexsort((indices, times)): by time, then by index, stable.
    order.sort((a, b) => t[a] - t[b] || indices[a] - indices[b] || a - b);
  }
  return {
    indices: Int32Array.from(order, (k) => indices[k]),
    times: Float64Array.from(order, (k) => t[k]),
    period: periodValue,
  };
}

function checkPeriod(owner: string, period: Quantity | undefined): number {
  if (period === undefined) return 0;
  if (typeof period === 'number') {
    if (period === 0) return 0;
    throw new BrianError(
      'missing_unit',
      `The period of ${owner} must be a time, not the bare number ${period}.`,
      {
        hint: 'e.g. ms(100)',
      },
    );
  }
  if (!(period instanceof Quantity) || period.dim !== second.dim) {
    throw new BrianError(
      'dimension_mismatch',
      `The period of ${owner} must be a time, got ${describeValue(period)}.`,
    );
  }
  if (period.value < 0) throw new BrianError('bad_argument', `The period of ${owner} cannot be negative.`);
  return period.value;
}

/**
 * Time step of every spike (`int((t + 1e-3*dt)/dt)`, so a spike at an exact multiple of dt does
 * not fall into the previous step), and the period in steps. A neuron spiking twice in one step
 * is an error, as is a period that is not a whole number of steps.
 */
export function timeBins(
  owner: string,
  N: number,
  indices: Int32Array,
  times: Float64Array,
  period: number,
  dt: number,
): { timebins: Int32Array; periodBins: number } {
  const shift = 1e-3 * dt;
  const timebins = Int32Array.from(times, (t) => Math.trunc((t + shift) / dt));
  // Spikes are sorted by time, so each step's spikes are contiguous: mark each neuron with the
  // step it last spiked in. (Brian compares neighbours only, which misses a neuron whose two
  // spikes in a step are separated by another neuron's.)
  const lastBin = new Float64Array(N).fill(-1);
  for (let k = 0; k < timebins.length; k++) {
    if (lastBin[indices[k]] === timebins[k]) {
      throw new BrianError(
        'duplicate_spikes',
        `Using a dt of ${new Quantity(dt, second.dim)}, some neurons of SpikeGeneratorGroup '${owner}' spike more ` +
          `than once during a time step (neuron ${indices[k]} in step ${timebins[k]}).`,
        { hint: 'use a smaller dt for the group, or remove the extra spikes' },
      );
    }
    lastBin[indices[k]] = timebins[k];
  }
  let periodBins = Math.round(period / dt);
  if (periodBins > 2147483647) {
    warn(
      'spikegenerator_long_period',
      `Periods longer than 2147483647 timesteps are not supported, the period of '${owner}' will therefore be ` +
        'considered infinite. Set the period to 0*second to avoid this warning.',
    );
    periodBins = 0;
    period = 0;
  }
  if (Math.abs(periodBins * dt - period) > period * Number.EPSILON) {
    throw new BrianError(
      'bad_argument',
      `The period of '${owner}' is ${new Quantity(period, second.dim)}, which is not an integer multiple of its dt ` +
        `of ${new Quantity(dt, second.dim)}.`,
    );
  }
  return { timebins, periodBins };
}
