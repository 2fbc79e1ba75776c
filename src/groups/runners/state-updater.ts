import type { Expr, Statement } from '../../compiler/1-parse/ast.ts';
import { identifiers, mapExpr } from '../../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../../compiler/1-parse/parse-expression.ts';
import { parseStatements } from '../../compiler/1-parse/parse-statements.ts';
import type { AnalyzedEquations } from '../../compiler/2-analyze/analyze-equations.ts';
import { checkExpression } from '../../compiler/2-analyze/check-expression.ts';
import { ChainScope, type Resolved, type Scope, TableScope } from '../../compiler/2-analyze/scope.ts';
import { checkRepeatedStatefulCalls } from '../../compiler/2-analyze/stateful-calls.ts';
import { chooseMethod } from '../../compiler/3-lower/integrators/methods.ts';
import type { IntegrationContext, NameKind, OdeEquation } from '../../compiler/3-lower/integrators/types.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { info } from '../../core/log.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext, Runner } from '../../network/brian-object.ts';
import { second } from '../../units/index.ts';
import type { Quantity } from '../../units/quantity.ts';
import { type Group, SKELETON_LOCALS } from '../group.ts';
import { equationNames, warnNamespaceConflicts } from '../namespace-conflicts.ts';
import { KernelRunner } from './kernel-runner.ts';
import { Thresholder } from './thresholder.ts';

/** What a group must offer to have its differential equations integrated. */
export interface IntegrableGroup extends Group {
  readonly analyzed: AnalyzedEquations;
  readonly method: string | readonly string[];
  readonly order: number;
  /** Neuron groups only: the refractory period or condition. */
  readonly refractory?: Quantity | string | false;
}

/**
 * Advances the differential equations of a group by one step (slot `groups`): refractoriness
 * bookkeeping first, then the integrator's statements (Brian's StateUpdater).
 */
export class StateUpdater extends KernelRunner {
  /** The integration method chosen at the last run. */
  methodUsed?: string;

  constructor(
    readonly group: IntegrableGroup,
    /** Which ODEs this updater integrates (Synapses leave out event-driven ones). */
    private readonly include: (flags: ReadonlySet<string>) => boolean = () => true,
  ) {
    super(group, `${group.name}_stateupdater`, 'groups', group.order, group.clock);
  }

  /**
   * Takes over the group's first threshold after it on its clock (a device's fused kernel, where
   * it makes one) if every runner between them commutes with that threshold: Brian's schedule
   * runs all groups' updates, then all thresholds, so the threshold moves up past the other
   * groups' updates, which touch none of its arrays.
   */
  absorbLater(later: readonly Runner[], ctx: RunContext): void {
    if (!ctx.device.fuseUpdateAndThreshold) return;
    const at = later.findIndex((r) => r instanceof Thresholder && r.group === this.group);
    const threshold = later[at] as Thresholder | undefined;
    if (!threshold?.kernel || !this.kernel || threshold.clock !== this.clock) return;
    if (!later.slice(0, at).every((r) => threshold.commutesWith(r))) return;
    const fused = ctx.device.fuseUpdateAndThreshold(this.kernel, threshold.kernel);
    if (!fused) return;
    this.use(fused);
    threshold.use(undefined);
  }

  odeCount(): number {
    return this.group.analyzed.odes.filter((e) => this.include(e.flags)).length;
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const scope = g.codeScope(ctx.runNamespace);
    warnNamespaceConflicts(
      g,
      equationNames([...g.analyzed.all.values()].map((e) => e.line)),
      ctx.runNamespace,
    );
    checkSubexpressions(g, scope);
    const builder = new BlockBuilder(SKELETON_LOCALS, {
      internalWrites: new Set(['not_refractory']),
      scalarWrites: true,
    });
    const vector = builder.block();
    vector.addStatements(this.refractoryCode(scope), scope);

    const odes = g.analyzed.odes.filter((e) => this.include(e.flags));
    if (odes.length > 0) {
      const noiseScope = new ChainScope([noiseSymbols(odes.map((o) => o.line.expr!)), scope]);
      for (const eq of odes) {
        const dim = checkExpression(eq.line.expr!, noiseScope).dim;
        if (dim !== eq.dim.div(second.dim)) {
          throw new BrianError(
            'dimension_mismatch',
            `The right-hand side of the equation for ${eq.name} has dimension ${dim}, but d${eq.name}/dt needs ${eq.dim.div(second.dim)}.`,
            { span: eq.line.expr!.span },
          );
        }
      }
      const prepared: OdeEquation[] = odes.map((eq) => ({
        name: eq.name,
        expr: refractoryFactor(substituteSubexpressions(eq.line.expr!, g), eq.flags),
        span: eq.line.span,
      }));
      for (const eq of prepared) checkRepeatedStatefulCalls(eq.expr, scope);
      const context = integrationContext(g, scope, new Set(odes.map((e) => e.name)));
      const started = performance.now();
      const { method, statements, automatic } = chooseMethod(prepared, context, g.method);
      this.methodUsed = method;
      if (automatic) {
        info(
          'method_choice',
          `No numerical integration method specified for group '${g.name}', using method '${method}' ` +
            `(took ${((performance.now() - started) / 1000).toFixed(2)}s).`,
        );
      }
      vector.addStatements(statements, scope);
    }
    return {
      kind: 'stateupdate',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: 0, stop: g.dynamicSize ? { sizeOf: g.dynamicSize } : g.N },
    };
  }

  /** Brian's `_get_refractory_code`: recompute `not_refractory` from `lastspike` or the condition. */
  private refractoryCode(scope: Scope): Statement[] {
    const ref = 'refractory' in this.group ? this.group.refractory : undefined;
    if (ref === undefined || ref === false) return [];
    const source = (text: string) => new SourceText(text, `refractoriness of ${this.group.name}`);
    if (typeof ref !== 'string') {
      return parseStatements(
        source(`not_refractory = timestep(t - lastspike, dt) >= timestep(${ref.value}*second, dt)`),
      );
    }
    // Checked on its own text, so that errors point into what the user wrote.
    const probe = parseExpression(source(ref));
    const dim = checkExpression(probe, scope);
    if (dim.dim === second.dim) {
      return parseStatements(source(`not_refractory = timestep(t - lastspike, dt) >= timestep(${ref}, dt)`));
    }
    if (dim.dim.isDimensionless && dim.type === 'boolean') {
      return parseStatements(source(`not_refractory = not_refractory or not (${ref})`));
    }
    throw new BrianError(
      'dimension_mismatch',
      `The refractory expression '${ref}' must evaluate to a time or to a boolean, not to dimension ${dim.dim}.`,
      { span: probe.span },
    );
  }
}

/** Checks every subexpression's right-hand side against its declared unit. */
export function checkSubexpressions(g: IntegrableGroup, scope: Scope): void {
  for (const eq of g.analyzed.subexpressions) {
    const found = checkExpression(eq.line.expr!, scope);
    if (found.dim !== eq.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The expression for ${eq.name} has dimension ${found.dim}, but ${eq.name} is declared with dimension ${eq.dim}.`,
        { span: eq.line.expr!.span },
      );
    }
    if (found.stateful && !eq.flags.has('constant over dt')) {
      throw new BrianError(
        'stateful_subexpression',
        `The subexpression ${eq.name} calls a random or stateful function; it must be marked (constant over dt).`,
        { span: eq.line.span },
      );
    }
  }
}

/** Replaces subexpression names by their definitions, recursively (not `(constant over dt)` ones, which are stored). */
export function substituteSubexpressions(expr: Expr, g: Group): Expr {
  return mapExpr(expr, (node) => {
    if (node.kind !== 'Name') return node;
    const v = g.variables.get(node.name);
    if (v?.kind === 'subexpression' && !v.constantOverDt) {
      return substituteSubexpressions(v.expr, g);
    }
    return node;
  });
}

/** `(unless refractory)`: the derivative is multiplied by `int(not_refractory)`, as Brian's add_refractoriness. */
function refractoryFactor(expr: Expr, flags: ReadonlySet<string>): Expr {
  if (!flags.has('unless refractory')) return expr;
  const span = expr.span;
  return {
    kind: 'Binary',
    op: '*',
    left: {
      kind: 'Call',
      callee: 'int',
      calleeSpan: span,
      args: [{ kind: 'Name', name: 'not_refractory', span }],
      keywords: [],
      span,
    },
    right: expr,
    span,
  };
}

/** `xi`, `xi_*` for dimension checking: white noise has dimension second**-0.5. */
function noiseSymbols(exprs: readonly Expr[]): Scope {
  const table = new Map<string, Resolved>();
  for (const e of exprs) {
    for (const name of identifiers(e)) {
      if (name === 'xi' || name.startsWith('xi_')) {
        table.set(name, { kind: 'constant', value: 0, dim: second.dim.pow(-0.5), type: 'float' });
      }
    }
  }
  return new TableScope(table);
}

function integrationContext(g: Group, scope: Scope, states: ReadonlySet<string>): IntegrationContext {
  return {
    kindOf(name: string): NameKind {
      if (states.has(name)) return 'state';
      if (name === 't') return 'time';
      if (name === 'xi' || name.startsWith('xi_')) return 'noise';
      if (name === 'dt') return 'constant';
      const found = scope.lookup(name);
      if (!found || found.kind === 'constant' || found.kind === 'function') return 'constant';
      const v = found.variable;
      if (v.kind === 'constant') return 'constant';
      if (v.kind === 'array' && v.constant) return 'constant';
      return 'variable';
    },
    isLocallyConstant(fn: string): boolean {
      const found = scope.lookup(fn);
      return found?.kind === 'function' && (found.def.isLocallyConstant?.(g.clock.dt_) ?? false);
    },
    valueOf(name: string): number | undefined {
      if (name === 'dt') return g.clock.dt_;
      const found = scope.lookup(name);
      if (found?.kind === 'constant') return found.value;
      if (found?.kind === 'variable' && found.variable.kind === 'constant') return found.variable.value;
      return undefined;
    },
  };
}
