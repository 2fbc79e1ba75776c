import type { Kernel } from '../compiler/ir/kernel.ts';
import { EMPTY_BLOCK } from '../compiler/ir/kernel.ts';
import { checkedArray } from '../core/checked-array.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import type { Group } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { BrianObject, type Runner } from '../network/brian-object.ts';
import { collect } from '../network/magic.ts';
import { storageKey, uniqueName } from '../network/names.ts';
import { hertz, second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkRateMonitorArgs } from '../validation/monitor-options.ts';
import { binSteps, convolveSame, type SmoothingWindow, windowWeights } from './rate-smoothing.ts';
import { type SpikeSource, spikeSource } from './spike-source.ts';

export interface PopulationRateMonitorOptions {
  readonly when?: string;
  readonly order?: number;
  readonly name?: string;
}

/** What {@link PopulationRateMonitor.getStates} returns. */
export interface PopulationRateStates {
  /** The population rate in each time step. */
  readonly rate: QuantityArray;
  /** The recording times. */
  readonly t: QuantityArray;
  /** Number of recorded time steps. */
  readonly N: number;
}

/**
 * The instantaneous firing rate of a group (Brian's PopulationRateMonitor): at every step, the
 * fraction of its neurons that spiked divided by dt; `smoothRate` convolves it with a window,
 * `binnedRate` averages it over bins.
 */
export class PopulationRateMonitor extends BrianObject {
  override readonly storage: string;
  /** Monitors can join a running magic simulation (Brian's `invalidates_magic_network = False`). */
  override readonly invalidatesMagicNetwork = false;
  /** The monitored group. */
  readonly source: Group;
  private readonly runner: KernelRunner;
  private readonly ids: { t: string; rate: string };

  constructor(source: Group, options: PopulationRateMonitorOptions = {}) {
    options = checkRateMonitorArgs(source, options);
    super(uniqueName(options.name ?? 'ratemonitor*'), source.clock);
    this.source = source;
    this.storage = storageKey(source.device, this.name);
    const key = this.storage;
    this.ids = { t: `${key}_t`, rate: `${key}_rate` };
    source.device.allocateDynamic(this.ids.t, 'float');
    source.device.allocateDynamic(this.ids.rate, 'float');
    const src: SpikeSource = spikeSource(source);
    const ids = this.ids;
    const runner = new (class extends KernelRunner {
      protected build(): Kernel {
        return {
          kind: 'ratemonitor',
          name: this.name,
          scalar: EMPTY_BLOCK,
          vector: EMPTY_BLOCK,
          arrays: new Map([[src.eventspace, { arrayId: src.eventspace, type: 'integer', dynamic: false }]]),
          functions: new Set(),
          params: {
            eventspace: src.eventspace,
            sourceSize: src.size,
            start: src.start,
            stop: src.stop,
            times: ids.t,
            rates: ids.rate,
          },
        };
      }
    })(this, this.name, options.when ?? 'end', options.order ?? 0, this.clock);
    this.runner = runner;
    collect(this);
    this.exposeAttributes();
  }

  runners(): readonly Runner[] {
    return [this.runner];
  }

  stateArrays(): readonly string[] {
    return [this.ids.t, this.ids.rate];
  }

  override dependencies() {
    return [this.source];
  }

  /** Brian's one-line summary: `<PopulationRateMonitor, recording neurongroup>`. */
  override toString(): string {
    return `<PopulationRateMonitor, recording ${this.source.name}>`;
  }

  /** The time of each step, in seconds (Brian's `M.t_`); a live view. */
  get t_(): Float64Array {
    return this.checked(this.raw(this.ids.t), 't_');
  }

  /** The time of each step (Brian's `M.t`); a copy. */
  get t(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.raw(this.ids.t)), second.dim);
  }

  /** The population rate at each step, in Hz: spikes in the step / (N × dt) (Brian's `M.rate_`); a live view. */
  get rate_(): Float64Array {
    return this.checked(this.raw(this.ids.rate), 'rate_');
  }

  /** The population rate at each step (Brian's `M.rate`); a copy. Smooth it with `smoothRate`. */
  get rate(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.raw(this.ids.rate)), hertz.dim);
  }

  private raw(id: string): Float64Array {
    return (this.source.device.array(id) as DynamicArray).view() as Float64Array;
  }

  private checked(values: Float64Array, what: string): Float64Array {
    return checkedArray(
      values,
      (k, n) => `${this.name}.${what}[${k}] is out of range: ${this.name} recorded ${n} time steps.`,
    );
  }

  /** Number of recorded time steps (Brian's `N`). */
  get N(): number {
    return this.raw(this.ids.t).length;
  }

  /** The recorded values (Brian's `get_states()`): `rate`, `t` and `N`. */
  getStates(): PopulationRateStates {
    return { rate: this.rate, t: this.t, N: this.N };
  }

  /**
   * The rate convolved with a normalised window (Brian's `smooth_rate`): `'gaussian'` (`width`
   * is the standard deviation, the window spans ±2 widths), `'flat'` (`int(width/2/dt)*2 + 1`
   * steps, as Brian 2.5.1), or explicit weights of odd length; same length as `rate`.
   */
  smoothRate(window: SmoothingWindow = 'gaussian', width?: Quantity): QuantityArray {
    const weights = windowWeights(window, width, this.clock.dt_);
    return new QuantityArray(convolveSame(this.raw(this.ids.rate), weights), hertz.dim);
  }

  /**
   * The rate averaged over bins of `binSize` (a multiple of dt) and the start time of each bin,
   * from the first recorded time; an incomplete last bin is left out (Brian 2.10's `binned_rate`).
   */
  binnedRate(binSize: Quantity): [QuantityArray, QuantityArray] {
    const steps = binSteps(binSize, this.clock.dt_);
    const rate = this.raw(this.ids.rate);
    const t = this.raw(this.ids.t);
    if (steps === 1) return [this.t, this.rate];
    const bins = Math.floor(rate.length / steps);
    const starts = new Float64Array(bins);
    const means = new Float64Array(bins);
    for (let b = 0; b < bins; b++) {
      starts[b] = t[0] + b * steps * this.clock.dt_;
      let sum = 0;
      for (let k = b * steps; k < (b + 1) * steps; k++) sum += rate[k];
      means[b] = sum / steps;
    }
    return [new QuantityArray(starts, second.dim), new QuantityArray(means, hertz.dim)];
  }
}
