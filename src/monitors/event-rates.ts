import type { Dimension } from '../units/dimension.ts';
import { hertz, second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { binSteps, convolveSame, type SmoothingWindow, windowWeights } from './rate-smoothing.ts';

/**
 * Recorded values split by neuron, in recording order (Brian's `spike_trains()`,
 * `values(name)`, `all_values()`): a map from every neuron of the source (none left out, as
 * Brian's dictionaries) to its values.
 */
export function byNeuron(
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  neurons: number,
  dim: Dimension,
): Map<number, QuantityArray> {
  const lists = Array.from({ length: neurons }, () => [] as number[]);
  for (let k = 0; k < indices.length; k++) lists[indices[k]].push(values[k]);
  return new Map(lists.map((list, n) => [n, new QuantityArray(Float64Array.from(list), dim)]));
}

/**
 * Each neuron's event rate in bins of `binSize` (a multiple of dt) from t = 0 to the last
 * complete bin of the simulated time, with the bins' start times (Brian 2.10's
 * `binned_rate` of event and spike monitors). Events in the incomplete last bin are left out,
 * as the population rate monitor leaves them out.
 */
export function binnedEventRates(
  times: ArrayLike<number>,
  indices: ArrayLike<number>,
  neurons: number,
  binSize: Quantity,
  dt: number,
  timestepNow: number,
): [QuantityArray, QuantityArray[]] {
  const steps = binSteps(binSize, dt);
  const bins = Math.floor(timestepNow / steps);
  const starts = Float64Array.from({ length: bins }, (_, b) => b * steps * dt);
  const rates = Array.from({ length: neurons }, () => new Float64Array(bins));
  const width = steps * dt;
  for (let k = 0; k < times.length; k++) {
    const b = Math.floor(Math.trunc((times[k] + 1e-3 * dt) / dt) / steps);
    if (b < bins) rates[indices[k]][b] += 1 / width;
  }
  return [new QuantityArray(starts, second.dim), rates.map((r) => new QuantityArray(r, hertz.dim))];
}

/** Each neuron's event rate per time step, convolved with a window (Brian 2.10's `smooth_rate` of event monitors). */
export function smoothedEventRates(
  times: ArrayLike<number>,
  indices: ArrayLike<number>,
  neurons: number,
  window: SmoothingWindow,
  width: Quantity | undefined,
  dt: number,
  timestepNow: number,
): QuantityArray[] {
  const weights = windowWeights(window, width, dt);
  const [, rates] = binnedEventRates(times, indices, neurons, new Quantity(dt, second.dim), dt, timestepNow);
  return rates.map((r) => new QuantityArray(convolveSame(r.values, weights), hertz.dim));
}
