import { checkFlags, NEURON_GROUP_FLAGS } from '../compiler/1-parse/flags.ts';
import { type AnalyzedEquations, analyzeEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { Equations } from '../core/equations.ts';
import type { Variable } from '../core/variables.ts';
import { getDevice } from '../devices/active.ts';
import type { Device } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Runner } from '../network/brian-object.ts';
import { Clock, defaultclock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { Group } from './group.ts';
import { Resetter } from './runners/resetter.ts';
import { StateUpdater } from './runners/state-updater.ts';
import { SubexpressionUpdater } from './runners/subexpression-updater.ts';
import { Thresholder } from './runners/thresholder.ts';
import { Subgroup } from './subgroup.ts';

/** The options of `new NeuronGroup(N, equations, options)`: Brian's keyword arguments in camelCase. */
export interface NeuronGroupOptions {
  /** Condition for a spike, e.g. `'v > Vt'`. */
  readonly threshold?: string;
  /** Statements run for each neuron that spiked, e.g. `'v = Vr'`; `''` for none. */
  readonly reset?: string;
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
  /** @internal The runner that checks the threshold each step (Brian's `G.thresholder['spike']`). */
  readonly thresholder?: Thresholder;
  /** @internal The runner that applies the reset (Brian's `G.resetter['spike']`). */
  readonly resetter?: Resetter;
  /** @internal The runner that updates subexpressions marked `(constant over dt)`. */
  readonly subexpressionUpdater?: SubexpressionUpdater;
  private readonly size: number;
  private readonly ownArrays: string[] = [];

  constructor(N: number, model: string | Equations, options: NeuronGroupOptions = {}) {
    const device = getDevice();
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : defaultclock);
    super(uniqueName(options.name ?? 'neurongroup'), clock, device, options.namespace);
    if (!Number.isInteger(N) || N < 1) {
      throw new BrianError(
        'bad_argument',
        `A NeuronGroup needs a positive integer number of neurons, got ${N}.`,
      );
    }
    this.size = N;
    this.order = options.order ?? 0;
    this.equations = typeof model === 'string' ? new Equations(model) : model;
    checkFlags(this.equations.lines, NEURON_GROUP_FLAGS);
    this.threshold = options.threshold;
    this.reset = options.reset;
    this.refractory = options.refractory ?? false;
    this.method = options.method ?? 'auto';
    if (
      this.refractory !== false &&
      !(this.refractory instanceof Quantity) &&
      typeof this.refractory !== 'string'
    ) {
      throw new BrianError(
        'bad_argument',
        `refractory must be a time, a string or false, got ${String(this.refractory)}.`,
      );
    }
    if (this.refractory instanceof Quantity && this.refractory.dim !== second.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The refractory period must be a time, got ${this.refractory}.`,
      );
    }
    this.analyzed = analyzeEquations(this.equations.lines);
    this.createVariables(device);
    this.addAuxiliaries();

    if (this.analyzed.subexpressions.some((s) => s.flags.has('constant over dt'))) {
      this.subexpressionUpdater = new SubexpressionUpdater(this);
    }
    this.stateUpdater = new StateUpdater(this);
    if (this.threshold !== undefined) this.thresholder = new Thresholder(this);
    if (this.threshold !== undefined && this.reset !== undefined && this.reset.trim() !== '') {
      this.resetter = new Resetter(this);
    }
    this.exposeVariables();
    collect(this);
  }

  get N(): number {
    return this.size;
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
    super.beforeRun(ctx);
  }

  /** Whether refractoriness is modelled (adds `not_refractory` and `lastspike`). */
  get usesRefractory(): boolean {
    return this.refractory !== false;
  }

  runners(): readonly Runner[] {
    return [
      this.subexpressionUpdater,
      this.stateUpdater,
      this.thresholder,
      this.resetter,
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

  /** Neurons `start` to `stop` (exclusive) as a group of their own (Brian's `G[start:stop]`). */
  slice(start: number, stop: number): Subgroup {
    return new Subgroup(this, start, stop);
  }

  /** @internal The device array id of this group's variable `name` (`neurongroup_v`). */
  arrayId(name: string): string {
    return `${this.name}_${name}`;
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
      this.variables.set('not_refractory', {
        kind: 'array',
        name: 'not_refractory',
        arrayId: this.allocate(device, 'not_refractory', 'boolean', N, 1),
        dim: DIMENSIONLESS,
        type: 'boolean',
        shared: false,
        constant: false,
        readOnly: true,
        dynamic: false,
      });
    }
    this.allocate(device, '_spikespace', 'integer', N + 1);
  }
}
