import type { ArrayVariable, SubexpressionVariable, Variable } from '../../core/variables.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Span } from '../../diagnostics/span.ts';
import { DIMENSIONLESS, type Dimension } from '../../units/dimension.ts';
import type { Expr, Statement } from '../1-parse/ast.ts';
import { checkExpression, type ExprInfo, resolveName } from '../2-analyze/check-expression.ts';
import {
  ChainScope,
  type IndexRef,
  OWN_INDEX,
  type Resolved,
  type Scope,
  TableScope,
} from '../2-analyze/scope.ts';
import type { FunctionDef, ScalarType } from '../functions.ts';
import type { ArrayAccess, ArrayInfo, CodeBlock, IRStatement } from '../ir/kernel.ts';
import { LocalNames } from './local-names.ts';
import {
  augmentedValue,
  checkAssignmentDimensions,
  checkSharedWrite,
  checkUserStatement,
  refuseReadOnly,
  storedValue,
} from './statement-rules.ts';
import type { WritePolicy } from './write-policy.ts';

/**
 * Turns checked statements into IR code blocks (Brian's `make_statements` + the load/store
 * scheme of its templates): names are resolved once, array variables become loads into locals
 * and stores after the statements, subexpressions are computed before first use (and again after
 * a variable they depend on was written), constants are inlined as literals.
 *
 * One `BlockBuilder` serves a whole kernel so that the scalar and vector blocks share locals.
 */

export type { WritePolicy } from './write-policy.ts';

interface AccessLocal {
  readonly local: string;
  readonly variable: ArrayVariable | SubexpressionVariable;
  readonly arrayId: string;
  readonly index: IndexRef;
  readonly type: ScalarType;
}

interface SubexprState {
  readonly local: string;
  readonly variable: SubexpressionVariable;
  readonly index: IndexRef;
  readonly scope: Scope;
  /** Keys of the array accesses its value depends on (to invalidate it after writes). */
  readonly dependsOn: Set<string>;
  declared: boolean;
  valid: boolean;
}

function indexKey(index: IndexRef): string {
  return JSON.stringify(index);
}

export class BlockBuilder {
  private readonly names = new LocalNames();
  private readonly accesses = new Map<string, AccessLocal>();
  private readonly subexpressions = new Map<string, SubexprState>();
  private readonly temporaries = new Map<string, { local: string; type: ScalarType }>();
  /** Temporaries as a scope, so later statements can use them (with their dimension). */
  private readonly temporaryTable = new Map<string, Resolved>();
  readonly temporaryScope: Scope = new TableScope(this.temporaryTable);
  private readonly arrays = new Map<string, ArrayInfo>();
  private readonly functions = new Set<FunctionDef>();
  private readonly types = new Map<string, ScalarType>();

  constructor(
    /** Locals the kernel skeleton defines (t, dt, _idx, …) with their types. */
    skeletonLocals: ReadonlyMap<string, ScalarType>,
    private readonly policy: WritePolicy = {},
  ) {
    for (const [name, type] of skeletonLocals) {
      this.names.reserve(name);
      this.types.set(name, type);
    }
  }

  private scalarBlock?: BlockInProgress;

  /** Starts a block; statements added until `finish()` go into it. */
  block(): BlockInProgress {
    return new BlockInProgress(this);
  }

  /** The block run once per call before the loop: statements writing shared variables land there. */
  scalar(): BlockInProgress {
    this.scalarBlock ??= new BlockInProgress(this, true);
    return this.scalarBlock;
  }

  /** Whether assignments skip the dimension check (raw setters). */
  get skipsUnitChecks(): boolean {
    return this.policy.uncheckedUnits ?? false;
  }

  get allowsScalarWrites(): boolean {
    return this.policy.scalarWrites ?? false;
  }

  /** Every array any block of this kernel touched (including index arrays). */
  arrayInfos(): ReadonlyMap<string, ArrayInfo> {
    return this.arrays;
  }

  usedFunctions(): ReadonlySet<FunctionDef> {
    return this.functions;
  }

  // --- internals shared by the blocks --------------------------------------------------------

  freshName(wanted: string): string {
    return this.names.fresh(wanted);
  }

  noteArray(arrayId: string, type: ScalarType, dynamic: boolean): void {
    const known = this.arrays.get(arrayId);
    if (!known || (dynamic && !known.dynamic)) this.arrays.set(arrayId, { arrayId, type, dynamic });
  }

  noteIndexArrays(index: IndexRef): void {
    if (index.kind !== 'element') return;
    for (const step of index.steps) {
      if (step.kind === 'lookup') this.noteArray(step.arrayId, 'integer', step.dynamic ?? false);
    }
  }

  noteFunction(def: FunctionDef): void {
    this.functions.add(def);
    // Arrays an inline function reads (a TimedArray's values) are bound like the kernel's own.
    for (const a of def.inline?.arrays ?? []) this.noteArray(a.arrayId, a.type, false);
  }

  access(name: string, variable: ArrayVariable | SubexpressionVariable, index: IndexRef): AccessLocal {
    const arrayId = variable.kind === 'array' ? variable.arrayId : variable.constantOverDt!.arrayId;
    const key = `${arrayId}@${indexKey(index)}`;
    let found = this.accesses.get(key);
    if (!found) {
      const suffix =
        index.kind === 'element' && index.base !== '_idx'
          ? index.base.replace(/^_(\w+?)synaptic_idx$/, '_$1')
          : '';
      const local = this.freshName(`${variable.name}${suffix}`);
      found = { local, variable, arrayId, index, type: variable.type };
      this.accesses.set(key, found);
      this.types.set(local, variable.type);
      const dynamic =
        variable.kind === 'array' ? variable.dynamic : (variable.constantOverDt?.dynamic ?? false);
      this.noteArray(arrayId, variable.type, dynamic);
      this.noteIndexArrays(index);
    }
    // Remember the name as the user wrote it, so later temporaries do not take it.
    this.names.reserve(name);
    return found;
  }

  subexpression(variable: SubexpressionVariable, index: IndexRef, scope: Scope): SubexprState {
    const key = `${variable.name}#${indexKey(index)}#${variable.span.start}`;
    let found = this.subexpressions.get(key);
    if (!found) {
      const suffix =
        index.kind === 'element' && index.base !== '_idx'
          ? index.base.replace(/^_(\w+?)synaptic_idx$/, '_$1')
          : '';
      found = {
        local: this.freshName(`${variable.name}${suffix}`),
        variable,
        index,
        scope,
        dependsOn: new Set(),
        declared: false,
        valid: false,
      };
      this.subexpressions.set(key, found);
      this.types.set(found.local, variable.type);
    }
    return found;
  }

  allSubexpressions(): Iterable<SubexprState> {
    return this.subexpressions.values();
  }

  temporary(name: string): { local: string; type: ScalarType } | undefined {
    return this.temporaries.get(name);
  }

  declareTemporary(
    name: string,
    type: ScalarType,
    dim: Dimension = DIMENSIONLESS,
    scalar = false,
  ): { local: string; type: ScalarType } {
    const t = { local: this.freshName(name), type };
    this.temporaries.set(name, t);
    this.types.set(t.local, type);
    this.temporaryTable.set(name, {
      kind: 'variable',
      variable: { kind: 'auxiliary', name: t.local, dim, type, shared: scalar },
      index: OWN_INDEX,
      scope: this.temporaryScope,
    });
    return t;
  }

  typeMap(): ReadonlyMap<string, ScalarType> {
    return this.types;
  }

  /** The condition under which `variable` may be written in this kernel (none: always). */
  writeCondition(variable: ArrayVariable): ArrayVariable | undefined {
    return this.policy.unconditionalWrites ? undefined : variable.conditionalWrite;
  }

  canWrite(name: string, variable: Variable): boolean {
    if (variable.kind !== 'array') return false;
    if (!variable.readOnly) return true;
    return this.policy.internalWrites?.has(name) ?? false;
  }
}

/** Accumulates the statements of one block (scalar or vector). */
export class BlockInProgress {
  private readonly loads: ArrayAccess[] = [];
  private readonly loaded = new Set<string>();
  private readonly statements: IRStatement[] = [];
  private readonly written = new Map<string, ArrayAccess>();
  /** A per-element variable was written: later writes to shared variables would be out of order. */
  private wroteVector = false;

  constructor(
    private readonly b: BlockBuilder,
    /** The scalar block (run once per call), where shared variables may be written. */
    private readonly isScalar = false,
  ) {}

  /** Adds user (or generated) statements, checked against `scope`. */
  addStatements(stmts: readonly Statement[], scope: Scope): this {
    for (const s of stmts) this.addStatement(s, scope);
    return this;
  }

  addStatement(stmt: Statement, outerScope: Scope): void {
    const scope = this.withTemporaries(outerScope);
    checkUserStatement(stmt, scope);
    const value = augmentedValue(stmt);
    const target = scope.lookup(stmt.target, stmt.targetSpan);
    const info = checkExpression(value, scope);
    if (!target || this.b.temporary(stmt.target)) {
      // A new temporary (or a re-assignment of one).
      const existing = this.b.temporary(stmt.target);
      if (stmt.op !== '=' && !existing) {
        throw new BrianError('unknown_identifier', `The identifier "${stmt.target}" could not be resolved.`, {
          span: stmt.targetSpan,
        });
      }
      if (!existing && !this.isScalar && this.b.allowsScalarWrites && info.scalar) {
        // A loop-invariant temporary goes with the statements writing shared variables, which may use it.
        this.b.scalar().addStatement(stmt, outerScope);
        return;
      }
      const rewritten = this.rewrite(value, scope);
      if (existing) {
        this.statements.push({ kind: 'set', name: existing.local, type: existing.type, value: rewritten });
      } else {
        const t = this.b.declareTemporary(stmt.target, info.type, info.dim, info.scalar);
        this.statements.push({ kind: 'let', name: t.local, type: t.type, value: rewritten });
      }
      return;
    }
    if (target.kind !== 'variable' || !this.b.canWrite(stmt.target, target.variable)) {
      refuseReadOnly(stmt, target);
    }
    const variable = target.variable as ArrayVariable;
    if (target.index.kind === 'shared' && !this.isScalar) {
      checkSharedWrite(stmt, value, scope, {
        allowed: this.b.allowsScalarWrites,
        afterVectorWrite: this.wroteVector,
      });
      this.b.scalar().addStatement(stmt, outerScope);
      return;
    }
    if (target.index.kind !== 'shared') this.wroteVector = true;
    if (!this.b.skipsUnitChecks) checkAssignmentDimensions(stmt, variable, info.dim, value);
    const stored = storedValue(variable, info.type, value);
    const acc = this.b.access(stmt.target, variable, target.index);
    const rewritten = this.guarded(variable, target.index, this.rewrite(stored, scope), acc.local);
    this.ensureLoaded(acc);
    this.statements.push({ kind: 'set', name: acc.local, type: variable.type, value: rewritten });
    this.written.set(acc.local, { local: acc.local, arrayId: acc.arrayId, type: acc.type, index: acc.index });
    this.invalidate(`${acc.arrayId}@${indexKey(acc.index)}`);
  }

  /** Declares `_name = expr` as a local of the given type (e.g. `_cond` of a threshold). */
  addExpression(
    name: string,
    expr: Expr,
    outerScope: Scope,
  ): { local: string; type: ScalarType; dim: Dimension } {
    const scope = this.withTemporaries(outerScope);
    const info = checkExpression(expr, scope);
    const rewritten = this.rewrite(expr, scope);
    const t = this.b.declareTemporary(name, info.type, info.dim, info.scalar);
    this.statements.push({ kind: 'let', name: t.local, type: info.type, value: rewritten });
    return { ...t, dim: info.dim };
  }

  /**
   * Computes `expr` and stores it into element `_idx` of `arrayId`, an internal buffer that no
   * user variable names (getters of subexpressions, evaluated conditions).
   */
  addOutput(
    expr: Expr,
    outerScope: Scope,
    arrayId: string,
    type: ScalarType,
    index: IndexRef = OWN_INDEX,
    dynamic = false,
  ): ExprInfo {
    const scope = this.withTemporaries(outerScope);
    const info = checkExpression(expr, scope);
    const t = this.b.declareTemporary('_value', info.type);
    this.statements.push({ kind: 'let', name: t.local, type: info.type, value: this.rewrite(expr, scope) });
    this.b.noteArray(arrayId, type, dynamic);
    this.written.set(`${t.local}->${arrayId}`, { local: t.local, arrayId, type, index });
    return info;
  }

  /** Reads a variable into a local and returns the local's name (monitors, summed variables). */
  read(name: string, scope: Scope, span: Span): { local: string; type: ScalarType } {
    const expr: Expr = { kind: 'Name', name, span };
    const info = checkExpression(expr, scope);
    const rewritten = this.rewrite(expr, scope);
    if (rewritten.kind === 'Name') return { local: rewritten.name, type: info.type };
    const t = this.b.declareTemporary(`_read_${name}`, info.type);
    this.statements.push({ kind: 'let', name: t.local, type: info.type, value: rewritten });
    return t;
  }

  finish(): CodeBlock {
    return {
      loads: this.loads,
      statements: this.statements,
      stores: [...this.written.values()],
      types: this.b.typeMap(),
    };
  }

  // --- helpers --------------------------------------------------------------------------------

  private withTemporaries(scope: Scope): Scope {
    return new ChainScope([this.b.temporaryScope, scope]);
  }

  /**
   * Brian's conditional write: a variable with a `conditionalWrite` keeps its value where the
   * condition (read at the same element) is false: `v = _select(not_refractory, value, v)`.
   */
  private guarded(variable: ArrayVariable, index: IndexRef, value: Expr, local: string): Expr {
    const condition = this.b.writeCondition(variable);
    if (!condition) return value;
    const cond = this.b.access(condition.name, condition, index);
    this.ensureLoaded(cond);
    const span = value.span;
    return {
      kind: 'Call',
      callee: '_select',
      calleeSpan: span,
      args: [{ kind: 'Name', name: cond.local, span }, value, { kind: 'Name', name: local, span }],
      keywords: [],
      span,
    };
  }

  private ensureLoaded(acc: AccessLocal): void {
    if (this.loaded.has(acc.local)) return;
    // A local already loaded or declared by an earlier block (scalar before vector) is in scope.
    this.loaded.add(acc.local);
    this.loads.push({ local: acc.local, arrayId: acc.arrayId, type: acc.type, index: acc.index });
  }

  private invalidate(accessKey: string): void {
    for (const s of this.b.allSubexpressions()) {
      if (s.dependsOn.has(accessKey)) s.valid = false;
    }
  }

  /** Rewrites an expression over user names into one over locals, loading what it reads. */
  rewrite(expr: Expr, scope: Scope, deps?: Set<string>): Expr {
    switch (expr.kind) {
      case 'Number':
      case 'Bool':
        return expr;
      case 'Name':
        return this.rewriteName(expr, resolveName(scope, expr.name, expr.span), deps);
      case 'Call': {
        const found = scope.lookup(expr.callee, expr.calleeSpan);
        if (found?.kind !== 'function')
          return { ...expr, args: expr.args.map((a) => this.rewrite(a, scope, deps)) };
        this.b.noteFunction(found.def);
        // In the IR a call names its function by the definition's own name (the printers' key),
        // not by the namespace entry the user called it through (`I = TimedArray(...)` → `I(t)`).
        return { ...expr, callee: found.def.name, args: expr.args.map((a) => this.rewrite(a, scope, deps)) };
      }
      case 'Unary':
        return { ...expr, operand: this.rewrite(expr.operand, scope, deps) };
      case 'Binary':
      case 'Compare':
      case 'Logical':
        return {
          ...expr,
          left: this.rewrite(expr.left, scope, deps),
          right: this.rewrite(expr.right, scope, deps),
        };
    }
  }

  private rewriteName(expr: Extract<Expr, { kind: 'Name' }>, found: Resolved, deps?: Set<string>): Expr {
    if (found.kind === 'constant') return literal(found.value, found.type, expr.span);
    if (found.kind === 'function') {
      throw new BrianError('type_mismatch', `${expr.name} is a function and was used like a variable.`, {
        span: expr.span,
      });
    }
    const v = found.variable;
    switch (v.kind) {
      case 'constant':
        return literal(v.value, v.type, expr.span);
      case 'auxiliary':
        if (v.name === 'xi' || v.name.startsWith('xi_')) {
          throw new BrianError(
            'equation_bad_noise',
            `White noise ${v.name} can only be used in differential equations.`,
            {
              span: expr.span,
            },
          );
        }
        if (v.name === 'i') {
          const idx: Expr = { kind: 'Name', name: '_idx', span: expr.span };
          if (!v.offset) return idx;
          return {
            kind: 'Binary',
            op: '-',
            left: idx,
            right: literal(v.offset, 'integer', expr.span),
            span: expr.span,
          };
        }
        return { kind: 'Name', name: v.name, span: expr.span };
      case 'array': {
        const acc = this.b.access(expr.name, v, found.index);
        this.ensureLoaded(acc);
        deps?.add(`${acc.arrayId}@${indexKey(acc.index)}`);
        return { kind: 'Name', name: acc.local, span: expr.span };
      }
      case 'subexpression': {
        if (v.constantOverDt) {
          const acc = this.b.access(expr.name, v, found.index);
          this.ensureLoaded(acc);
          deps?.add(`${acc.arrayId}@${indexKey(acc.index)}`);
          return { kind: 'Name', name: acc.local, span: expr.span };
        }
        const state = this.b.subexpression(v, found.index, found.scope);
        if (!state.valid) {
          state.dependsOn.clear();
          const value = this.rewrite(v.expr, found.scope, state.dependsOn);
          this.statements.push(
            state.declared
              ? { kind: 'set', name: state.local, type: v.type, value }
              : { kind: 'let', name: state.local, type: v.type, value },
          );
          state.declared = true;
          state.valid = true;
        }
        if (deps) for (const d of state.dependsOn) deps.add(d);
        return { kind: 'Name', name: state.local, span: expr.span };
      }
    }
  }
}

function literal(value: number, type: ScalarType, span: Span): Expr {
  if (type === 'boolean') return { kind: 'Bool', value: value !== 0, span };
  return { kind: 'Number', value, isInteger: type === 'integer', span };
}
