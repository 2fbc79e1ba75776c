import { exprToString } from '../compiler/1-parse/expr-utils.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { NeuronGroup } from '../groups/neuron-group.ts';
import type { Clock } from '../network/clock.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkPoissonGroupArgs } from '../validation/group-options.ts';

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
    options = checkPoissonGroupArgs(N, rates, options);
    const model = typeof rates === 'string' ? `rates = ${rates} : Hz` : 'rates : Hz';
    super(N, model, {
      threshold: 'rand() < rates*dt',
      namespace: options.namespace,
      dt: options.dt,
      clock: options.clock,
      name: options.name ?? 'poissongroup*',
    });
    if (typeof rates !== 'string') this.rates = rates;
    this.givenRates = rates;
  }

  /** The rates as given (Brian's `_rates`): what the group's text shows, also before a standalone program ran. */
  private readonly givenRates: Quantity | QuantityArray | string;

  /** Brian's text: `PoissonGroup(100, rates=10. * hertz)`. */
  override toString(): string {
    const v = this.variable('rates');
    if (v.kind === 'subexpression') return `PoissonGroup(${this.N}, rates='${exprToString(v.expr)}')`;
    const given = this.givenRates;
    const q =
      given instanceof Quantity
        ? new QuantityArray(Float64Array.of(given.value), given.dim)
        : (given as QuantityArray);
    const same = q.values.every((x) => x === q.values[0]);
    return `PoissonGroup(${this.N}, rates=${same ? q.at(0).repr() : q.repr()})`;
  }
}
