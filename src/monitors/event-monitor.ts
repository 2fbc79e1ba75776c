import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { ScalarType } from '../compiler/functions.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { checkedArray } from '../core/checked-array.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import { type Group, SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import type { VariableView } from '../groups/variable-view.ts';
import { MISSING, type NamedContents } from '../network/attribute-access.ts';
import type { RunContext } from '../network/brian-object.ts';
import { collect } from '../network/magic.ts';
import { storageKey, uniqueName } from '../network/names.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkEventMonitorArgs } from '../validation/monitor-options.ts';
import { binnedEventRates, byNeuron, smoothedEventRates } from './event-rates.ts';
import { MonitorRecords } from './monitor-records.ts';
import type { SmoothingWindow } from './rate-smoothing.ts';
import { readRecordedVariables } from './recorded-variables.ts';
import { RecordingMonitor } from './recording-monitor.ts';
import { eventSource, type SpikeSource } from './spike-source.ts';
import { MonitorStream, type StreamOptions } from './stream.ts';
import { eventStreamSource } from './stream-sources.ts';

/** Options of an EventMonitor (and SpikeMonitor). */
export interface EventMonitorOptions {
  /** Variables of the source to record at each event (for spikes: values after the threshold, before the reset). */
  readonly variables?: string | readonly string[];
  /** false: only count events per neuron (`count`), do not store times and indices. */
  readonly record?: boolean;
  /** Slot to record in; by default the one where the event is detected, right after it (`order` + 1). */
  readonly when?: string;
  /** Order in the slot; only with `when` (default 0). */
  readonly order?: number;
  /** The monitor's name (default `eventmonitor`, `spikemonitor`, numbered when taken). */
  readonly name?: string;
  /**
   * Hand the events over to a sink every `every` steps and at the end of each run, e.g.
   * `{ every: 1000, to: csvFileSink('out/spikes.csv') }`, so a run that dies keeps them (runtime device).
   */
  readonly stream?: StreamOptions;
}

/**
 * Records the events of a group (Brian's EventMonitor): times `t` and indices `i` in the order
 * they happened, per-neuron `count`, and optionally variables at event time. A custom event of a
 * NeuronGroup (`events: { name: 'cond' }`), or `spike` (SpikeMonitor).
 */
export class EventMonitor extends RecordingMonitor {
  // biome-ignore lint/suspicious/noExplicitAny: recorded variables are exposed as properties (`M.v`, `M.v_`)
  [variable: string]: any;

  override readonly storage: string;
  /** Monitors can join a running magic simulation (Brian's `invalidates_magic_network = False`). */
  override readonly invalidatesMagicNetwork = false;
  /** The group whose events are recorded. */
  readonly source: Group;
  /** The recorded event (`spike` for a SpikeMonitor). */
  readonly event: string;
  /** Whether times and indices are stored (false: counts only). */
  readonly record: boolean;
  /** Variables recorded at each event. */
  readonly variables: readonly string[];
  protected readonly runner: EventMonitorRunner;
  protected readonly stream?: MonitorStream;
  private readonly ids: { t: string; i: string; count: string; vars: Map<string, string> };
  private readonly dims = new Map<string, Dimension>();

  constructor(
    source: Group,
    event: string,
    options: EventMonitorOptions = {},
    defaultName = 'eventmonitor*',
    call: 'new EventMonitor' | 'new SpikeMonitor' = 'new EventMonitor',
  ) {
    // Arguments are checked before anything is named or allocated.
    super(uniqueName(checkEventMonitorArgs(source, event, options, call).name ?? defaultName), source.clock);
    this.source = source;
    this.event = event;
    const src = eventSource(source, event);
    this.record = options.record ?? true;
    this.variables =
      typeof options.variables === 'string' ? [options.variables] : [...(options.variables ?? [])];
    const device = source.device;
    this.storage = storageKey(device, this.name);
    const key = this.storage;
    this.ids = { t: `${key}_t`, i: `${key}_i`, count: `${key}_count`, vars: new Map() };
    device.allocateDynamic(this.ids.t, 'float');
    device.allocateDynamic(this.ids.i, 'integer');
    device.allocate(this.ids.count, 'integer', source.N);
    for (const v of this.variables) {
      const variable = source.variable(v);
      if (!('dim' in variable)) throw new BrianError('unknown_variable', `Cannot record "${v}".`);
      this.dims.set(v, variable.dim);
      const id = `${key}_${v}`;
      device.allocateDynamic(id, variable.type as ScalarType);
      this.ids.vars.set(v, id);
    }
    this.runner = new EventMonitorRunner(
      this,
      src,
      options.when ?? src.detector.when,
      options.when === undefined ? src.detector.order + 1 : (options.order ?? 0),
    );
    if (options.stream) {
      if (!this.record) {
        throw new BrianError(
          'bad_argument',
          `${this.name}: 'stream' needs the events recorded (record: true).`,
        );
      }
      this.stream = new MonitorStream(this, this.clock, options.stream, eventStreamSource(this));
    }
    collect(this);
    this.exposeAttributes();
  }

  /** `M.v` / `M.v_`: the values of a variable recorded at each event (Brian's EventMonitor attributes). */
  protected override namedContents(): NamedContents {
    return {
      ready: this.attributesReady,
      what: 'recorded variables',
      owner: this.name,
      names: () => this.variables,
      read: (name) => {
        if (this.variables.includes(name)) return this.recorded(name);
        if (name.endsWith('_') && this.variables.includes(name.slice(0, -1)))
          return this.values_(name.slice(0, -1));
        return MISSING;
      },
      write: () => false,
    };
  }

  stateArrays(): readonly string[] {
    return [this.ids.t, this.ids.i, this.ids.count, ...this.ids.vars.values()];
  }

  /** @internal */
  arrayIds() {
    return this.ids;
  }

  private dyn(id: string): DynamicArray {
    return this.source.device.array(id) as DynamicArray;
  }

  private requireRecord(what: string): void {
    if (!this.record) {
      throw new BrianError(
        'not_recorded',
        `${this.name} was created with record: false, so ${what} was not recorded.`,
      );
    }
  }

  /** Event times (seconds, raw). */
  get t_(): Float64Array {
    return this.checked(this.rawTimes(), 't_');
  }

  /** Event times. */
  get t(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.rawTimes()), second.dim);
  }

  /** Indices of the neurons of each event, relative to the source. */
  get i(): Int32Array {
    return this.checked(this.rawIndices(), 'i');
  }

  /** Raw event times (not a checked view; refuses with `record: false`). */
  protected rawTimes(): Float64Array {
    this.requireRecord('t');
    return this.dyn(this.ids.t).view() as Float64Array;
  }

  /** Raw event indices (not a checked view; refuses with `record: false`). */
  protected rawIndices(): Int32Array {
    this.requireRecord('i');
    return this.dyn(this.ids.i).view() as Int32Array;
  }

  private rawCounts(): Int32Array {
    return this.source.device.values(this.ids.count) as Int32Array;
  }

  /** A user-facing array that refuses indices outside it (core/checked-array.ts). */
  private checked<T extends Float64Array | Int32Array | Uint8Array>(values: T, what: string): T {
    return checkedArray(
      values,
      (k, n) => `${this.name}.${what}[${k}] is out of range: ${this.name} has ${n} values of ${what}.`,
    );
  }

  /** `[i, t]` (Brian's `it`). */
  get it(): [Int32Array, QuantityArray] {
    return [this.i, this.t];
  }

  /** Events per neuron of the source. */
  get count(): Int32Array {
    return checkedArray(
      this.rawCounts(),
      (k, n) => `${this.name}.count[${k}] is out of range: ${this.source.name} has ${n} neurons.`,
    );
  }

  /** Number of events recorded (Brian's `num_events`). */
  get num_events(): number {
    let n = 0;
    for (const c of this.rawCounts()) n += c;
    return n;
  }

  /** Recorded values of `name` at each event (raw SI). */
  values_(name: string): Float64Array | Int32Array | Uint8Array {
    const id = this.ids.vars.get(name);
    if (!id) {
      throw new BrianError('not_recorded', `${this.name} does not record "${name}".`, {
        hint: unknownNameHint(name, this.variables, 'recorded variables'),
      });
    }
    return this.checked(this.dyn(id).view(), `${name}_`);
  }

  /** Recorded values of `name` at each event, as a quantity array (`M.v`). */
  recorded(name: string): QuantityArray {
    return new QuantityArray(Float64Array.from(this.values_(name)), this.dims.get(name)!);
  }

  /** `[i, t_]` (Brian's `it_`). */
  get it_(): [Int32Array, Float64Array] {
    return [this.i, this.t_];
  }

  /** Number of recorded events (Brian's `N`). */
  get N(): number {
    return this.dyn(this.ids.t).length;
  }

  /** The values of `name` at the events of each neuron (Brian's `values(name)`). */
  values(name: string): Map<number, QuantityArray> {
    return byNeuron(this.rawIndices(), this.values_(name), this.source.N, this.dims.get(name)!);
  }

  /** `t` and each recorded variable, by neuron (Brian's `all_values()`). */
  allValues(): Record<string, Map<number, QuantityArray>> {
    const all: Record<string, Map<number, QuantityArray>> = { t: this.eventTrains() };
    for (const v of this.variables) all[v] = this.values(v);
    return all;
  }

  /** Event times of each neuron, as `Map<index, times>` (Brian's `event_trains()`). */
  eventTrains(): Map<number, QuantityArray> {
    return byNeuron(this.rawIndices(), this.rawTimes(), this.source.N, second.dim);
  }

  /** The recorded values (Brian's `get_states()`): `count`, `i`, `t`, `N` and each recorded variable. */
  getStates(): Record<string, QuantityArray | Int32Array | number> {
    const states: Record<string, QuantityArray | Int32Array | number> = {
      count: Int32Array.from(this.rawCounts()),
      N: this.N,
    };
    if (this.record) {
      states.i = Int32Array.from(this.rawIndices());
      states.t = this.t;
    }
    for (const v of this.variables) states[v] = this.recorded(v);
    return states;
  }

  /**
   * A view of a recorded variable indexable by conditions over the records (Brian's
   * `M.t['i == 1']`): `M.state('t').get('i == 1')`.
   */
  state(name: string): VariableView {
    this.records ??= new MonitorRecords(this.name, this.clock, this.source.device, [
      { name: 't', arrayId: this.ids.t, dim: second.dim, type: 'float' },
      { name: 'i', arrayId: this.ids.i, dim: DIMENSIONLESS, type: 'integer' },
      ...this.variables.map((v) => ({
        name: v,
        arrayId: this.ids.vars.get(v)!,
        dim: this.dims.get(v)!,
        type: this.source.variable(v).type as ScalarType,
      })),
    ]);
    return this.records.state(name);
  }

  private records?: MonitorRecords;

  /** Each neuron's event rate in bins of `binSize`, with the bins' start times (Brian's `binned_rate`). */
  binnedRate(binSize: Quantity): [QuantityArray, QuantityArray[]] {
    const clock = this.clock;
    return binnedEventRates(
      this.rawTimes(),
      this.rawIndices(),
      this.source.N,
      binSize,
      clock.dt_,
      clock.timestep,
    );
  }

  /** Each neuron's event rate per time step convolved with a window (Brian's `smooth_rate`). */
  smoothRate(window: SmoothingWindow = 'gaussian', width?: Quantity): QuantityArray[] {
    const [t, i, clock] = [this.rawTimes(), this.rawIndices(), this.clock];
    return smoothedEventRates(t, i, this.source.N, window, width, clock.dt_, clock.timestep);
  }

  /** Brian's one-line summary: `<EventMonitor, recording event 'up' from 'neurongroup'>`. */
  override toString(): string {
    return `<EventMonitor, recording event '${this.event}' from '${this.source.name}'>`;
  }

  /** Events per neuron, not a checked view (for subclasses' summaries). */
  protected counts(): Int32Array {
    return this.rawCounts();
  }
}

class EventMonitorRunner extends KernelRunner {
  constructor(
    readonly monitor: EventMonitor,
    private readonly src: SpikeSource,
    when: string,
    order: number,
  ) {
    // Named as the monitor: Brian's monitor is its own code runner (ties in a slot go by name).
    super(monitor, monitor.name, when, order, monitor.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const m = this.monitor;
    const ids = m.arrayIds();
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const scope = m.source.codeScope(ctx.runNamespace);
    const recorded = readRecordedVariables(vector, m.name, m.variables, ids.vars, scope);
    builder.noteArray(this.src.eventspace, 'integer', false);
    builder.noteArray(ids.count, 'integer', false);
    return {
      kind: 'spikemonitor',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: {
        eventspace: this.src.eventspace,
        sourceSize: this.src.size,
        start: this.src.start,
        stop: this.src.stop,
        times: m.record ? ids.t : undefined,
        indices: m.record ? ids.i : undefined,
        count: ids.count,
        recorded,
      },
    };
  }
}
