import type { Span } from '../../../diagnostics/span.ts';
import type { Expr, Statement } from '../../1-parse/ast.ts';

/**
 * The contract between the analysis of a group's equations and the state-update methods.
 * An integrator is a pure function from ODEs to abstract code (statements): no group, device
 * or code generation involved, so each method can be tested alone.
 */

/** One differential equation, prepared by analysis. */
export interface OdeEquation {
  /** The state variable `x` of `dx/dt = …`. */
  readonly name: string;
  /**
   * The derivative, with every subexpression substituted (except `(constant over dt)` ones, which
   * stay names of kind 'variable'), and with `(unless refractory)` already applied as
   * `int(not_refractory)*(…)`, as Brian's `add_refractoriness` does.
   */
  readonly expr: Expr;
  /** The user's definition, for error messages. */
  readonly span: Span;
}

/**
 * How a name appearing in the derivatives behaves during one time step.
 * - 'state': one of the ODE variables being integrated;
 * - 'variable': a value that is fixed during the step but may change between steps or between
 *   elements (parameters, `not_refractory`, pre/post-synaptic variables, cached subexpressions);
 * - 'constant': a value that never changes during a run (external constants, `(constant)`
 *   parameters, `dt`); it may still differ between elements (see `valueOf`);
 * - 'time': `t`;
 * - 'noise': `xi`, `xi_*`;
 * - 'function': a function name (only appears as a callee).
 */
export type NameKind = 'state' | 'variable' | 'constant' | 'time' | 'noise';

export interface IntegrationContext {
  kindOf(name: string): NameKind;
  /**
   * The numeric value of a name when it is known at compile time and the same for every element
   * (external constants, `dt`); undefined otherwise (per-element parameters, variables).
   * Lets `exact` fold numbers and use a numeric matrix exponential.
   */
  valueOf(name: string): number | undefined;
  /**
   * Optional: whether a function's value stays constant during a time step when it is called
   * with `t` as its argument (a TimedArray whose dt is at least the group's). Such calls do not
   * make an equation time-dependent (Brian's `is_locally_constant`). Default: no function is.
   */
  isLocallyConstant?(fn: string): boolean;
  /** Optional: whether a function gives a new value at each call. Default: rand, randn, poisson. */
  isStateful?(fn: string): boolean;
}

/** Why a method cannot integrate some equations, and where (the offending equation or symbol). */
export interface IntegrationProblem {
  /** A whole sentence naming the method: "rk4 cannot integrate stochastic equations". */
  readonly reason: string;
  readonly span?: Span;
}

export type Stochasticity = 'none' | 'additive' | 'multiplicative';

export interface StateUpdateMethod {
  readonly name: string;
  /** The kind of noise the method can handle. */
  readonly stochastic: Stochasticity;
  /** Why the method cannot integrate these equations, or undefined when it can. */
  cannotIntegrate(eqs: readonly OdeEquation[], ctx: IntegrationContext): string | undefined;
  /** `cannotIntegrate` with the place of the problem; optional for custom methods. */
  check?(eqs: readonly OdeEquation[], ctx: IntegrationContext): IntegrationProblem | undefined;
  /**
   * Abstract code advancing the state by one step `dt`: temporaries start with `_`, and the
   * last statements assign every state variable (`v = _v`). Noise appears as calls `randn()`
   * scaled by `sqrt(dt)`, one draw per noise symbol per element per step.
   */
  integrate(eqs: readonly OdeEquation[], ctx: IntegrationContext): Statement[];
  /**
   * Optional: why the automatic choice ('auto' or a list) passes over this method although it
   * could integrate the equations, so that brian-ts picks the method Brian 2.5.1 picks (same
   * script, same numbers).
   */
  skippedAutomatically?(eqs: readonly OdeEquation[], ctx: IntegrationContext): IntegrationProblem | undefined;
}
