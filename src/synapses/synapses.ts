import { checkFlags, SYNAPSES_FLAGS, SYNAPSES_INCOMPATIBLE_FLAGS } from '../compiler/1-parse/flags.ts';
import { type AnalyzedEquations, analyzeEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Resolved, Scope } from '../compiler/2-analyze/scope.ts';
import { checkedArray } from '../core/checked-array.ts';
import { Equations } from '../core/equations.ts';
import type { ArrayVariable } from '../core/variables.ts';
import { getDevice } from '../devices/active.ts';
import type { DynamicArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Group } from '../groups/group.ts';
import { StateUpdater } from '../groups/runners/state-updater.ts';
import { MISSING } from '../network/attribute-access.ts';
import type { Runner } from '../network/brian-object.ts';
import { Clock } from '../network/clock.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { checkConnectArgs, checkSynapsesArgs } from '../validation/synapse-options.ts';
import { type ConnectOptions, connectSynapses } from './connect.ts';
import { SynapticPathway } from './pathway.ts';
import { SummedVariableUpdater } from './summed-variable.ts';
import { chainWithExternals, throughIndex, viewEntries } from './synapse-scope.ts';

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
  /** @internal The runners that write `(summed)` variables into the target group each step. */
  readonly summedUpdaters: SummedVariableUpdater[] = [];
  /** Event-driven ODEs, integrated at each event from `lastupdate`. */
  readonly eventDriven: AnalyzedEquations['odes'];
  private readonly ownArrays: string[] = [];
  /** Ids of the dynamic arrays holding one value per synapse (resized at each connect). */
  private readonly perSynapseArrays: string[] = [];

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
    this.eventDriven = this.analyzed.odes.filter((e) => e.flags.has('event-driven'));

    this.createVariables();
    this.stateUpdater = new StateUpdater(this, (flags) => !flags.has('event-driven'));
    for (const eq of this.analyzed.subexpressions) {
      if (eq.flags.has('summed')) this.summedUpdaters.push(new SummedVariableUpdater(this, eq));
    }
    this.addPathways('pre', options.onPre, options.delay);
    this.addPathways('post', options.onPost, options.delay);
    this.exposeVariables();
    collect(this);
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
    const list: Runner[] = [...this.summedUpdaters];
    if (this.stateUpdater.odeCount() > 0) list.push(this.stateUpdater);
    list.push(...this.pathways, ...this.regularRunners);
    return list;
  }

  stateArrays(): readonly string[] {
    return this.ownArrays;
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

  /**
   * `S.v_pre`, `S.v_post`, `S.v` for variables of the source or target read through the
   * synapses: not available as attributes yet (a coded error that says how to read them).
   */
  protected override extraAttribute(name: string): unknown {
    const m = /^(.*)_(pre|post)$/.exec(name);
    const [stem, side] = m ? [m[1], m[2]] : [name, 'post'];
    const group = side === 'pre' ? this.source : this.target;
    if (group.isUserVariable(stem)) {
      const index = side === 'pre' ? 'i' : 'j';
      throw new BrianError(
        'unknown_variable',
        `${this.name}.${name}: reading a ${side}synaptic variable through the synapses is not available as an attribute yet.`,
        { hint: `read ${group.name}.${stem}_[${this.name}.${index}[k]] for synapse k` },
      );
    }
    return MISSING;
  }

  /** Synapse indices from pre index `i` to post index `j` (Brian's `S.w[i, j]` selection). */
  synapseIndices(i?: number | ArrayLike<number>, j?: number | ArrayLike<number>): Int32Array {
    const pre = this.device.values(this.arrayId('_synaptic_pre')) as Int32Array;
    const post = this.device.values(this.arrayId('_synaptic_post')) as Int32Array;
    const is = i === undefined ? undefined : new Set(typeof i === 'number' ? [i] : Array.from(i));
    const js = j === undefined ? undefined : new Set(typeof j === 'number' ? [j] : Array.from(j));
    const out: number[] = [];
    for (let s = 0; s < pre.length; s++) {
      if ((!is || is.has(pre[s])) && (!js || js.has(post[s]))) out.push(s);
    }
    return Int32Array.from(out);
  }

  /** Values of `name` for the synapses from `i` to `j` (Brian's `S.w[i, j]`). */
  at(name: string, i?: number | ArrayLike<number>, j?: number | ArrayLike<number>) {
    return this.state(name).get(this.synapseIndices(i, j));
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

  /** A growing array of this object; `perSynapse`: one element per synapse (grown at connect). */
  private allocateDynamic(name: string, type: ArrayVariable['type'], perSynapse = true): string {
    const id = this.arrayId(name);
    this.device.allocateDynamic(id, type);
    this.ownArrays.push(id);
    if (perSynapse) this.perSynapseArrays.push(id);
    return id;
  }

  private addArrayVariable(
    name: string,
    arrayId: string,
    v: Partial<ArrayVariable> & Pick<ArrayVariable, 'dim' | 'type'>,
  ): void {
    this.variables.set(name, {
      kind: 'array',
      name,
      arrayId,
      shared: false,
      constant: false,
      readOnly: false,
      dynamic: true,
      ...v,
    });
  }

  private createVariables(): void {
    const pre = this.allocateDynamic('_synaptic_pre', 'integer');
    const post = this.allocateDynamic('_synaptic_post', 'integer');
    this.addArrayVariable('_synaptic_pre', pre, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('_synaptic_post', post, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('i', pre, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('j', post, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    // As in Brian, one count per neuron (not per synapse: 8 B per synapse saved), read by a
    // synapse through its post- or presynaptic index.
    for (const [name, through] of [
      ['N_incoming', '_synaptic_post'],
      ['N_outgoing', '_synaptic_pre'],
    ] as const) {
      this.addArrayVariable(name, this.allocateDynamic(name, 'integer', false), {
        dim: DIMENSIONLESS,
        type: 'integer',
        readOnly: true,
      });
      this.linkedIndices.set(name, {
        kind: 'element',
        base: '_idx',
        steps: [{ kind: 'lookup', arrayId: this.arrayId(through), dynamic: true }],
      });
    }
    if (this.multisynapticIndex) {
      this.addArrayVariable(
        this.multisynapticIndex,
        this.allocateDynamic(this.multisynapticIndex, 'integer'),
        {
          dim: DIMENSIONLESS,
          type: 'integer',
          readOnly: true,
        },
      );
    }
    for (const eq of [...this.analyzed.odes, ...this.analyzed.parameters]) {
      for (const n of [this.source, this.target]) {
        if (n.variables.has(eq.name) && eq.name !== 'lastupdate' && !eq.name.startsWith('_')) {
          throw new BrianError(
            'equation_duplicate_variable',
            `The synaptic variable "${eq.name}" has the same name as a variable of ${n.name}; rename it (e.g. ${eq.name}_syn).`,
            { span: eq.line.nameSpan },
          );
        }
      }
      const shared = eq.flags.has('shared');
      let id: string;
      if (shared) {
        id = this.arrayId(eq.name);
        this.device.allocate(id, eq.type, 1);
        this.ownArrays.push(id);
      } else {
        id = this.allocateDynamic(eq.name, eq.type);
      }
      this.addArrayVariable(eq.name, id, {
        dim: eq.dim,
        type: eq.type,
        shared,
        dynamic: !shared,
        constant: eq.flags.has('constant'),
      });
    }
    for (const eq of this.analyzed.subexpressions) {
      const name = eq.flags.has('summed') ? `_summed_${eq.name}` : eq.name;
      this.variables.set(name, {
        kind: 'subexpression',
        name,
        expr: eq.line.expr!,
        dim: eq.dim,
        type: eq.type,
        shared: eq.flags.has('shared'),
        span: eq.line.span,
      });
    }
    if (this.eventDriven.length > 0 && !this.variables.has('lastupdate')) {
      this.addArrayVariable('lastupdate', this.allocateDynamic('lastupdate', 'float'), {
        dim: second.dim,
        type: 'float',
      });
    }
    this.variables.set('t', { kind: 'auxiliary', name: 't', dim: second.dim, type: 'float', shared: true });
    this.variables.set('dt', { kind: 'auxiliary', name: 'dt', dim: second.dim, type: 'float', shared: true });
    this.variables.set('t_in_timesteps', {
      kind: 'auxiliary',
      name: '_timestep',
      dim: DIMENSIONLESS,
      type: 'integer',
      shared: true,
    });
    this.variables.set('N_pre', {
      kind: 'constant',
      name: 'N_pre',
      value: this.source.N,
      dim: DIMENSIONLESS,
      type: 'integer',
    });
    this.variables.set('N_post', {
      kind: 'constant',
      name: 'N_post',
      value: this.target.N,
      dim: DIMENSIONLESS,
      type: 'integer',
    });
    this.updateSize();
  }

  private addPathways(
    prepost: 'pre' | 'post',
    code: string | Readonly<Record<string, string>> | undefined,
    delay: SynapsesOptions['delay'],
  ): void {
    if (code === undefined) return;
    const entries = typeof code === 'string' ? [[prepost, code] as const] : Object.entries(code);
    for (const [name, statements] of entries) {
      const d =
        delay === undefined
          ? undefined
          : 'value' in delay
            ? name === 'pre'
              ? (delay as Quantity)
              : undefined
            : (delay as Record<string, Quantity>)[name];
      if (d !== undefined && d.dim !== second.dim) {
        throw new BrianError('dimension_mismatch', `The delay of pathway ${name} must be a time, got ${d}.`);
      }
      const delayId = this.allocateDynamic(`${name}_delay`, 'float');
      const delayVar =
        name === 'pre' || (prepost === 'pre' && !this.variables.has('delay')) ? 'delay' : `${name}_delay`;
      this.addArrayVariable(delayVar, delayId, { dim: second.dim, type: 'float' });
      this.pathways.push(new SynapticPathway(this, name, prepost, statements, delayId, d?.value ?? 0));
    }
  }

  private updateSize(): void {
    // On a standalone device the number of synapses is only known inside the compiled program.
    if (!this.device.inProcess) return;
    this.variables.set('N', {
      kind: 'constant',
      name: 'N',
      value: this.N,
      dim: DIMENSIONLESS,
      type: 'integer',
    });
  }

  /** Grows every per-synapse array to the new count and recomputes the derived indices. */
  private afterConnect(): void {
    this.device.synapsesConnected({
      pre: this.arrayId('_synaptic_pre'),
      post: this.arrayId('_synaptic_post'),
      sourceSize: this.source.N,
      targetSize: this.target.N,
      targetStart: this.target.start,
      targetStorageSize: this.target.storageSize(),
      perSynapse: this.perSynapseArrays.map((arrayId) => ({
        arrayId,
        fill: this.pathways.find((p) => p.delayArrayId === arrayId)?.defaultDelay ?? 0,
      })),
      nIncoming: this.arrayId('N_incoming'),
      nOutgoing: this.arrayId('N_outgoing'),
      multisynapticIndex: this.multisynapticIndex ? this.arrayId(this.multisynapticIndex) : undefined,
    });
    this.updateSize();
  }
}
