import { ExternalScope, type Namespace } from '../compiler/2-analyze/external-scope.ts';
import {
  ChainScope,
  type IndexRef,
  OWN_INDEX,
  type Resolved,
  type Scope,
  SHARED_INDEX,
  TableScope,
} from '../compiler/2-analyze/scope.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { checkedArray } from '../core/checked-array.ts';
import type { Variable } from '../core/variables.ts';
import type { Device } from '../devices/device.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import { MISSING, type NamedContents } from '../network/attribute-access.ts';
import { BrianObject, type Runner } from '../network/brian-object.ts';
import type { BaseClock } from '../network/clock.ts';
import { storageKey } from '../network/names.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { checkRunRegularlyArgs } from '../validation/group-options.ts';
import type { SettableValue } from './assign-values.ts';
import { indexVariables, timeVariables, USER_AUXILIARIES } from './auxiliary-variables.ts';
import { absoluteIndices, indicesWhere, rawValues } from './element-selection.ts';
import { type GetStatesOptions, getStates, type StateValue, setStates } from './group-states.ts';
import { LinkedVariable, resolveLink, scopeThrough } from './linked-var.ts';
import { resolveAll } from './resolve-all.ts';
import { evaluateToBuffer } from './run-once.ts';
import {
  RegularRunner,
  type RunAtOptions,
  type RunRegularlyOptions,
  runAtOptions,
} from './runners/regular-runner.ts';
import type { ElementIndex, Selection } from './selection.ts';
import { setVariable } from './set-variable.ts';
import { makeVariableView, type VariableView } from './variable-view.ts';

/**
 * Which elements of a group: a string condition, element numbers, a selection (Brian's
 * `S[i, j, k]`), or a subgroup of the same storage.
 */
export { SKELETON_LOCALS } from './auxiliary-variables.ts';

export type Where = string | ElementIndex | Group;

/** Brian's `G.indices`. */
export interface GroupIndices {
  /** Brian's `G.indices[:]`: the storage indices of all the group's elements (a subgroup's are its parent's). */
  (): Int32Array;
  /**
   * Brian's `G.indices[where]`: element numbers or a subgroup give storage indices (as `G.indices()`),
   * a string condition gives indices inside the group (Brian 2.5.1 does both).
   */
  get(where?: Where, namespace?: Namespace): Int32Array;
}

/**
 * Common ground of everything with state variables (NeuronGroup, Subgroup, Synapses, monitors'
 * sources): the variable table, name resolution for its code, and state access `G.v` with
 * Brian's getters and setters (quantities, arrays, string expressions, conditions).
 */
export abstract class Group extends BrianObject {
  /** Variables users can read by name, and that code of this group can use. */
  readonly variables: Map<string, Variable>;
  /** The group's own namespace for external names (Brian's `namespace=`). */
  readonly namespace?: Namespace;
  /** Prefix of the group's device arrays: unique on its device even where names repeat. */
  override readonly storage: string;

  constructor(
    name: string,
    clock: BaseClock,
    /** @internal The device that holds the group's arrays and runs its kernels. */
    readonly device: Device,
    namespace: Namespace | undefined,
    variables: Map<string, Variable> = new Map(),
  ) {
    super(name, clock);
    for (const key of Object.keys(namespace ?? {})) {
      if (key.startsWith('_')) {
        throw new BrianError(
          'invalid_identifier',
          `The namespace of ${name} defines "${key}": names starting with an underscore are reserved for internal use.`,
        );
      }
    }
    this.namespace = namespace;
    this.variables = variables;
    this.storage = storageKey(device, name);
  }

  /** Code run every `dt` on all elements (`runRegularly`), scheduled with this group. */
  readonly regularRunners: Runner[] = [];

  /**
   * Runs statements on every element at regular intervals (Brian's `run_regularly`), by default
   * at the start of each step of the group's clock.
   */
  runRegularly(code: string, options: RunRegularlyOptions = {}): Runner {
    const runner = new RegularRunner(this, code, checkRunRegularlyArgs(code, options));
    this.regularRunners.push(runner);
    // A subgroup's operation runs whenever its parent does, even without a reference to the
    // subgroup (Brian adds the subgroup to its source's contained objects, github issue #922).
    const root = this.root;
    if (root !== this && !root.contained.includes(this)) root.contained.push(this);
    return runner;
  }

  /** Objects that run whenever this group runs (subgroups with their own operations). */
  private readonly contained: BrianObject[] = [];

  override containedObjects(): readonly BrianObject[] {
    return this.contained;
  }

  /** Runs statements on every element at the given times (Brian 2.10's `run_at`; an EventClock of them), in slot `start` by default. */
  runAt(code: string, times: QuantityArray | readonly Quantity[], options: RunAtOptions = {}): Runner {
    return this.runRegularly(code, runAtOptions(this, times, options));
  }

  /** Set once the variables are exposed: assigning unknown names is then an error. */
  protected sealed = false;

  /** Number of elements. */
  abstract get N(): number;

  /** First element of this group in the storage it shares with its parent (0 unless a subgroup). */
  get start(): number {
    return 0;
  }

  /** Absolute range of the group's elements in its storage. */
  get stop(): number {
    return this.start + this.N;
  }

  /**
   * The number of elements as far as this process knows it: N, or undefined for synapses whose
   * number only a standalone program knows.
   */
  get knownSize(): number | undefined {
    return this.dynamicSize !== undefined && !this.device.inProcess ? undefined : this.N;
  }

  /** For groups whose size changes (synapses): the dynamic array whose length is the size. */
  get dynamicSize(): string | undefined {
    return undefined;
  }

  /** Number of elements (neurons, synapses…): Brian's `len(G)`; 0 before a Synapses is connected. */
  get length(): number {
    return this.N;
  }

  /** The group whose storage this one uses: itself, or a subgroup's top-level parent. */
  get root(): Group {
    return this;
  }

  // --- name resolution ------------------------------------------------------------------------

  /**
   * The full scope for code of this group: its variables (`_idx` is the absolute element index),
   * then external names. Subexpressions are resolved in this same scope.
   */
  codeScope(runNamespace?: Namespace, extra?: Namespace): Scope {
    const external = new ExternalScope(
      extra ? { ...(this.namespace ?? {}), ...extra } : this.namespace,
      runNamespace,
      this.name,
    );
    const table = new Map<string, Resolved>();
    const scope = new ChainScope([new TableScope(table), external]);
    for (const [name, variable] of this.variables) {
      const own = this.linkedScopes.get(name)?.(runNamespace) ?? scope;
      table.set(name, { kind: 'variable', variable, index: this.indexOf(name, variable), scope: own });
    }
    return scope;
  }

  /**
   * What each name means in code of this group (Brian's `Group.resolve_all`): a variable, a
   * constant (units and namespace values) or a function; an unknown name is a coded error. For
   * the `userIdentifiers` (default: all), a name that is both a variable of the group and
   * defined outside gives the `resolution_conflict` warning.
   */
  resolveAll(
    identifiers: readonly string[],
    runNamespace: Namespace = {},
    userIdentifiers: readonly string[] = identifiers,
  ): Record<string, Resolved> {
    return resolveAll(this, identifiers, runNamespace, userIdentifiers);
  }

  /** One value for all elements: a shared variable, or a linked variable reading one element. */
  isScalarVariable(name: string, variable: Variable): boolean {
    return this.indexOf(name, variable).kind === 'shared';
  }

  /** Linked variables: how each one reaches its source's values (set by `linkedVar`). */
  protected readonly linkedIndices = new Map<string, IndexRef>();

  /** How this group's own kernels index variable `name` (`_idx`, shared, or a linked variable's index). */
  indexOf(name: string, variable: Variable): IndexRef {
    const linked = this.linkedIndices.get(name);
    if (linked) return linked;
    const shared = variable.kind !== 'constant' && variable.shared;
    return shared ? SHARED_INDEX : OWN_INDEX;
  }

  /** `i` (the element's index inside this group) and `N` (its size). */
  protected addIndexVariables(): void {
    for (const v of indexVariables(this.start, this.N)) this.variables.set(v.name, v);
  }

  /** `t`, `dt`, `t_in_timesteps`, then `i` and `N`. */
  protected addAuxiliaries(): void {
    for (const v of timeVariables())
      this.variables.set(v.name === '_timestep' ? 't_in_timesteps' : v.name, v);
    this.addIndexVariables();
  }

  // --- state access ---------------------------------------------------------------------------

  /** @internal The declaration of variable `name` (unit, type, storage); throws `unknown_variable` with the nearest names. */
  variable(name: string): Variable {
    const v = this.variables.get(name);
    if (!v || (v.kind === 'auxiliary' && !USER_AUXILIARIES.includes(name))) {
      throw new BrianError('unknown_variable', `${this.name} has no variable "${name}".`, {
        hint: unknownNameHint(
          name,
          this.userVariableNames().filter((n) => this.isUserVariable(n)),
          `variables of ${this.name}`,
        ),
      });
    }
    return v;
  }

  /** @internal The names of the group's variables, without the internal ones (`_spikespace`…), sorted. */
  userVariableNames(): string[] {
    return [...this.variables.keys()].filter((n) => !n.startsWith('_')).sort();
  }

  /** A view on variable `name` (what `G.v` returns). */
  state(name: string): VariableView {
    this.variable(name);
    return makeVariableView(this, name);
  }

  /**
   * Sets a variable as Brian's `G.v = value` / `G.v[where] = value`: `value` is a quantity, a
   * number (dimensionless variables), an array, or a string expression evaluated per element;
   * `where` a string condition, an index, or a list of indices. `{ units: false }`: a string value
   * is not checked for its dimension (Brian's raw setter `G.v_ = '…'`).
   */
  setState(
    name: string,
    value: SettableValue | LinkedVariable,
    where?: Where,
    namespace?: Namespace,
    options: { units?: boolean } = {},
  ): void {
    if (value instanceof LinkedVariable) {
      this.link(name, value);
      return;
    }
    if (this.linkedNames().includes(name)) {
      throw new BrianError(
        'read_only_variable',
        `Cannot set the linked variable ${this.name}.${name} directly.`,
        {
          hint: `link it to another variable: ${this.name}.${name} = linkedVar(G.x)`,
        },
      );
    }
    setVariable(this, name, value, where, namespace, options.units ?? true);
  }

  /**
   * Brian's `G.indices`: `G.indices()` (Brian's `G.indices[:]`) and `G.indices.get(where)` for a
   * condition (`'v > 5'`, external names from `namespace`), element numbers or a subgroup.
   */
  get indices(): GroupIndices {
    const all = () => Int32Array.from({ length: this.N }, (_, k) => this.start + k);
    return Object.assign(all, {
      get: (where?: Where, namespace?: Namespace) => {
        if (where === null)
          throw new BrianError('bad_argument', `${this.name}.indices cannot be indexed with null.`);
        const absolute = this.absoluteIndices(where, false, namespace);
        if (absolute === undefined) return all();
        return typeof where === 'string' ? absolute.map((k) => k - this.start) : absolute;
      },
    });
  }

  /**
   * Allows `G.name = value` for a name that is no variable (Brian's `add_attribute`): scripts
   * that want to keep their own data on a group say so first.
   */
  addAttribute(name: string): void {
    if (name in this || this.variables.has(name)) {
      throw new BrianError('bad_argument', `${this.name} already has an attribute or variable "${name}".`);
    }
    Object.defineProperty(this, name, {
      value: undefined,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }

  /**
   * The values of variables (Brian's `get_states`): `G.getStates(['v', 'x'])`, or every state
   * variable; with units (quantities) or raw SI values (`{ units: false }`).
   */
  getStates(names?: readonly string[], options: GetStatesOptions = {}): Record<string, StateValue> {
    return getStates(this, names, options);
  }

  /** Sets variables from `{ name: values }` (Brian's `set_states`), with units or raw (`{ units: false }`). */
  setStates(values: Readonly<Record<string, SettableValue>>, options: { units?: boolean } = {}): void {
    setStates(this, values, options);
  }

  /**
   * Sets a variable from raw SI values, without units (Brian's `G.v_ = …`): numbers, booleans or
   * arrays of them, for any variable; strings are model code, run without a dimension check.
   */
  setRawState(name: string, value: number | boolean | ArrayLike<number> | string, where?: Where): void {
    if (typeof value === 'string') {
      this.setState(name, value, where, undefined, { units: false });
      return;
    }
    const variable = this.variable(name);
    const dim = 'dim' in variable ? variable.dim : DIMENSIONLESS;
    const withUnits =
      typeof value === 'number' || typeof value === 'boolean'
        ? new Quantity(Number(value), dim)
        : new QuantityArray(Float64Array.from(value, Number), dim);
    this.setState(name, withUnits, where);
  }

  /** Names declared `(linked)` in the model, which must be linked before a run. */
  protected linkedNames(): readonly string[] {
    return [];
  }

  /** Makes `(linked)` parameter `name` a view of another group's variable or subexpression. */
  link(name: string, link: LinkedVariable): void {
    if (!this.linkedNames().includes(name)) {
      throw new BrianError('bad_argument', `${this.name}.${name} is not declared as a (linked) variable.`, {
        hint: `declare it as "${name} : <unit> (linked)"`,
      });
    }
    const resolved = resolveLink(this, name, link, this.linkedDimension(name));
    this.linkedIndices.set(name, resolved.index);
    if (resolved.scope) this.linkedScopes.set(name, resolved.scope);
    else this.linkedScopes.delete(name);
    this.variables.set(name, resolved.variable);
  }

  /** Linked subexpressions: the scope their definition is read in (the source's names through the link). */
  readonly linkedScopes = new Map<string, (runNamespace?: Namespace) => Scope>();

  /**
   * This group's names seen from elements of another group, each element reading element
   * `toSource` of this one (a linked subexpression is computed there).
   */
  scopeThrough(toSource: IndexRef, runNamespace?: Namespace): Scope {
    return scopeThrough(this, toSource, runNamespace);
  }

  /** Declared dimension of a linked parameter. */
  protected linkedDimension(_name: string): Dimension | undefined {
    return undefined;
  }

  /** Raw SI values of a variable (for subexpressions, computed now). A copy for subgroups. */
  rawValues(name: string, where?: Where, namespace?: Namespace): TypedArray {
    return rawValues(this, name, where, namespace);
  }

  /**
   * Absolute element indices selected by `where` (a condition, element numbers, or a subgroup of
   * the same storage), or undefined for all the elements of the storage. A subgroup's "all" is
   * its own range, never its parent's.
   */
  absoluteIndices(where: Where | undefined, shared: boolean, namespace?: Namespace): Int32Array | undefined {
    return absoluteIndices(this, where, shared, namespace);
  }

  /**
   * The elements at a multi-dimensional index (Brian's `S[i, j, k]` on Synapses). Groups of
   * neurons have one dimension: index them with element numbers or a condition.
   */
  select(..._index: (Where | undefined)[]): Selection {
    throw new BrianError('bad_argument', `${this.name} has one index per element, not (i, j, k) pairs.`, {
      hint: 'index it with element numbers, a list of them or a string condition',
    });
  }

  /** Absolute indices of the elements for which `condition` is true. */
  indicesWhere(condition: string, namespace?: Namespace): Int32Array {
    return indicesWhere(this, condition, namespace);
  }

  /** Values of any expression over this group's variables for all its elements, in a buffer of the parent's size. */
  evaluateToBuffer(exprText: string, asCondition = false, namespace?: Namespace): TypedArray {
    return evaluateToBuffer(this, exprText, asCondition, namespace);
  }

  /** Size of the storage this group's arrays live in (the parent's size for subgroups). */
  storageSize(): number {
    return this.stop;
  }

  /** Compiles `kernel` and runs it once, now (setters, getters). */
  runOnce(kernel: Kernel): void {
    const fn = this.device.compile(kernel, 'once');
    fn(this.clock.t_, this.clock.dt_, this.clock.timestep);
  }

  /**
   * Makes `G.v` (view and setter) and `G.v_` (raw values) work for every user variable, and
   * unknown names errors: called by subclasses once their variables exist.
   */
  protected exposeVariables(): void {
    this.sealed = true;
    this.exposeAttributes();
  }

  /** `G.v`, `G.v_`, `G.v = …` (see network/attribute-access.ts). */
  protected override namedContents(): NamedContents {
    const group = this;
    return {
      ready: this.sealed,
      what: 'variables',
      owner: this.name,
      names: () => group.userVariableNames().filter((n) => group.isUserVariable(n)),
      read(name) {
        if (group.isUserVariable(name)) return group.state(name);
        const stem = name.slice(0, -1);
        if (name.endsWith('_') && group.isUserVariable(stem)) {
          return checkedArray(
            group.rawValues(stem),
            (k, n) => `${group.name}.${name}[${k}] is out of range: ${group.name}.${stem} has ${n} values.`,
          );
        }
        if (group.linkedNames().includes(name)) {
          throw new BrianError(
            'bad_argument',
            `Linked variable ${group.name}.${name} has not been linked yet.`,
            {
              hint: `${group.name}.${name} = linkedVar(otherGroup, '${name}')`,
            },
          );
        }
        return group.extraAttribute(name);
      },
      write(name, value) {
        const stem = name.slice(0, -1);
        if (name.endsWith('_') && group.isUserVariable(stem)) {
          // Brian's `G.v_ = …`: raw SI values, without units.
          group.setRawState(stem, value as number | boolean | ArrayLike<number>);
          return true;
        }
        if (!group.isUserVariable(name) && !group.linkedNames().includes(name)) return false;
        group.setState(name, value as SettableValue | LinkedVariable);
        return true;
      },
    };
  }

  /** Whether `name` is a variable users can read as `G.name` (not internal, not an auxiliary of kernels). */
  isUserVariable(name: string): boolean {
    const v = this.variables.get(name);
    return (
      v !== undefined &&
      !name.startsWith('_') &&
      !(v.kind === 'auxiliary' && !USER_AUXILIARIES.includes(name))
    );
  }

  /** Attributes beyond the variables (a subclass's, e.g. synapses' `v_pre`); MISSING when none. */
  protected extraAttribute(_name: string): unknown {
    return MISSING;
  }
}
