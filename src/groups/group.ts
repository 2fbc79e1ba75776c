import type { Statement } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
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
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { CodeBlock, Kernel } from '../compiler/ir/kernel.ts';
import type { AuxiliaryVariable, Variable } from '../core/variables.ts';
import type { Device } from '../devices/device.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { BrianObject, type Runner } from '../network/brian-object.ts';
import type { Clock } from '../network/clock.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { assignValues, type SettableValue } from './assign-values.ts';
import { LinkedVariable, linkedIndex } from './linked-var.ts';
import { RegularRunner, type RunRegularlyOptions } from './runners/regular-runner.ts';
import { makeVariableView, type VariableView } from './variable-view.ts';

/** Locals every kernel skeleton provides. */
export const SKELETON_LOCALS = new Map([
  ['t', 'float'],
  ['dt', 'float'],
  ['_timestep', 'integer'],
  ['_idx', 'integer'],
] as const);

/**
 * Common ground of everything with state variables (NeuronGroup, Subgroup, Synapses, monitors'
 * sources): the variable table, name resolution for its code, and state access `G.v` with
 * Brian's getters and setters (quantities, arrays, string expressions, conditions).
 */
export abstract class Group extends BrianObject {
  /** Variables users can read by name, and that code of this group can use. */
  readonly variables = new Map<string, Variable>();
  /** The group's own namespace for external names (Brian's `namespace=`). */
  readonly namespace?: Namespace;

  constructor(
    name: string,
    clock: Clock,
    readonly device: Device,
    namespace: Namespace | undefined,
  ) {
    super(name, clock);
    this.namespace = namespace;
    // `G.foo = 3` for a name that is not a variable is a mistake Brian reports; JS would
    // silently create a property. Once the subclass has exposed its variables (`sealed`),
    // unknown names are refused.
    // biome-ignore lint/correctness/noConstructorReturn: the proxy guards state-variable assignment
    return new Proxy(this, {
      set(target, key, value, receiver) {
        if (
          typeof key === 'string' &&
          target.sealed &&
          target.linkedNames().includes(key) &&
          !(key in target)
        ) {
          target.setState(key, value);
          return true;
        }
        if (target.sealed && typeof key === 'string' && !key.startsWith('_') && !(key in target)) {
          throw new BrianError(
            'unknown_variable',
            `Could not find a state variable with name "${key}" in ${target.name}.`,
            {
              hint: `its variables are: ${target.userVariableNames().join(', ')}`,
            },
          );
        }
        return Reflect.set(target, key, value, receiver);
      },
    });
  }

  /** Code run every `dt` on all elements (`runRegularly`), scheduled with this group. */
  readonly regularRunners: Runner[] = [];

  /**
   * Runs statements on every element at regular intervals (Brian's `run_regularly`), by default
   * at the start of each step of the group's clock.
   */
  runRegularly(code: string, options: RunRegularlyOptions = {}): Runner {
    const runner = new RegularRunner(this, code, options);
    this.regularRunners.push(runner);
    return runner;
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

  /** For groups whose size changes (synapses): the dynamic array whose length is the size. */
  get dynamicSize(): string | undefined {
    return undefined;
  }

  get length(): number {
    return this.N;
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
      table.set(name, { kind: 'variable', variable, index: this.indexOf(name, variable), scope });
    }
    return scope;
  }

  /** Linked variables: how each one reaches its source's values (set by `linkedVar`). */
  protected readonly linkedIndices = new Map<string, IndexRef>();

  /** How this group's own kernels index variable `name` (`_idx`, shared, or a linked variable's index). */
  indexOf(name: string, variable: Variable): IndexRef {
    const linked = this.linkedIndices.get(name);
    if (linked) return linked;
    const shared =
      variable.kind === 'array' ? variable.shared : variable.kind === 'subexpression' && variable.shared;
    return shared ? SHARED_INDEX : OWN_INDEX;
  }

  protected addAuxiliaries(): void {
    const aux = (
      name: string,
      dim = second.dim,
      type: AuxiliaryVariable['type'] = 'float',
    ): AuxiliaryVariable => ({
      kind: 'auxiliary',
      name,
      dim,
      type,
      shared: true,
    });
    this.variables.set('t', aux('t'));
    this.variables.set('dt', aux('dt'));
    this.variables.set('t_in_timesteps', aux('_timestep', DIMENSIONLESS, 'integer'));
    this.variables.set('i', {
      kind: 'auxiliary',
      name: 'i',
      dim: DIMENSIONLESS,
      type: 'integer',
      shared: false,
      offset: this.start,
    });
    this.variables.set('N', {
      kind: 'constant',
      name: 'N',
      value: this.N,
      dim: DIMENSIONLESS,
      type: 'integer',
    });
  }

  // --- state access ---------------------------------------------------------------------------

  variable(name: string): Variable {
    const v = this.variables.get(name);
    if (!v || (v.kind === 'auxiliary' && !['i', 't', 'dt'].includes(name))) {
      throw new BrianError('unknown_variable', `${this.name} has no variable "${name}".`, {
        hint: `its variables are: ${this.userVariableNames().join(', ')}`,
      });
    }
    return v;
  }

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
   * `where` a string condition, an index, or a list of indices.
   */
  setState(
    name: string,
    value: SettableValue | LinkedVariable,
    where?: string | number | ArrayLike<number>,
    namespace?: Namespace,
  ): void {
    if (value instanceof LinkedVariable) {
      this.link(name, value);
      return;
    }
    const variable = this.variable(name);
    if (typeof value === 'string' || typeof where === 'string') {
      this.runSetter(name, typeof value === 'string' ? value : undefined, value, where, namespace);
      return;
    }
    if (variable.kind !== 'array' || variable.readOnly) {
      throw new BrianError('read_only_variable', `Variable "${name}" of ${this.name} cannot be set.`);
    }
    const indices = this.absoluteIndices(where, variable.shared);
    this.device.assign(variable.arrayId, indices, value, (data) =>
      assignValues(this.name, name, variable, data, indices, value),
    );
  }

  /** Names declared `(linked)` in the model, which must be linked before a run. */
  protected linkedNames(): readonly string[] {
    return [];
  }

  /** Makes `(linked)` parameter `name` a view of another group's variable. */
  link(name: string, link: LinkedVariable): void {
    if (!this.linkedNames().includes(name)) {
      throw new BrianError('bad_argument', `${this.name}.${name} is not declared as a (linked) variable.`, {
        hint: `declare it as "${name} : <unit> (linked)"`,
      });
    }
    const source = link.group.variables.get(link.name);
    if (!source || source.kind !== 'array') {
      throw new BrianError(
        'unknown_variable',
        `${link.group.name} has no state variable "${link.name}" to link to.`,
      );
    }
    const declared = this.linkedDimension(name);
    if (declared && declared !== source.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `Linked variable ${name} has dimension ${declared}, but ${link.group.name}.${link.name} has dimension ${source.dim}.`,
      );
    }
    this.linkedIndices.set(name, linkedIndex(this, name, link, source));
    this.variables.set(name, { ...source, name, readOnly: true });
    if (!(name in this)) this.exposeVariables();
  }

  /** Declared dimension of a linked parameter. */
  protected linkedDimension(_name: string): import('../units/dimension.ts').Dimension | undefined {
    return undefined;
  }

  /** Raw SI values of a variable (for subexpressions, computed now). A copy for subgroups. */
  rawValues(name: string, where?: string | number | ArrayLike<number>): TypedArray {
    const variable = this.variable(name);
    let data: TypedArray;
    if (variable.kind === 'array' && !this.linkedIndices.has(name)) {
      data = this.device.values(variable.arrayId);
      if (variable.shared) return data.slice(0, 1);
    } else if (
      variable.kind === 'array' ||
      variable.kind === 'subexpression' ||
      variable.kind === 'auxiliary' ||
      variable.kind === 'constant'
    ) {
      data = this.evaluateToBuffer(name);
    } else {
      throw new BrianError('unknown_variable', `${name} has no values.`);
    }
    const indices = this.absoluteIndices(where, false);
    if (indices === undefined)
      return this.start === 0 && data.length === this.N ? data : data.slice(this.start, this.stop);
    const out = new (data.constructor as new (n: number) => TypedArray)(indices.length);
    for (let k = 0; k < indices.length; k++) out[k] = data[indices[k]];
    return out;
  }

  /** Absolute element indices selected by `where`, or undefined for all. */
  absoluteIndices(
    where: string | number | ArrayLike<number> | undefined,
    shared: boolean,
  ): Int32Array | undefined {
    if (where === undefined || shared) return undefined;
    if (typeof where === 'string') return this.indicesWhere(where);
    const list = typeof where === 'number' ? [where] : Array.from(where);
    const out = new Int32Array(list.length);
    list.forEach((k, n) => {
      const idx = k < 0 ? this.N + k : k;
      if (!Number.isInteger(idx) || idx < 0 || idx >= this.N) {
        throw new BrianError(
          'index_out_of_range',
          `Index ${k} is out of range for ${this.name} of size ${this.N}.`,
        );
      }
      out[n] = idx + this.start;
    });
    return out;
  }

  /** Absolute indices of the elements for which `condition` is true. */
  indicesWhere(condition: string): Int32Array {
    const mask = this.evaluateToBuffer(condition, true);
    const out: number[] = [];
    for (let k = this.start; k < this.stop; k++) if (mask[k]) out.push(k);
    return Int32Array.from(out);
  }

  // --- kernels run once (setters, getters of subexpressions) ---------------------------------

  private runSetter(
    name: string,
    exprText: string | undefined,
    value: SettableValue,
    where: string | number | ArrayLike<number> | undefined,
    namespace?: Namespace,
  ): void {
    const variable = this.variable(name);
    if (exprText === undefined && !this.device.inProcess && isScalarValue(value)) {
      // The condition can only be evaluated inside the compiled program: a setter kernel whose
      // value comes from a namespace entry.
      const valueName = '_brian_setter_value';
      this.runSetter(name, valueName, valueName, where, { ...namespace, [valueName]: value });
      return;
    }
    const source = new SourceText(exprText ?? '', `setter of ${this.name}.${name}`);
    const scope = this.codeScope(undefined, namespace);
    let valueExpr;
    if (exprText !== undefined) {
      valueExpr = parseExpression(source);
    } else {
      // A quantity or number under a string condition: set through a one-element namespace.
      const indices = this.indicesWhere(where as string);
      this.setState(
        name,
        value,
        Array.from(indices, (k) => k - this.start),
        namespace,
      );
      return;
    }
    const stmt: Statement = {
      kind: 'Assign',
      target: name,
      targetSpan: { start: 0, end: 0, source },
      op: '=',
      value: valueExpr,
      span: valueExpr.span,
    };
    const builder = new BlockBuilder(SKELETON_LOCALS);
    let condition: CodeBlock | undefined;
    if (typeof where === 'string') {
      const block = builder.block();
      const cond = parseExpression(new SourceText(where, `condition of ${this.name}.${name}`));
      if (block.addExpression('_cond', cond, scope).type !== 'boolean') {
        throw new BrianError('type_mismatch', `The condition '${where}' is not a boolean expression.`, {
          span: cond.span,
        });
      }
      condition = block.finish();
    }
    const vector = builder.block();
    vector.addStatement(stmt, scope);
    const indicesArrayId =
      typeof where === 'number' || (where !== undefined && typeof where !== 'string')
        ? this.temporaryIndexArray(this.absoluteIndices(where, false)!)
        : undefined;
    if (indicesArrayId) builder.noteArray(indicesArrayId, 'integer', false);
    const shared = variable.kind === 'array' && variable.shared;
    const kernel: Kernel = {
      kind: 'group_variable_set',
      name: `${this.name}_setter_${name}`,
      scalar: builder.block().finish(),
      condition,
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: shared
        ? { start: 0, stop: 1 }
        : {
            start: this.start,
            // Synapses: as many as exist when the setter runs (only the compiled program knows on standalone).
            stop: this.dynamicSize && !indicesArrayId ? { sizeOf: this.dynamicSize } : this.stop,
            indicesArrayId,
          },
    };
    this.runOnce(kernel);
  }

  private temporaryIndexArray(indices: Int32Array): string {
    const id = `_${this.name}_setter_indices`;
    this.device.allocate(id, 'integer', indices.length).data.set(indices);
    return id;
  }

  /** Values of any expression over this group's variables for all its elements, in a buffer of the parent's size. */
  evaluateToBuffer(exprText: string, asCondition = false): TypedArray {
    const source = new SourceText(
      exprText,
      asCondition ? `condition on ${this.name}` : `value of ${this.name}.${exprText}`,
    );
    const expr = parseExpression(source);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const bufferId = `_${this.name}_get_buffer`;
    this.device.allocate(bufferId, 'float', this.storageSize());
    const info = vector.addOutput(expr, this.codeScope(), bufferId, 'float');
    if (asCondition && info.type !== 'boolean') {
      throw new BrianError('type_mismatch', `The condition '${exprText}' is not a boolean expression.`, {
        span: expr.span,
      });
    }
    this.runOnce({
      kind: 'group_variable_set',
      name: `${this.name}_getter`,
      scalar: builder.block().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: this.start, stop: this.stop },
    });
    return this.device.values(bufferId);
  }

  /** Size of the storage this group's arrays live in (the parent's size for subgroups). */
  storageSize(): number {
    return this.stop;
  }

  protected runOnce(kernel: Kernel): void {
    const fn = this.device.compile(kernel);
    fn(this.clock.t_, this.clock.dt_, this.clock.timestep);
  }

  /** Makes `G.v` (view and setter) and `G.v_` (raw values) work for every user variable. */
  protected exposeVariables(): void {
    this.sealed = true;
    for (const name of this.variables.keys()) {
      if (name.startsWith('_') || name in this) continue;
      Object.defineProperty(this, name, {
        get: () => this.state(name),
        set: (value: SettableValue | LinkedVariable) => this.setState(name, value),
        enumerable: false,
        configurable: true,
      });
      Object.defineProperty(this, `${name}_`, {
        get: () => this.rawValues(name),
        set: (value: SettableValue) => this.setState(name, value),
        enumerable: false,
        configurable: true,
      });
    }
  }
}

function isScalarValue(value: SettableValue): value is number | boolean | Quantity {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity;
}
