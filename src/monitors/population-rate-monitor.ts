import type { Kernel } from '../compiler/ir/kernel.ts';
import { EMPTY_BLOCK } from '../compiler/ir/kernel.ts';
import { checkedArray } from '../core/checked-array.ts';
import { info } from '../core/log.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { BrianObject, type Runner } from '../network/brian-object.ts';
import { collect } from '../network/magic.ts';
import { storageKey, uniqueName } from '../network/names.ts';
import { hertz, second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkRateMonitorArgs } from '../validation/monitor-options.ts';
import { type SpikeSource, spikeSource } from './spike-source.ts';

export interface PopulationRateMonitorOptions {
  readonly when?: string;
  readonly order?: number;
  readonly name?: string;
}

/**
 * The instantaneous firing rate of a group (Brian's PopulationRateMonitor): at every step, the
 * fraction of its neurons that spiked divided by dt; `smooth_rate` convolves it with a window.
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

  /** The population rate at each step (Brian's `M.rate`); a copy. Smooth it with `smooth_rate`. */
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

  /**
   * The rate convolved with a normalised window: `'gaussian'` (width = standard deviation,
   * window of ±2 widths), `'flat'` (width/2 truncated to whole steps, times 2, plus one), or explicit odd-length
   * weights — as Brian's `smooth_rate`.
   */
  smooth_rate(window: 'gaussian' | 'flat' | ArrayLike<number> = 'gaussian', width?: Quantity): QuantityArray {
    const dt = this.clock.dt_;
    let weights: Float64Array;
    if (typeof window === 'string') {
      if (!width) throw new BrianError('bad_argument', 'smooth_rate needs a width with a predefined window.');
      if (window === 'gaussian') {
        const w = roundHalfEven((2 * width.value) / dt);
        const sd = width.value / dt;
        weights = Float64Array.from({ length: 2 * w + 1 }, (_, k) =>
          Math.exp(-((k - w) ** 2) / (2 * sd * sd)),
        );
      } else if (window === 'flat') {
        // Brian: int(width/2/dt)*2 + 1 (truncated, then made odd).
        const n = Math.trunc(width.value / 2 / dt) * 2 + 1;
        if (Math.abs(n * dt - width.value) > 1e-6 * dt) {
          info('adjusted_width', `width adjusted from ${width} to ${n * dt} s`);
        }
        weights = new Float64Array(n).fill(1);
      } else {
        throw new BrianError(
          'bad_argument',
          `Unknown window "${window}"; use 'gaussian', 'flat' or an array.`,
        );
      }
    } else {
      if (width) throw new BrianError('bad_argument', 'A width can only be given with a predefined window.');
      weights = Float64Array.from(window);
      if (weights.length % 2 !== 1)
        throw new BrianError('bad_argument', 'The window must have an odd number of values.');
    }
    return new QuantityArray(convolveSame(this.raw(this.ids.rate), weights), hertz.dim);
  }
}

/** numpy's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy.convolve(x, w / sum(w), mode='same'). */
export function convolveSame(x: Float64Array, w: Float64Array): Float64Array {
  const total = w.reduce((a, b) => a + b, 0);
  const n = x.length;
  const m = w.length;
  const full = n + m - 1;
  const outLen = Math.max(n, m);
  const offset = Math.floor((full - outLen) / 2);
  const out = new Float64Array(outLen);
  for (let k = 0; k < outLen; k++) {
    const c = k + offset;
    let s = 0;
    for (let j = Math.max(0, c - n + 1); j <= Math.min(m - 1, c); j++) s += x[c - j] * (w[j] / total);
    out[k] = s;
  }
  return out;
}
