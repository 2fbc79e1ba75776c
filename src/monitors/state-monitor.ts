import type { ScalarType } from '../compiler/functions.ts';
import { checkedArray } from '../core/checked-array.ts';
import type { DynamicArray, TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import type { Group } from '../groups/group.ts';
import { isSelection, type Selection } from '../groups/selection.ts';
import { MISSING, type NamedContents, withNamedContents } from '../network/attribute-access.ts';
import { type BaseClock, Clock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { storageKey, uniqueName } from '../network/names.ts';
import type { Dimension } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkStateMonitorArgs } from '../validation/monitor-options.ts';
import { recordedElements } from './recorded-elements.ts';
import { RecordingMonitor } from './recording-monitor.ts';
import { StateMonitorRunner } from './state-monitor-runner.ts';
import { MonitorStream, type StreamOptions } from './stream.ts';
import { stateStreamSource } from './stream-sources.ts';

/** The options of `new StateMonitor(source, variables, options)`: Brian's keyword arguments in camelCase. */
export interface StateMonitorOptions {
  /**
   * `true` for every element, `false` for none (only the times), the indices (relative to the
   * source) to record, or a selection (`S.at(undefined, 1)`: the synapses to neuron 1).
   */
  readonly record?: boolean | number | ArrayLike<number> | Selection;
  /** Record every `dt` instead of every step of the source's clock. */
  readonly dt?: Quantity;
  /** Record on this clock (Brian's `clock`), instead of the source's or `dt`; an EventClock records at its times. */
  readonly clock?: BaseClock;
  /** Schedule slot of the recording (Brian's `when`; default `start`, before the state update). */
  readonly when?: string;
  /** Order in the slot, lowest first (Brian's `order`; default 0). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `statemonitor`, `statemonitor_1`… */
  readonly name?: string;
  /**
   * Hand the samples over to a sink every `every` steps and at the end of each run, e.g.
   * `{ every: 1000, to: csvFileSink('out/v.csv') }`, so a run that dies keeps them (runtime device).
   */
  readonly stream?: StreamOptions;
}

/**
 * The recorded values of one element, Brian's `M[5]`: `M.at(5).v` (with units), `M.at(5).v_`
 * (a Float64Array of SI values), and the recording times `t`, `t_`. Any other name is an error.
 */
export type RecordedElement = Record<string, QuantityArray> & { readonly [raw: `${string}_`]: Float64Array };

/** The traces of several elements, Brian's `M[[5, 7]]`: `.v` one trace each, `.v_` raw, `t`, `t_`. */
export type RecordedElements = Record<string, QuantityArray[]> & {
  readonly [raw: `${string}_`]: Float64Array[];
} & { readonly t: QuantityArray; readonly t_: Float64Array };

/**
 * Records variables of a group over time (Brian's StateMonitor), at the start of each step by
 * default, so a recorded value is the state before that step's update. `M.v` is one trace per
 * recorded element (relative: `M.v[0]` is the first recorded element), `M.at(k).v` / `M[k].v`
 * the trace of element k of the source (absolute), `M.t` the recording times.
 */
export class StateMonitor extends RecordingMonitor {
  override readonly storage: string;
  /** Monitors can join a running magic simulation (Brian's `invalidates_magic_network = False`). */
  override readonly invalidatesMagicNetwork = false;
  // biome-ignore lint/suspicious/noExplicitAny: recorded variables are exposed as properties (`M.v`, `M.v_`)
  [variable: string]: any;

  /** The recorded group. */
  readonly source: Group;
  /** The recorded variables' names, in the order given. */
  readonly variables: readonly string[];
  private readonly fixedIndices: Int32Array;
  /**
   * `record: true` on synapses compiled by a standalone device: how many there are is only
   * known inside the program, so the indices are filled there at the start of each run (the
   * dynamic array giving the number of synapses).
   */
  readonly recordsAllOf?: string;
  protected readonly runner: StateMonitorRunner;
  protected readonly stream?: MonitorStream;
  private readonly ids: { t: string; indices: string; vars: Map<string, string>; sourceClock?: string };
  private readonly dims = new Map<string, Dimension>();

  constructor(
    source: Group,
    variables: string | readonly string[] | true,
    options: StateMonitorOptions = {},
  ) {
    options = checkStateMonitorArgs(source, variables, options);
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : source.clock);
    super(uniqueName(options.name ?? 'statemonitor*'), clock);
    this.source = source;
    this.variables =
      variables === true
        ? source.userVariableNames().filter((n) => !['i', 'N', 't', 'dt', 't_in_timesteps'].includes(n))
        : typeof variables === 'string'
          ? [variables]
          : [...variables];
    const record = options.record ?? true;
    const sizeUnknown = source.dynamicSize !== undefined && !source.device.inProcess;
    if (record === true && sizeUnknown) this.recordsAllOf = source.dynamicSize;
    const relative = recordedElements(this.name, source, record);
    this.fixedIndices = relative;
    const device = source.device;
    this.storage = storageKey(device, this.name);
    const key = this.storage;
    this.ids = {
      t: `${key}_t`,
      indices: `${key}__indices`,
      vars: new Map(),
      sourceClock: clock === source.clock ? undefined : `${key}__source_clock`,
    };
    if (this.ids.sourceClock) device.allocate(this.ids.sourceClock, 'float', 3);
    device.allocateDynamic(this.ids.t, 'float');
    if (this.recordsAllOf) device.allocateDynamic(this.ids.indices, 'integer');
    else
      device
        .allocate(this.ids.indices, 'integer', relative.length)
        .data.set(relative.map((k) => k + source.start));
    for (const v of this.variables) {
      const variable = source.variable(v);
      if (!('dim' in variable)) throw new BrianError('unknown_variable', `Cannot record "${v}".`);
      this.dims.set(v, variable.dim);
      const id = `${key}_${v}`;
      device.allocateDynamic(id, (variable.type === 'boolean' ? 'boolean' : variable.type) as ScalarType);
      this.ids.vars.set(v, id);
    }
    this.runner = new StateMonitorRunner(this, options.when ?? 'start', options.order ?? 0);
    if (options.stream)
      this.stream = new MonitorStream(this, this.clock, options.stream, stateStreamSource(this));
    collect(this);
    // `M.v`, `M.v_`, `M[5].v`, and errors for unknown names (network/attribute-access.ts).
    this.exposeAttributes();
  }

  /** `M.v` (one trace per recorded element), `M.v_` (raw), `M[5]` (the record of element 5). */
  protected override namedContents(): NamedContents {
    return {
      ready: this.attributesReady,
      what: 'recorded variables',
      owner: this.name,
      names: () => this.variables,
      read: (name) => {
        if (/^\d+$/.test(name)) return this.at(Number(name));
        if (this.variables.includes(name)) return this.traces(name);
        if (name.endsWith('_') && this.variables.includes(name.slice(0, -1)))
          return this.traces_(name.slice(0, -1));
        if (this.source.isUserVariable(name)) {
          throw new BrianError(
            'not_recorded',
            `${this.name} does not record "${name}" of ${this.source.name}.`,
            {
              hint: `it records ${this.variables.join(', ')}; record it with new StateMonitor(${this.source.name}, [${[...this.variables, name].map((v) => `'${v}'`).join(', ')}])`,
            },
          );
        }
        return MISSING;
      },
      write: () => false,
    };
  }

  stateArrays(): readonly string[] {
    return [this.ids.t, ...this.ids.vars.values()];
  }

  /** @internal */
  arrayIds() {
    return this.ids;
  }

  /** Recorded element indices, relative to the source. */
  get recordIndices(): Int32Array {
    if (!this.recordsAllOf) return this.fixedIndices;
    const start = this.source.start;
    return Int32Array.from(this.source.device.values(this.ids.indices), (k) => k - start);
  }

  /** The recording times in seconds, one per sample (Brian's `M.t_`); a live view. */
  get t_(): Float64Array {
    return checkedArray(
      (this.source.device.array(this.ids.t) as DynamicArray).view() as Float64Array,
      (k, n) => `${this.name}.t_[${k}] is out of range: ${this.name} recorded ${n} time steps.`,
    );
  }

  /** The recording times, one per sample (Brian's `M.t`); a copy. */
  get t(): QuantityArray {
    return new QuantityArray(
      Float64Array.from((this.source.device.array(this.ids.t) as DynamicArray).view()),
      second.dim,
    );
  }

  /** Raw SI traces of `name`, one Float64Array per recorded element. */
  traces_(name: string): Float64Array[] {
    return this.checkedTraces(this.rawTraces(name), `${name}_`);
  }

  /** Traces with units of `name`, one per recorded element (`M.v[0]` is the first recorded element). */
  traces(name: string): QuantityArray[] {
    const dim = this.dims.get(name)!;
    return this.checkedTraces(
      this.rawTraces(name).map((tr) => new QuantityArray(tr, dim)),
      name,
    );
  }

  /** `M.v[7]` when fewer elements are recorded: an error that says what `M.v[k]` and `M[k]` mean. */
  private checkedTraces<T>(list: T[], what: string): T[] {
    const recorded = this.recordIndices;
    return checkedArray(
      list,
      (k, n) =>
        `${this.name}.${what}[${k}] is out of range: ${this.name} records ${n} element(s) of ${this.source.name}.`,
      (k) =>
        `${this.name}.${what}[k] is the k-th recorded element; recorded: ${Array.from(recorded.slice(0, 20)).join(', ')}${recorded.length > 20 ? ', …' : ''}` +
        (recorded.includes(k)
          ? `; element ${k} of ${this.source.name} is ${this.name}.at(${k}).${what}`
          : ''),
    );
  }

  private rawTraces(name: string): Float64Array[] {
    const id = this.ids.vars.get(name);
    if (!id) {
      throw new BrianError('not_recorded', `${this.name} does not record "${name}".`, {
        hint: unknownNameHint(name, this.variables, 'recorded variables'),
      });
    }
    const data: TypedArray = (this.source.device.array(id) as DynamicArray).view();
    const n = this.recordIndices.length;
    const steps = n === 0 ? 0 : data.length / n;
    return Array.from({ length: n }, (_, k) => {
      const trace = new Float64Array(steps);
      for (let s = 0; s < steps; s++) trace[s] = data[s * n + k];
      return trace;
    });
  }

  /** Brian's one-line summary: `<StateMonitor, recording ['v'] from 'neurongroup'>`. */
  override toString(): string {
    return `<StateMonitor, recording [${this.variables.map((v) => `'${v}'`).join(', ')}] from '${this.source.name}'>`;
  }

  /** Number of recorded time steps (Brian's `N`). */
  get N(): number {
    return (this.source.device.array(this.ids.t) as DynamicArray).length;
  }

  /** The recorded values (Brian's `get_states()`): `t`, `N` and each variable's traces. */
  getStates(): Record<string, QuantityArray | QuantityArray[] | number> {
    const states: Record<string, QuantityArray | QuantityArray[] | number> = { t: this.t, N: this.N };
    for (const v of this.variables) states[v] = this.traces(v);
    return states;
  }

  /**
   * Records the current values once more (Brian's `record_single_timestep`): after a run, the
   * values at its end, which a monitor recording at the start of each step would not see.
   */
  recordSingleTimestep(): void {
    if (this.runner.kernel === undefined) {
      throw new BrianError(
        'bad_argument',
        `${this.name}.recordSingleTimestep() records after a run, not before the first one.`,
      );
    }
    this.runner.step(this.clock.t_, this.clock.dt_, this.clock.timestep);
  }

  /**
   * The record of element `index` of the source (absolute index, as Brian's `M[index]`); for
   * several elements (a list, a selection such as `S.at(0, 1)`), each variable's traces.
   */
  at(index: number): RecordedElement;
  at(indices: ArrayLike<number> | Selection): RecordedElements;
  at(index: number | ArrayLike<number> | Selection): RecordedElement | RecordedElements {
    if (typeof index === 'number')
      return this.record([this.position(index)], `${this.name}.at(${index})`, true);
    if (typeof index !== 'object' || index === null) {
      throw new BrianError(
        'bad_argument',
        `${this.name}.at() takes element numbers or a selection, not ${String(index)}.`,
      );
    }
    const elements = isSelection(index) ? Array.from(index.indices) : Array.from(index);
    return this.record(
      elements.map((e) => this.position(e)),
      `${this.name}.at([${elements.slice(0, 5).join(', ')}${elements.length > 5 ? ', …' : ''}])`,
      false,
    );
  }

  /**
   * The record of the recorded elements at `positions` (Brian's StateMonitorView): each variable
   * with units and raw (`v_`), and the times; a trace per element, or the one trace (`single`).
   * The variables are its own keys (`Object.keys(M.at(5))`); `v_`, `t` and `t_` are read when
   * asked, and any other name is an error, not `undefined`.
   */
  private record(positions: readonly number[], owner: string, single: boolean): RecordedElement {
    const pick = <T>(traces: T[]) => (single ? traces[positions[0]] : positions.map((k) => traces[k]));
    const withUnits = (v: string) => {
      const dim = this.dims.get(v);
      return pick(this.rawTraces(v).map((trace) => new QuantityArray(trace, dim)));
    };
    const own = Object.fromEntries(this.variables.map((v) => [v, withUnits(v)]));
    return withNamedContents(own as RecordedElement, () => ({
      ready: true,
      what: 'recorded variables',
      owner,
      names: () => [...this.variables, ...this.variables.map((v) => `${v}_`), 't', 't_'],
      read: (name) => {
        if (name === 't') return this.t;
        if (name === 't_') return this.t_;
        const stem = name.slice(0, -1);
        return name.endsWith('_') && this.variables.includes(stem) ? pick(this.rawTraces(stem)) : MISSING;
      },
      write: () => false,
    }));
  }

  private position(index: number): number {
    const k = typeof index === 'number' && Number.isInteger(index) ? this.recordIndices.indexOf(index) : -1;
    if (k < 0) {
      throw new BrianError(
        'index_out_of_range',
        `${this.name} does not record element ${index} of ${this.source.name}.`,
      );
    }
    return k;
  }
}
