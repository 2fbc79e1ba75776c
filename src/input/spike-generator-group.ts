import { EMPTY_BLOCK, type Kernel } from '../compiler/ir/kernel.ts';
import { warn } from '../core/log.ts';
import { getDevice } from '../devices/active.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Group } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { Subgroup } from '../groups/subgroup.ts';
import { indexRange, sliceRange } from '../groups/subgroup-index.ts';
import type { RunContext, Runner } from '../network/brian-object.ts';
import { Clock, defaultclock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkSpikeGeneratorArgs } from '../validation/group-options.ts';
import { checkSpikes, type SortedSpikes, timeBins, timestep } from './spike-list.ts';

/** The options of `new SpikeGeneratorGroup(N, indices, times, options)`: Brian's keyword arguments in camelCase. */
export interface SpikeGeneratorGroupOptions {
  /** Repeat the spikes with this period (0 s, the default: no repetition). */
  readonly period?: Quantity;
  /** The spikes are already sorted by time, then index (saves sorting a long list). */
  readonly sorted?: boolean;
  /** Time step of the group's own clock (Brian's `dt`); spike times are rounded to its steps. Default `defaultclock.dt`. */
  readonly dt?: Quantity;
  /** The clock to run on (Brian's `clock`), instead of `dt`. */
  readonly clock?: Clock;
  /** Schedule slot (default `thresholds`, where neuron groups spike) and order in it. */
  readonly when?: string;
  /** Order among objects in the same slot, lowest first (Brian's `order`; default 0). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `spikegeneratorgroup`, `spikegeneratorgroup_1`… */
  readonly name?: string;
}

/**
 * A group that emits given spikes (Brian's SpikeGeneratorGroup): neuron `indices[k]` spikes in the
 * time step of `times[k]` (`int((t + 1e-3*dt)/dt)`), repeated every `period` if given. Usable like
 * a NeuronGroup wherever spikes are read: SpikeMonitor, Synapses (as source or target),
 * PopulationRateMonitor. A neuron may spike only once per time step. `setSpikes()` replaces the
 * spikes between runs; consecutive runs continue where the last one stopped.
 */
export class SpikeGeneratorGroup extends Group {
  // biome-ignore lint/suspicious/noExplicitAny: variables exposed as properties, as NeuronGroup
  [variable: string]: any;

  /** The schedule slot the spikes are emitted in (Brian's `when`; `thresholds` by default). */
  readonly when: string;
  /** Order in the slot (Brian's `order`). */
  readonly order: number;
  /** The runner that fills the spike space (spike sources look for a `thresholder`). */
  readonly thresholder: SpikeGeneratorRunner;
  private readonly size: number;
  private readonly ids: Record<
    | 'neuronIndex'
    | 'spikeTime'
    | 'timebins'
    | 'periodBins'
    | 'lastindex'
    | 'restart'
    | 'period'
    | 'spikespace',
    string
  >;
  /** What the time bins were last computed from (spikes, period and dt), to redo them only when needed. */
  private binsKey?: string;
  private spikesKey?: string;
  /** Set by setSpikes(): the next run starts from the spikes at or after its start time. */
  private spikesReplaced = true;
  /** The spikes as the script gave them (also known before a standalone program runs). */
  private given!: SortedSpikes;

  constructor(
    N: number,
    indices: ArrayLike<number>,
    times: QuantityArray,
    options: SpikeGeneratorGroupOptions = {},
  ) {
    options = checkSpikeGeneratorArgs(N, indices, times, options);
    const device = getDevice();
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : defaultclock);
    super(uniqueName(options.name ?? 'spikegeneratorgroup*'), clock, device, undefined);
    if (!Number.isInteger(N) || N < 1) {
      throw new BrianError(
        'bad_argument',
        `A SpikeGeneratorGroup needs a positive integer number of neurons, got ${N}.`,
      );
    }
    this.size = N;
    this.when = options.when ?? 'thresholds';
    this.order = options.order ?? 0;
    const id = (name: string) => this.arrayId(name);
    this.ids = {
      neuronIndex: id('neuron_index'),
      spikeTime: id('spike_time'),
      timebins: id('_timebins'),
      periodBins: id('_period_bins'),
      lastindex: id('_lastindex'),
      restart: id('_restart'),
      period: id('period'),
      spikespace: id('_spikespace'),
    };
    device.allocateDynamic(this.ids.neuronIndex, 'integer');
    device.allocateDynamic(this.ids.spikeTime, 'float');
    device.allocateDynamic(this.ids.timebins, 'integer');
    device.allocate(this.ids.periodBins, 'integer', 1);
    device.allocate(this.ids.lastindex, 'integer', 1);
    device.allocate(this.ids.restart, 'integer', 2);
    device.allocate(this.ids.period, 'float', 1);
    device.allocate(this.ids.spikespace, 'integer', N + 1);
    this.addAuxiliaries();
    this.variables.set('period', {
      kind: 'array',
      name: 'period',
      arrayId: this.ids.period,
      dim: second.dim,
      type: 'float',
      shared: true,
      constant: true,
      readOnly: true,
      dynamic: false,
    });
    this.store(checkSpikes(this.name, N, indices, times, options.period, options.sorted ?? false, clock.dt_));
    this.thresholder = new SpikeGeneratorRunner(this);
    this.exposeVariables();
    collect(this);
  }

  get N(): number {
    return this.size;
  }

  /** @internal The device array id of this group's variable `name`. */
  arrayId(name: string): string {
    return `${this.storage}_${name}`;
  }

  /**
   * Replaces the spikes (Brian's `set_spikes`), e.g. between runs. The next run emits the new
   * spikes from its start time on; earlier ones are ignored with a warning.
   */
  setSpikes(indices: ArrayLike<number>, times: QuantityArray, period?: Quantity, sorted = false): void {
    this.store(checkSpikes(this.name, this.N, indices, times, period, sorted, this.clock.dt_));
    this.spikesReplaced = true;
  }

  /** Neuron index of each spike, sorted by time then index. */
  get neuron_index(): Int32Array {
    return Int32Array.from(this.given.indices);
  }

  /** Time of each spike, sorted by time then index. */
  get spike_time(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.given.times), second.dim);
  }

  /** Indices of the neurons that spiked in the last time step. */
  get spikes(): Int32Array {
    const events = this.device.values(this.ids.spikespace) as Int32Array;
    return events.slice(0, events[this.N]);
  }

  /** Elements `start` to `stop` (exclusive; negative from the end) as a group of their own (Brian's `G[start:stop]`). */
  slice(start?: number, stop?: number, step?: number): Subgroup {
    const [a, b] = sliceRange(this.N, start, stop, step);
    return new Subgroup(this, a, b);
  }

  /** Element `k`, or the contiguous elements listed, as a subgroup (Brian's `G[k]`, `G[[k, l]]`). */
  at(index: number | readonly number[]): Subgroup {
    const [a, b] = indexRange(this.N, index);
    return new Subgroup(this, a, b);
  }

  runners(): readonly Runner[] {
    return [this.thresholder];
  }

  stateArrays(): readonly string[] {
    // The time bins are derived from these (and dt) and recomputed when they differ.
    const { neuronIndex, spikeTime, period, lastindex, spikespace } = this.ids;
    return [neuronIndex, spikeTime, period, lastindex, spikespace];
  }

  /** Brian's `before_run`: check the period against dt, bin the spike times, find duplicates. */
  override beforeRun(ctx: RunContext): void {
    const dt = this.clock.dt_;
    const period = this.given.period;
    if (period !== 0 && period < Number.POSITIVE_INFINITY && period < dt) {
      throw new BrianError(
        'bad_argument',
        `The period of ${this.name} is ${new Quantity(period, second.dim)}, which is smaller than its dt of ${this.clock.dt}.`,
      ).withCreationSite(this.createdAt);
    }
    const { indices, times } = this.given;
    const spikesKey = `${hash(indices)}:${hash(new Int32Array(times.buffer, times.byteOffset, times.length * 2))}:${period}`;
    const binsKey = `${spikesKey}:${dt}`;
    if (binsKey !== this.binsKey) {
      try {
        const bins = timeBins(this.name, this.N, indices, times, period, dt);
        this.device.replace(this.ids.timebins, Int32Array.from(bins.timebins));
        this.device.replace(this.ids.periodBins, Int32Array.of(bins.periodBins));
      } catch (e) {
        if (e instanceof BrianError) throw e.withCreationSite(this.createdAt);
        throw e;
      }
      this.binsKey = binsKey;
    }
    // Brian's before_run: new spikes before the run's start are ignored, with a warning (on every device).
    if (this.spikesReplaced) {
      const current = timestep(this.clock.t_, dt);
      if (times.some((t) => timestep(t, dt) < current)) {
        warn(
          'ignored_spikes',
          `The SpikeGeneratorGroup ${this.name} contains spike times earlier than the start time of the current run ` +
            `(t = ${this.clock.t}), these spikes will be ignored.`,
        );
      }
    }
    // New spikes (or other spikes in a restored state) start from the first step of the run.
    if (this.spikesReplaced || spikesKey !== this.spikesKey) {
      this.device.replace(this.ids.restart, Int32Array.of(1, 0));
    }
    this.spikesKey = spikesKey;
    this.spikesReplaced = false;
    super.beforeRun(ctx);
  }

  /** @internal The device arrays of the spike generator's kernel. */
  kernelParams() {
    const { spikespace, neuronIndex, timebins, periodBins, lastindex, restart } = this.ids;
    return { size: this.N, eventspace: spikespace, neuronIndex, timebins, periodBins, lastindex, restart };
  }

  /** Through the device, so that a standalone program gets the spikes at this point of the script. */
  private store(spikes: SortedSpikes): void {
    this.given = spikes;
    this.device.replace(this.ids.neuronIndex, spikes.indices);
    this.device.replace(this.ids.spikeTime, spikes.times);
    this.device.replace(this.ids.period, Float64Array.of(spikes.period));
  }

  override toString(): string {
    const n = this.given.indices.length;
    return `SpikeGeneratorGroup(${this.N}, indices=<length ${n} array>, times=<length ${n} array>)`;
  }
}

/** Emits the group's spikes (kernel `spikegenerator`), in the `thresholds` slot by default. */
export class SpikeGeneratorRunner extends KernelRunner {
  constructor(readonly group: SpikeGeneratorGroup) {
    // Named as the group: Brian's SpikeGeneratorGroup is its own code runner, so ties in
    // (when, order) are broken by the group's name.
    super(group, group.name, group.when, group.order, group.clock);
  }

  protected build(): Kernel {
    const params = this.group.kernelParams();
    const info = (arrayId: string, dynamic: boolean) =>
      [arrayId, { arrayId, type: 'integer' as const, dynamic }] as const;
    return {
      kind: 'spikegenerator',
      name: this.name,
      scalar: EMPTY_BLOCK,
      vector: EMPTY_BLOCK,
      arrays: new Map([
        info(params.eventspace, false),
        info(params.neuronIndex, true),
        info(params.timebins, true),
        info(params.periodBins, false),
        info(params.lastindex, false),
        info(params.restart, false),
      ]),
      functions: new Set(),
      params,
    };
  }
}

function hash(values: ArrayLike<number>): string {
  let h = 2166136261;
  for (let k = 0; k < values.length; k++) h = Math.imul(h ^ values[k], 16777619);
  return `${values.length}.${(h >>> 0).toString(16)}`;
}
