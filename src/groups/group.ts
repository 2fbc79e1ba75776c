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
import { checkedArray } from '../core/checked-array.ts';
import type { AuxiliaryVariable, Variable } from '../core/variables.ts';
import type { Device } from '../devices/device.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { unknownNameHint } from '../diagnostics/did-you-mean.ts';
import { SourceText } from '../diagnostics/span.ts';
import { MISSING, type NamedContents } from '../network/attribute-access.ts';
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
    /** @internal The device that holds the group's arrays and runs its kernels. */
    readonly device: Device,
    namespace: Namespace | undefined,
  ) {
    super(name, clock);
    this.namespace = namespace;
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

  /** @internal The declaration of variable `name` (unit, type, storage); throws `unknown_variable` with the nearest names. */
  variable(name: string): Variable {
    const v = this.variables.get(name);
    if (!v || (v.kind === 'auxiliary' && !['i', 't', 'dt'].includes(name))) {
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
    if (shared) return undefined;
    if (where === undefined) {
      // A subgroup's "all" is its own range, never its parent's whole storage. A group that owns
      // its storage is asked nothing (Synapses on cpp_standalone do not know their size yet).
      if (this.root === this || (this.start === 0 && this.N === this.storageSize())) return undefined;
      return Int32Array.from({ length: this.N }, (_, k) => this.start + k);
    }
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
    let valueExpr: ReturnType<typeof parseExpression>;
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
        const stem = name.endsWith('_') && group.isUserVariable(name.slice(0, -1)) ? name.slice(0, -1) : name;
        if (!group.isUserVariable(stem) && !group.linkedNames().includes(stem)) return false;
        group.setState(stem, value as SettableValue | LinkedVariable);
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
      !(v.kind === 'auxiliary' && !['i', 't', 'dt'].includes(name))
    );
  }

  /** Attributes beyond the variables (a subclass's, e.g. synapses' `v_pre`); MISSING when none. */
  protected extraAttribute(_name: string): unknown {
    return MISSING;
  }
}

function isScalarValue(value: SettableValue): value is number | boolean | Quantity {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity;
}
