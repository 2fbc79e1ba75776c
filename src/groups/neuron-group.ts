import { checkFlags, NEURON_GROUP_FLAGS } from '../compiler/1-parse/flags.ts';
import { type AnalyzedEquations, analyzeEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { Equations } from '../core/equations.ts';
import { warn } from '../core/log.ts';
import type { ArrayVariable, Variable } from '../core/variables.ts';
import { getDevice } from '../devices/active.ts';
import type { Device } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Runner } from '../network/brian-object.ts';
import { Clock, defaultclock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { checkNeuronGroupArgs } from '../validation/group-options.ts';
import { Group } from './group.ts';
import { addNoiseVariables, checkSharedSubexpressions } from './model-checks.ts';
import { type EventSchedule, NeuronEvents } from './neuron-events.ts';
import type { Resetter } from './runners/resetter.ts';
import { checkSubexpressions, StateUpdater } from './runners/state-updater.ts';
import { SubexpressionUpdater } from './runners/subexpression-updater.ts';
import type { Thresholder } from './runners/thresholder.ts';
import { Subgroup } from './subgroup.ts';
import { indexRange, sliceRange } from './subgroup-index.ts';

/** The options of `new NeuronGroup(N, equations, options)`: Brian's keyword arguments in camelCase. */
export interface NeuronGroupOptions {
  /** Condition for a spike, e.g. `'v > Vt'`. */
  readonly threshold?: string;
  /** Statements run for each neuron that spiked, e.g. `'v = Vr'`; `''` for none. */
  readonly reset?: string;
  /** Custom events: name → condition, e.g. `{ up: 'v > v_up' }` (Brian's `events`); see `runOnEvent`. */
  readonly events?: Readonly<Record<string, string>>;
  /** A time (`ms(5)`), a string evaluating to a time (`'2*ms'`, `'tau_ref'`) or a condition (`'v > -20*mV'`). */
  readonly refractory?: Quantity | string | false;
  /** Integration method name, a list to try in order, or 'auto' (Brian's exact → euler → heun). */
  readonly method?: string | readonly string[];
  /**
   * Values of the external names the equations, threshold, reset and refractory use (Brian's
   * `namespace`); without it they are looked up in the run's namespace (`run(…, { namespace })`).
   */
  readonly namespace?: Namespace;
  /** Time step of this group's own clock (Brian's `dt`); default `defaultclock.dt`. */
  readonly dt?: Quantity;
  /** The clock to run on (Brian's `clock`), instead of `dt`. */
  readonly clock?: Clock;
  /** Order among objects in the same scheduling slot, lowest first (Brian's `order`; default 0). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `neurongroup`, `neurongroup_1`… */
  readonly name?: string;
}

/**
 * A group of neurons sharing one model (Brian's NeuronGroup): equations with units, threshold,
 * reset and refractoriness, state variables readable and settable as `G.v`.
 */
export class NeuronGroup extends Group {
  // Variables are exposed as properties at construction (`G.v`, `G.v_`); the index signature
  // lets scripts use them without casts, as in Brian.
  // biome-ignore lint/suspicious/noExplicitAny: dynamic state-variable properties
  [variable: string]: any;

  /** The model's equations, parsed (Brian's `G.equations`; `String(G.equations)` prints them). */
  readonly equations: Equations;
  /** @internal The equations after checks: variables with units, integration order, subexpressions. */
  readonly analyzed: AnalyzedEquations;
  /** The spike condition as given (`'v > Vt'`); undefined for a group that never spikes. */
  readonly threshold?: string;
  /** The reset statements as given (`'v = Vr'`); undefined for none. */
  readonly reset?: string;
  /** The refractoriness as given: a time, an expression or condition text, or `false` for none. */
  readonly refractory: Quantity | string | false;
  /** The integration method asked for (a name, a list to try, or `'auto'`). */
  readonly method: string | readonly string[];
  /** Order among objects in the same scheduling slot (Brian's `order`). */
  readonly order: number;
  /** @internal The runner that integrates the equations each step (Brian's `G.state_updater`). */
  readonly stateUpdater: StateUpdater;
  /** @internal The runner that updates subexpressions marked `(constant over dt)`. */
  readonly subexpressionUpdater?: SubexpressionUpdater;
  private readonly size: number;
  private readonly ownArrays: string[] = [];
  private readonly eventTable: NeuronEvents;

  constructor(N: number, model: string | Equations, options: NeuronGroupOptions = {}) {
    options = checkNeuronGroupArgs(N, model, options);
    const device = getDevice();
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : defaultclock);
    super(uniqueName(options.name ?? 'neurongroup*'), clock, device, options.namespace);
    this.size = N;
    this.order = options.order ?? 0;
    this.equations = typeof model === 'string' ? new Equations(model) : model;
    checkFlags(this.equations.lines, NEURON_GROUP_FLAGS);
    this.threshold = options.threshold;
    this.reset = options.reset;
    this.refractory = options.refractory ?? false;
    this.method = options.method ?? 'auto';
    this.analyzed = analyzeEquations(this.equations.lines);
    this.eventTable = new NeuronEvents(this, this.threshold, options.events ?? {});
    this.warnAboutRefractoriness();
    this.createVariables(device);
    this.addAuxiliaries();
    addNoiseVariables(this.variables, this.analyzed);
    checkSharedSubexpressions(this);

    if (this.analyzed.subexpressions.some((s) => s.flags.has('constant over dt'))) {
      this.subexpressionUpdater = new SubexpressionUpdater(this);
    }
    this.stateUpdater = new StateUpdater(this);
    this.eventTable.createThresholders();
    if (this.reset !== undefined) this.eventTable.runOnEvent('spike', this.reset, { when: 'resets' });
    this.exposeVariables();
    collect(this);
  }

  get N(): number {
    return this.size;
  }

  /** Brian's warnings at creation: a threshold without reset or refractoriness, `(unless refractory)` without refractoriness. */
  private warnAboutRefractoriness(): void {
    const t = this.threshold;
    if (t !== undefined && this.reset === undefined && this.refractory === false && !/\brandn?\(/.test(t)) {
      warn(
        'only_threshold',
        `The NeuronGroup '${this.name}' sets a threshold but neither a reset condition nor a refractory ` +
          'condition has been set. Did you forget either of those? If this was intended, set the reset ' +
          'argument to an empty string in order to avoid this warning.',
      );
    }
    const unlessRefractory = this.analyzed.odes.some((eq) => eq.flags.has('unless refractory'));
    if (unlessRefractory && this.refractory === false) {
      warn(
        'no_refractory',
        `The equations of '${this.name}' use the "unless refractory" flag but no refractory keyword was given.`,
      );
    }
  }

  /** Conditions of the group's events by name (`spike` is the threshold; Brian's `G.events`). */
  get events(): ReadonlyMap<string, unknown> {
    return this.eventTable.conditions;
  }

  /** The runner checking the threshold (Brian's `G.thresholder['spike']`). */
  get thresholder(): Thresholder | undefined {
    return this.eventTable.thresholders.get('spike');
  }

  /** The runner of the reset statements (Brian's `G.resetter['spike']`). */
  get resetter(): Resetter | undefined {
    return this.eventTable.resetters.get('spike');
  }

  /** The runner checking the condition of `event`. */
  eventThresholder(event: string): Thresholder | undefined {
    return this.eventTable.thresholders.get(event);
  }

  /**
   * Runs `code` for each neuron for which `event` happened in this step (Brian's
   * `run_on_event`), by default in slot `after_resets`.
   */
  runOnEvent(event: string, code: string, schedule: EventSchedule = {}): Resetter {
    return this.eventTable.runOnEvent(event, code, schedule);
  }

  /** Where the condition of `event` is checked (Brian's `set_event_schedule`; default `after_thresholds`). */
  setEventSchedule(event: string, schedule: EventSchedule = {}): void {
    this.eventTable.setSchedule(event, schedule);
  }

  /** The array of the elements for which `event` happened in the last step, then their count. */
  eventspace(event: string): string {
    return this.arrayId(`_${event}space`);
  }

  protected override linkedNames(): readonly string[] {
    return this.analyzed.parameters.filter((p) => p.flags.has('linked')).map((p) => p.name);
  }

  protected override linkedDimension(name: string) {
    return this.analyzed.all.get(name)?.dim;
  }

  override beforeRun(ctx: Parameters<Group['beforeRun']>[0]): void {
    for (const name of this.linkedNames()) {
      if (!this.linkedIndices.has(name)) {
        throw new BrianError(
          'bad_argument',
          `Linked variable ${this.name}.${name} has to be linked before a run.`,
          {
            hint: `${this.name}.${name} = linkedVar(otherGroup, '${name}')`,
          },
        ).withCreationSite(this.createdAt);
      }
    }
    // As Brian's NeuronGroup.before_run: every subexpression, whether some code uses it or not.
    try {
      checkSubexpressions(this, this.codeScope(ctx.runNamespace));
    } catch (e) {
      throw e instanceof BrianError ? e.withCreationSite(this.createdAt) : e;
    }
    super.beforeRun(ctx);
  }

  /** Whether refractoriness is modelled (adds `not_refractory` and `lastspike`). */
  get usesRefractory(): boolean {
    return this.refractory !== false;
  }

  runners(): readonly Runner[] {
    return [
      this.subexpressionUpdater,
      // Brian creates no code for a state updater with nothing to do (test_no_code).
      this.stateUpdater.odeCount() > 0 || this.usesRefractory ? this.stateUpdater : undefined,
      ...this.eventTable.runners(),
      ...this.regularRunners,
    ].filter((r): r is NonNullable<typeof r> => r !== undefined);
  }

  stateArrays(): readonly string[] {
    return this.ownArrays;
  }

  /** Indices of the neurons that spiked in the last time step. */
  get spikes(): Int32Array {
    const events = this.device.values(this.arrayId('_spikespace')) as Int32Array;
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

  /** @internal The device array id of this group's variable `name` (`neurongroup_v`). */
  arrayId(name: string): string {
    return `${this.storage}_${name}`;
  }

  private allocate(device: Device, name: string, type: Variable['type'], size: number, fill = 0): string {
    const id = this.arrayId(name);
    device.allocate(id, type as 'float', size, fill);
    this.ownArrays.push(id);
    return id;
  }

  private createVariables(device: Device): void {
    const N = this.N;
    for (const eq of [...this.analyzed.odes, ...this.analyzed.parameters]) {
      const shared = eq.flags.has('shared');
      if (eq.flags.has('linked')) {
        // Filled in by linkedVar(); until then reading it is an error.
        continue;
      }
      const arrayId = this.allocate(device, eq.name, eq.type, shared ? 1 : N);
      this.variables.set(eq.name, {
        kind: 'array',
        name: eq.name,
        arrayId,
        dim: eq.dim,
        type: eq.type,
        shared,
        constant: eq.flags.has('constant'),
        readOnly: false,
        dynamic: false,
      });
    }
    for (const eq of this.analyzed.subexpressions) {
      const cod = eq.flags.has('constant over dt');
      const shared = eq.flags.has('shared');
      this.variables.set(eq.name, {
        kind: 'subexpression',
        name: eq.name,
        expr: eq.line.expr!,
        dim: eq.dim,
        type: eq.type,
        shared,
        constantOverDt: cod
          ? { arrayId: this.allocate(device, eq.name, eq.type, shared ? 1 : N) }
          : undefined,
        span: eq.line.span,
      });
    }
    for (const [name, value] of this.equations.constants) {
      this.variables.set(name, {
        kind: 'constant',
        name,
        value: typeof value === 'number' ? value : value.value,
        dim: typeof value === 'number' ? DIMENSIONLESS : value.dim,
        type: 'float',
      });
    }
    if (this.usesRefractory) {
      this.variables.set('lastspike', {
        kind: 'array',
        name: 'lastspike',
        arrayId: this.allocate(device, 'lastspike', 'float', N, -1e4),
        dim: second.dim,
        type: 'float',
        shared: false,
        constant: false,
        readOnly: true,
        dynamic: false,
      });
      const notRefractory: ArrayVariable = {
        kind: 'array',
        name: 'not_refractory',
        arrayId: this.allocate(device, 'not_refractory', 'boolean', N, 1),
        dim: DIMENSIONLESS,
        type: 'boolean',
        shared: false,
        constant: false,
        readOnly: true,
        dynamic: false,
      };
      this.variables.set('not_refractory', notRefractory);
      // Brian's conditional write: model code (synapses, setters, run_regularly, the state
      // update) leaves `(unless refractory)` variables alone while refractory; the reset may write.
      for (const eq of this.analyzed.odes) {
        const v = this.variables.get(eq.name);
        if (eq.flags.has('unless refractory') && v?.kind === 'array') {
          this.variables.set(eq.name, { ...v, conditionalWrite: notRefractory });
        }
      }
    }
    this.allocate(device, '_spikespace', 'integer', N + 1);
    for (const event of this.eventTable.conditions.keys()) {
      if (event !== 'spike') this.allocate(device, `_${event}space`, 'integer', N + 1);
    }
  }
}
