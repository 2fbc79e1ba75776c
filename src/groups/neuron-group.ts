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

export interface NeuronGroupOptions {
  /** Condition for a spike, e.g. `'v > Vt'`. */
  readonly threshold?: string;
  /** Statements run for each neuron that spiked, e.g. `'v = Vr'`; `''` for none. */
  readonly reset?: string;
  /** A time (`ms(5)`), a string evaluating to a time (`'2*ms'`, `'tau_ref'`) or a condition (`'v > -20*mV'`). */
  readonly refractory?: Quantity | string | false;
  /** Integration method name, a list to try in order, or 'auto' (Brian's exact → euler → heun). */
  readonly method?: string | readonly string[];
  /** Values of external names in the equations (Brian's `namespace=`); the run's namespace otherwise. */
  readonly namespace?: Namespace;
  /** Time step of the group's own clock (the default clock's otherwise). */
  readonly dt?: Quantity;
  /** The clock the group runs on (instead of `dt`). */
  readonly clock?: Clock;
  /** Order among objects in the same schedule slot (lower first). */
  readonly order?: number;
  /** The group's name (unique; generated from `neurongroup*` otherwise). */
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

  /** The model's equations as given. */
  readonly equations: Equations;
  /** The equations analysed: variables with their dimensions, flags and kinds. */
  readonly analyzed: AnalyzedEquations;
  /** The spike condition, if any. */
  readonly threshold?: string;
  /** The reset statements, if any. */
  readonly reset?: string;
  /** The refractory period or condition; false for none. */
  readonly refractory: Quantity | string | false;
  /** The integration method (or methods to try in order). */
  readonly method: string | readonly string[];
  /** Order among objects in the same schedule slot. */
  readonly order: number;
  /** The runner integrating the differential equations. */
  readonly stateUpdater: StateUpdater;
  /** The runner checking the threshold, when there is one. */
  readonly thresholder?: Thresholder;
  /** The runner applying the reset, when there is one. */
  readonly resetter?: Resetter;
  /** The runner updating `(constant over dt)` subexpressions, when there are any. */
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

  /** The device array id of variable `name` of this group. */
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
