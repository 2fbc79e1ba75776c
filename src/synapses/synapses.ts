import { checkFlags, SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS } from '../compiler/1-parse/flags.ts';
import { type AnalyzedEquations, analyzeEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Resolved, Scope } from '../compiler/2-analyze/scope.ts';
import { checkedArray } from '../core/checked-array.ts';
import { Equations } from '../core/equations.ts';
import type { Variable } from '../core/variables.ts';
import { getDevice } from '../devices/active.ts';
import type { DynamicArray, TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { SettableValue } from '../groups/assign-values.ts';
import { isGroup } from '../groups/element-selection.ts';
import { Group, type Where } from '../groups/group.ts';
import { LinkedVariable } from '../groups/linked-var.ts';
import { StateUpdater } from '../groups/runners/state-updater.ts';
import { SubexpressionUpdater } from '../groups/runners/subexpression-updater.ts';
import { checkScopedSharedSubexpressions } from '../groups/shared-subexpressions.ts';
import { eventSource } from '../monitors/spike-source.ts';
import { MISSING } from '../network/attribute-access.ts';
import type { BrianObject, Runner } from '../network/brian-object.ts';
import { Clock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { checkConnectArgs, checkSynapsesArgs } from '../validation/synapse-options.ts';
import { type ConnectOptions, connectSynapses } from './connect.ts';
import { elementCount } from './element-count.ts';
import { checkEventDrivenDependencies } from './event-driven-dependencies.ts';
import { SynapticPathway } from './pathway.ts';
import { prePostValues, prePostVariable, setPrePost } from './pre-post-variables.ts';
import { SummedVariableUpdater } from './summed-variable.ts';
import { SynapseArrays } from './synapse-arrays.ts';
import { pathwaySpecs } from './synapse-pathways.ts';
import { chainWithExternals, throughIndex, viewEntries } from './synapse-scope.ts';
import { SynapticSubgroup, synapseNumbers } from './synaptic-subgroup.ts';

/** The options of `new Synapses(source, target, options)`: Brian's keyword arguments in camelCase (`on_pre` is `onPre`). */
export interface SynapsesOptions {
  /** Synaptic equations: parameters, subexpressions, (clock-driven)/(event-driven) ODEs, (summed) variables. */
  readonly model?: string | Equations;
  /** Statements run when a presynaptic spike arrives; a record for several named pathways. */
  readonly onPre?: string | Readonly<Record<string, string>>;
  /** Statements run when a postsynaptic spike arrives. */
  readonly onPost?: string | Readonly<Record<string, string>>;
  /** Delay of the pre pathway (or per pathway name), the same for every synapse. */
  readonly delay?: Quantity | Readonly<Record<string, Quantity>>;
  /** The source's event triggering the pathways (`spike` by default), or one per pathway name. */
  readonly onEvent?: string | Readonly<Record<string, string>>;
  /** Name of an integer variable numbering the synapses of each pre/post pair (0, 1, …). */
  readonly multisynapticIndex?: string;
  /** Values of the external names the model, onPre/onPost and connect expressions use (Brian's `namespace`); default the run's namespace. */
  readonly namespace?: Namespace;
  /** Integration method of clock-driven equations: a name, a list to try, or `'auto'` (default). */
  readonly method?: string | readonly string[];
  /** Time step of the synapses' own clock (Brian's `dt`); default `defaultclock.dt`. */
  readonly dt?: Quantity;
  /** The clock to run on (Brian's `clock`), instead of `dt`. */
  readonly clock?: Clock;
  /** Order among objects in the same scheduling slot, lowest first (Brian's `order`; default 0). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `synapses`, `synapses_1`… */
  readonly name?: string;
}

/**
 * Connections between two groups with their own state and code (Brian's Synapses): synaptic
 * variables, `on_pre`/`on_post` statements that read and write pre- and postsynaptic variables,
 * delays, summed variables, clock- and event-driven plasticity.
 */
export class Synapses extends Group {
  // biome-ignore lint/suspicious/noExplicitAny: dynamic state-variable properties (`S.w`)
  [variable: string]: any;

  /** The presynaptic group (Brian's `S.source`). */
  readonly source: Group;
  /** The postsynaptic group (Brian's `S.target`). */
  readonly target: Group;
  /** The synaptic model's equations, parsed (Brian's `S.equations`). */
  readonly equations: Equations;
  /** @internal The equations after checks: variables with units, clock- and event-driven parts. */
  readonly analyzed: AnalyzedEquations;
  /** The integration method asked for clock-driven equations (a name, a list to try, or `'auto'`). */
  readonly method: string | readonly string[];
  /** Order among objects in the same scheduling slot (Brian's `order`). */
  readonly order: number;
  /** Name of the variable numbering the synapses of each pre/post pair, if asked for. */
  readonly multisynapticIndex?: string;
  /** The pathways (Brian's `S._pathways`): `pre`, `post` and named ones, each with its statements, delays and spike queue. */
  readonly pathways: SynapticPathway[] = [];
  /** @internal The runner that integrates the clock-driven equations each step. */
  readonly stateUpdater: StateUpdater;
  /** Stores the `(constant over dt)` subexpressions at the start of each step. */
  readonly subexpressionUpdater?: SubexpressionUpdater;
  /** @internal The runners that write `(summed)` variables into the target group each step. */
  readonly summedUpdaters: SummedVariableUpdater[] = [];
  /** Event-driven ODEs, integrated at each event from `lastupdate`. */
  readonly eventDriven: AnalyzedEquations['odes'];
  private readonly arrays: SynapseArrays;

  constructor(source: Group, target?: Group | SynapsesOptions, options?: SynapsesOptions) {
    const checked = checkSynapsesArgs(source, target, options);
    options = checked.options;
    const device = getDevice();
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : source.clock);
    super(uniqueName(options.name ?? 'synapses*'), clock, device, options.namespace);
    this.source = source;
    this.target = (checked.target as Group | undefined) ?? source;
    this.order = options.order ?? 0;
    this.method = options.method ?? 'auto';
    this.multisynapticIndex = options.multisynapticIndex;
    const model = options.model ?? '';
    this.equations = typeof model === 'string' ? new Equations(model) : model;
    checkFlags(this.equations.lines, SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS);
    this.analyzed = analyzeEquations(this.equations.lines);
    checkEventDrivenDependencies(this.name, this.analyzed);
    this.eventDriven = this.analyzed.odes.filter((e) => e.flags.has('event-driven'));

    this.arrays = new SynapseArrays(this, this.linkedIndices);
    this.arrays.createVariables();
    this.arrays.updateSize(() => this.N);
    this.stateUpdater = new StateUpdater(this, (flags) => !flags.has('event-driven'));
    if (this.analyzed.subexpressions.some((s) => s.flags.has('constant over dt'))) {
      this.subexpressionUpdater = new SubexpressionUpdater(this);
    }
    for (const eq of this.analyzed.subexpressions) {
      if (!eq.flags.has('summed')) continue;
      const updater = new SummedVariableUpdater(this, eq);
      const clash = this.summedUpdaters.find((u) => u.conflictsWith(updater));
      if (clash) {
        throw new BrianError(
          'bad_argument',
          `The summed variables ${clash.eq.name} and ${eq.name} of ${this.name} write the same variable ${updater.targetGroup.name}.${updater.targetName}.`,
          { span: eq.line.nameSpan },
        );
      }
      this.summedUpdaters.push(updater);
    }
    checkScopedSharedSubexpressions(this.name, this.analyzed.subexpressions, this.codeScope());
    for (const spec of pathwaySpecs(this.name, options)) {
      // As Brian: the source must generate the event now, not at the first run.
      eventSource(spec.prepost === 'pre' ? this.source : this.target, spec.event);
      // A delay given here is one value for all synapses (Brian's scalar delay, a one-element
      // dynamic array); otherwise one delay per synapse.
      const scalar = spec.delay !== undefined;
      const delayId = this.arrays.allocateDynamic(`${spec.name}_delay`, 'float', !scalar);
      if (scalar) this.device.append(delayId, Float64Array.of(spec.delay!));
      const pathway = new SynapticPathway(this, spec, delayId);
      this.arrays.addArrayVariable(pathway.delayVariable, delayId, {
        dim: second.dim,
        type: 'float',
        shared: scalar,
      });
      this.pathways.push(pathway);
    }
    this.exposeVariables();
    collect(this);
  }

  private connectCalled = false;
  /** Standalone: the number of synapses while every connect() gave explicit indices (so it is known). */
  private countedSynapses: number | undefined = 0;

  override get knownSize(): number | undefined {
    return this.device.inProcess ? this.N : this.countedSynapses;
  }

  /** Notes synapses created from explicit indices (their number is known before a standalone program runs). */
  countSynapses(added: number | undefined): void {
    this.countedSynapses =
      added === undefined || this.countedSynapses === undefined ? undefined : this.countedSynapses + added;
  }

  /** Whether connect() was called (Brian refuses runs and per-synapse writes before it). */
  get connected(): boolean {
    return this.connectCalled;
  }

  /** Number of synapses. */
  get N(): number {
    return (this.device.array(this.arrayId('_synaptic_pre')) as DynamicArray).length;
  }

  /** Brian's `N_incoming_post`: the number of synapses ending at each target neuron. */
  get N_incoming_post(): Int32Array {
    return this.perNeuronCount('N_incoming', this.target.N);
  }

  /** Brian's `N_outgoing_pre`: the number of synapses starting at each source neuron. */
  get N_outgoing_pre(): Int32Array {
    return this.perNeuronCount('N_outgoing', this.source.N);
  }

  private perNeuronCount(name: string, size: number): Int32Array {
    const counts = new Int32Array(size);
    const stored = this.device.values(this.arrayId(name));
    counts.set(stored.subarray(0, Math.min(size, stored.length)));
    return counts;
  }

  /** Size of the presynaptic group (Brian's `N_pre`, also usable in expressions). */
  get N_pre(): number {
    return this.source.N;
  }

  /** Size of the postsynaptic group (Brian's `N_post`). */
  get N_post(): number {
    return this.target.N;
  }

  /** @internal The device array id of this object's variable `name` (`synapses_w`). */
  arrayId(name: string): string {
    return `${this.storage}_${name}`;
  }

  /** The pathway called `name` ('pre', 'post' or a name given in an onPre/onPost record). */
  pathway(name: string): SynapticPathway {
    const p = this.pathways.find((q) => q.pathwayName === name);
    if (!p) throw new BrianError('bad_argument', `${this.name} has no pathway "${name}".`);
    return p;
  }

  /** The pre pathway (Brian's `S.pre`). */
  get pre(): SynapticPathway {
    return this.pathway('pre');
  }

  /** The post pathway (Brian's `S.post`), run on postsynaptic spikes. */
  get post(): SynapticPathway {
    return this.pathway('post');
  }

  runners(): readonly Runner[] {
    const list: Runner[] = [
      ...(this.subexpressionUpdater ? [this.subexpressionUpdater] : []),
      ...this.summedUpdaters,
    ];
    if (this.stateUpdater.odeCount() > 0) list.push(this.stateUpdater);
    list.push(...this.pathways, ...this.regularRunners);
    return list;
  }

  stateArrays(): readonly string[] {
    return this.arrays.own;
  }

  override dependencies() {
    return [this.source, this.target];
  }

  /** Spikes in flight in each pathway's queue. */
  override saveState(): unknown {
    return this.pathways.map((p) => p.queueState());
  }

  /** Puts back the spikes in flight saved by {@link saveState} (restore()). */
  override loadState(state: unknown): void {
    const states = (state as ReturnType<SynapticPathway['queueState']>[] | undefined) ?? [];
    for (const [k, p] of this.pathways.entries()) p.setQueueState(states[k]);
  }

  /**
   * Creates synapses (Brian's `connect`): all-to-all by default; with `condition`, `p`
   * (number or expression), `n`; with explicit `i`/`j` arrays; or with `j`/`i` given as an
   * expression or generator (`'k for k in range(i-3, i+4) if k != i'`, `sample(N_post, p=0.1)`).
   * Repeated calls add synapses.
   */
  connect(options: ConnectOptions | boolean | string = {}, ...rest: unknown[]): void {
    this.connectCalled = true;
    try {
      connectSynapses(this, checkConnectArgs(options, rest[0]));
    } catch (e) {
      if (e instanceof BrianError) throw e.withCreationSite(this.createdAt);
      throw e;
    }
    this.afterConnect();
  }

  override get dynamicSize(): string {
    return this.arrayId('_synaptic_pre');
  }

  /** Index `i` (source) and `j` (target) of every synapse. */
  get i(): Int32Array {
    return this.checkedIndices('_synaptic_pre', 'i');
  }

  /** Postsynaptic (target) index `j` of every synapse, in synapse order (Brian's `S.j`). */
  get j(): Int32Array {
    return this.checkedIndices('_synaptic_post', 'j');
  }

  private checkedIndices(array: string, what: string): Int32Array {
    return checkedArray(
      this.device.values(this.arrayId(array)) as Int32Array,
      (k, n) => `${this.name}.${what}[${k}] is out of range: ${this.name} has ${n} synapses.`,
    );
  }

  // --- source and target variables seen per synapse (`S.v_pre`, `S.v_post`, `S.v`) ---------

  /** A variable of the synapses, or of the source or target seen per synapse (`v_pre`, `v_post`, `v`). */
  override variable(name: string): Variable {
    return prePostVariable(this, name)?.variable ?? super.variable(name);
  }

  override isUserVariable(name: string): boolean {
    return super.isUserVariable(name) || prePostVariable(this, name) !== undefined;
  }

  override rawValues(name: string, where?: Where): TypedArray {
    const ref = prePostVariable(this, name);
    return ref ? prePostValues(this, name, ref, where) : super.rawValues(name, where);
  }

  override setState(
    name: string,
    value: SettableValue | LinkedVariable,
    where?: Where,
    namespace?: Namespace,
    options: { units?: boolean } = {},
  ): void {
    const ref = prePostVariable(this, name);
    const own = this.variables.get(name);
    if (!this.connectCalled && (ref || own?.kind === 'array')) {
      throw new BrianError(
        'not_connected',
        `Cannot write to the synaptic variable ${this.name}.${name} before connect().`,
        {
          hint: `call ${this.name}.connect(…) first: before it there are no synapses to set`,
        },
      );
    }
    if (ref && !(value instanceof LinkedVariable)) setPrePost(this, name, ref, value, where, namespace);
    else super.setState(name, value, where, namespace, options);
  }

  /** Brian's check at run(): two Synapses objects may not sum into the same elements of a variable. */
  override checkAgainst(earlier: readonly BrianObject[]): void {
    for (const other of earlier) {
      if (!(other instanceof Synapses)) continue;
      for (const mine of this.summedUpdaters) {
        const clash = other.summedUpdaters.find((u) => u.conflictsWith(mine));
        if (!clash) continue;
        throw new BrianError(
          'summed_variable_conflict',
          `The summed variables of ${other.name} and ${this.name} both write ${mine.targetName} of ` +
            `${clash.targetGroup === mine.targetGroup ? mine.targetGroup.name : `the overlapping groups ${clash.targetGroup.name} and ${mine.targetGroup.name}`}.`,
          { hint: 'sum into separate variables of the target group and add them up there' },
        ).withCreationSite(this.createdAt);
      }
    }
  }

  /** Pathways by name (Brian's `S.pre1`), beside the variables. */
  protected override extraAttribute(name: string): unknown {
    return this.pathways.find((p) => p.pathwayName === name) ?? MISSING;
  }

  /** Runs `name = expression` for the selected synapses (writing through their pre/post index). */
  setThroughSynapses(
    name: string,
    expression: string,
    where: Where | undefined,
    namespace?: Namespace,
  ): void {
    this.runSetter(name, expression, expression, where, namespace);
  }

  /**
   * Some synapses (Brian's `S[i, j, k]`): those from source neurons `i` to target neurons `j`
   * with multisynaptic number `k` (numbers, lists, `undefined` for all), or those meeting a
   * condition (`S.at('w > 0')`). An index for `S.w.get(…)`, `StateMonitor`'s `record`, `M.at(…)`.
   */
  at(...index: (Where | undefined)[]): SynapticSubgroup {
    return this.select(...index);
  }

  override select(...index: (Where | undefined)[]): SynapticSubgroup {
    return new SynapticSubgroup(this, synapseNumbers(this, index), index.filter(isGroup));
  }

  // --- variables and scopes ------------------------------------------------------------------

  override codeScope(runNamespace?: Namespace, extra?: Namespace): Scope {
    const table = new Map<string, Resolved>();
    const ns = extra ? { ...(this.namespace ?? {}), ...extra } : this.namespace;
    const scope = chainWithExternals(table, ns, runNamespace, this.name);
    for (const [name, variable] of this.variables) {
      table.set(name, { kind: 'variable', variable, index: this.indexOf(name, variable), scope });
    }
    const preSteps = [
      { kind: 'lookup' as const, arrayId: this.arrayId('_synaptic_pre'), dynamic: true },
      ...(this.source.start ? [{ kind: 'offset' as const, by: this.source.start }] : []),
    ];
    const postSteps = [
      { kind: 'lookup' as const, arrayId: this.arrayId('_synaptic_post'), dynamic: true },
      ...(this.target.start ? [{ kind: 'offset' as const, by: this.target.start }] : []),
    ];
    const self = () => scope;
    viewEntries(this.source, (n) => `${n}_pre`, throughIndex('_idx', preSteps), table, self);
    viewEntries(this.target, (n) => `${n}_post`, throughIndex('_idx', postSteps), table, self);
    viewEntries(
      this.target,
      (n) => (n.endsWith('_pre') || n.endsWith('_post') ? undefined : n),
      throughIndex('_idx', postSteps),
      table,
      self,
    );
    return scope;
  }

  /** Grows every per-synapse array to the new count and recomputes the derived indices. */
  private afterConnect(): void {
    const targetSize = elementCount(this.target);
    this.device.synapsesConnected({
      pre: this.arrayId('_synaptic_pre'),
      post: this.arrayId('_synaptic_post'),
      sourceSize: elementCount(this.source),
      targetSize,
      targetStart: this.target.start,
      // Synapses as the target on a standalone device: the program knows their number.
      targetStorageSize:
        typeof targetSize === 'number' ? this.target.storageSize() : elementCount(this.target.root),
      count: this.arrayId('N'),
      perSynapse: this.arrays.perSynapse.map((arrayId) => ({
        arrayId,
        fill: 0,
      })),
      nIncoming: this.arrayId('N_incoming'),
      nOutgoing: this.arrayId('N_outgoing'),
      multisynapticIndex: this.multisynapticIndex ? this.arrayId(this.multisynapticIndex) : undefined,
    });
    this.arrays.updateSize(() => this.N);
  }
}
