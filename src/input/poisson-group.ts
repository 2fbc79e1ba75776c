import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { NeuronGroup } from '../groups/neuron-group.ts';
import type { Clock } from '../network/clock.ts';
import type { Quantity } from '../units/quantity.ts';
import type { QuantityArray } from '../units/quantity-array.ts';

export interface PoissonGroupOptions {
  readonly namespace?: Namespace;
  readonly dt?: Quantity;
  readonly clock?: Clock;
  readonly name?: string;
}

/**
 * Independent Poisson spike trains (Brian's PoissonGroup): a neuron spikes in a step with
 * probability `rates*dt` (at most one spike per step). `rates` is a rate, one rate per neuron,
 * or a string expression re-evaluated every step (e.g. `'stimulus(t)'` with a TimedArray).
 */
export class PoissonGroup extends NeuronGroup {
  constructor(N: number, rates: Quantity | QuantityArray | string, options: PoissonGroupOptions = {}) {
    const model = typeof rates === 'string' ? `rates = ${rates} : Hz` : 'rates : Hz';
    super(N, model, {
      threshold: 'rand() < rates*dt',
      namespace: options.namespace,
      dt: options.dt,
      clock: options.clock,
      name: options.name ?? 'poissongroup',
    });
    if (typeof rates !== 'string') this.rates = rates;
  }

  override toString(): string {
    return `PoissonGroup(${this.N}, name='${this.name}')`;
  }
}
