import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { ScalarType } from '../compiler/functions.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { checkedArray } from '../core/checked-array.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import { type Group, SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { MISSING, type NamedContents } from '../network/attribute-access.ts';
import { BrianObject, type RunContext, type Runner } from '../network/brian-object.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import type { Dimension } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { readRecordedVariables } from './recorded-variables.ts';
import { type SpikeSource, spikeSource } from './spike-source.ts';
import { MonitorStream, type StreamOptions } from './stream.ts';
import { spikeStreamSource } from './stream-sources.ts';

/** The options of `new SpikeMonitor(source, options)`: Brian's keyword arguments in camelCase. */
export interface SpikeMonitorOptions {
  /** Variables of the source to record at each spike (values after the threshold, before the reset). */
  readonly variables?: string | readonly string[];
  /** false: only count spikes per neuron (`count`, `num_spikes`), do not store times and indices. */
  readonly record?: boolean;
  /** Schedule slot of the recording (Brian's `when`; default `thresholds`, right after spikes are found). */
  readonly when?: string;
  /** Order in the slot, lowest first (Brian's `order`; default 1). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `spikemonitor`, `spikemonitor_1`… */
  readonly name?: string;
  /**
   * Hand the spikes over to a sink every `every` steps and at the end of each run, e.g.
   * `{ every: 1000, to: csvFileSink('out/spikes.csv') }`, so a run that dies keeps them (runtime device).
   */
  readonly stream?: StreamOptions;
}

/**
 * Records the spikes of a group (Brian's SpikeMonitor): times `t` and indices `i` in the order
 * they happened, per-neuron `count`, and optionally variables at spike time.
 */
export class SpikeMonitor extends BrianObject {
  // biome-ignore lint/suspicious/noExplicitAny: recorded variables are exposed as properties (`M.v`, `M.v_`)
  [variable: string]: any;

  /** The monitored group. */
  readonly source: Group;
  /** Whether spike times and indices are stored (false: only `count` and `num_spikes`). */
  readonly record: boolean;
  /** The variables recorded at each spike besides `t` and `i`. */
  readonly variables: readonly string[];
  private readonly runner: SpikeMonitorRunner;
  private readonly stream?: MonitorStream;
  private readonly ids: { t: string; i: string; count: string; vars: Map<string, string> };
  private readonly dims = new Map<string, Dimension>();

  constructor(source: Group, options: SpikeMonitorOptions = {}) {
    super(uniqueName(options.name ?? 'spikemonitor'), source.clock);
    this.source = source;
    this.record = options.record ?? true;
    this.variables =
      typeof options.variables === 'string' ? [options.variables] : [...(options.variables ?? [])];
    const device = source.device;
    this.ids = { t: `${this.name}_t`, i: `${this.name}_i`, count: `${this.name}_count`, vars: new Map() };
    device.allocateDynamic(this.ids.t, 'float');
    device.allocateDynamic(this.ids.i, 'integer');
    device.allocate(this.ids.count, 'integer', source.N);
    for (const v of this.variables) {
      const variable = source.variable(v);
      if (!('dim' in variable)) throw new BrianError('unknown_variable', `Cannot record "${v}".`);
      this.dims.set(v, variable.dim);
      const id = `${this.name}_${v}`;
      device.allocateDynamic(id, variable.type as ScalarType);
      this.ids.vars.set(v, id);
    }
    this.runner = new SpikeMonitorRunner(
      this,
      spikeSource(source),
      options.when ?? 'thresholds',
      options.order ?? 1,
    );
    if (options.stream) {
      if (!this.record) {
        throw new BrianError(
          'bad_argument',
          `${this.name}: 'stream' needs the spikes recorded (record: true).`,
        );
      }
      this.stream = new MonitorStream(this, this.clock, options.stream, spikeStreamSource(this));
    }
    collect(this);
    this.exposeAttributes();
  }

  /** `M.v` / `M.v_`: the values of a variable recorded at each spike (Brian's SpikeMonitor attributes). */
  protected override namedContents(): NamedContents {
    return {
      ready: this.attributesReady,
      what: 'recorded variables',
      owner: this.name,
      names: () => this.variables,
      read: (name) => {
        if (this.variables.includes(name)) return this.values(name);
        if (name.endsWith('_') && this.variables.includes(name.slice(0, -1)))
          return this.values_(name.slice(0, -1));
        return MISSING;
      },
      write: () => false,
    };
  }

  runners(): readonly Runner[] {
    return this.stream ? [this.runner, this.stream.runner] : [this.runner];
  }

  /** Flushes a streamed monitor's last spikes to its sink at the end of each run. */
  override afterRun(): void {
    this.stream?.flush();
  }

  stateArrays(): readonly string[] {
    return [this.ids.t, this.ids.i, this.ids.count, ...this.ids.vars.values()];
  }

  override dependencies() {
    return [this.source];
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

  /** Spike times (seconds, raw). */
  get t_(): Float64Array {
    return this.checked(this.rawTimes(), 't_');
  }

  /** Spike times, in the order recorded (Brian's `M.t`); a copy. */
  get t(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.rawTimes()), second.dim);
  }

  /** Indices of the spiking neurons, relative to the source. */
  get i(): Int32Array {
    return this.checked(this.rawIndices(), 'i');
  }

  private rawTimes(): Float64Array {
    this.requireRecord('t');
    return this.dyn(this.ids.t).view() as Float64Array;
  }

  private rawIndices(): Int32Array {
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

  /** Spikes per neuron of the source. */
  get count(): Int32Array {
    return checkedArray(
      this.rawCounts(),
      (k, n) => `${this.name}.count[${k}] is out of range: ${this.source.name} has ${n} neurons.`,
    );
  }

  /** Total number of spikes recorded (Brian's `num_spikes`), also counted with `record: false`. */
  get num_spikes(): number {
    let n = 0;
    for (const c of this.rawCounts()) n += c;
    return n;
  }

  /** Recorded values of `name` at each spike (raw SI). */
  values_(name: string): Float64Array | Int32Array | Uint8Array {
    const id = this.ids.vars.get(name);
    if (!id) {
      throw new BrianError('not_recorded', `${this.name} does not record "${name}".`, {
        hint: unknownNameHint(name, this.variables, 'recorded variables'),
      });
    }
    return this.checked(this.dyn(id).view(), `${name}_`);
  }

  /** Recorded values of `name` at each spike, as a quantity array. */
  values(name: string): QuantityArray {
    return new QuantityArray(Float64Array.from(this.values_(name)), this.dims.get(name)!);
  }

  /** Spike times of each neuron, as `Map<index, times>`. */
  spike_trains(): Map<number, QuantityArray> {
    const byNeuron = new Map<number, number[]>();
    for (let k = 0; k < this.source.N; k++) byNeuron.set(k, []);
    const t = this.rawTimes();
    const i = this.rawIndices();
    for (let k = 0; k < i.length; k++) byNeuron.get(i[k])!.push(t[k]);
    return new Map([...byNeuron].map(([k, ts]) => [k, new QuantityArray(Float64Array.from(ts), second.dim)]));
  }

  /** Brian's one-line summary: `<SpikeMonitor, recording from 'neurongroup'>`. */
  override toString(): string {
    return `<SpikeMonitor, recording from '${this.source.name}'>`;
  }

  /** Number of spikes per second of the whole run, per neuron (convenience, not in Brian). */
  rate(duration: Quantity): Float64Array {
    return Float64Array.from(this.rawCounts(), (c) => c / duration.value);
  }
}

class SpikeMonitorRunner extends KernelRunner {
  constructor(
    readonly monitor: SpikeMonitor,
    private readonly src: SpikeSource,
    when: string,
    order: number,
  ) {
    super(monitor, `${monitor.name}_codeobject`, when, order, monitor.clock);
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
      scalar: builder.block().finish(),
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
