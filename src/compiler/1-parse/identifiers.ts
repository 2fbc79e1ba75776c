import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Span } from '../../diagnostics/span.ts';
import { KEYWORDS } from './lexer.ts';

/**
 * Which names a model may define, following Brian's `check_identifier_*` functions
 * (brian2/equations/equations.py, equations/refractory.py, groups/neurongroup.py).
 */

/** Names with a fixed meaning in every group (`check_identifier_reserved`). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['t', 'dt', 't_in_timesteps', 'xi', 'i', 'N']);

/** Names of the refractoriness mechanism (`check_identifier_refractory`). */
export const REFRACTORY_NAMES: ReadonlySet<string> = new Set([
  'not_refractory',
  'refractory',
  'refractory_until',
]);

/** Brian's DEFAULT_CONSTANTS. */
export const DEFAULT_CONSTANT_NAMES: ReadonlySet<string> = new Set(['e', 'pi', 'inf']);

/**
 * The names of Brian's DEFAULT_FUNCTIONS (2.5.1), which no variable may shadow. Kept here as
 * names only: the function table itself (dimension rules, implementations) lives with analysis.
 */
export const DEFAULT_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'abs',
  'arccos',
  'arcsin',
  'arctan',
  'ceil',
  'clip',
  'cos',
  'cosh',
  'exp',
  'expm1',
  'exprel',
  'floor',
  'int',
  'log',
  'log10',
  'log1p',
  'poisson',
  'rand',
  'randn',
  'sign',
  'sin',
  'sinh',
  'sqrt',
  'tan',
  'tanh',
  'timestep',
]);

/** `xi`, `xi_1`, `xi_foo`: white-noise symbols, usable only on the right of `dx/dt = …`. */
export function isNoiseSymbol(name: string): boolean {
  return name === 'xi' || name.startsWith('xi_');
}

export interface IdentifierCheckOptions {
  /**
   * Tells unit names (`mV`, `siemens`…), which variables may not shadow. The unit table lives in
   * src/units; callers that have it pass it here. Without it, unit-name clashes are left to analysis.
   */
  readonly isUnitName?: (name: string) => boolean;
  /** `x_post`/`x_pre` names are only allowed for the target of a `(summed)` subexpression. */
  readonly allowPrePostSuffix?: boolean;
}

/** Throws `invalid_identifier` unless `name` may be used as the name of a model variable. */
export function checkIdentifier(name: string, span: Span, options: IdentifierCheckOptions = {}): void {
  const problem = identifierProblem(name, options);
  if (problem) throw new BrianError('invalid_identifier', problem, { span });
}

/** The reason `name` may not name a variable, or undefined when it may. */
export function identifierProblem(name: string, options: IdentifierCheckOptions = {}): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `'${name}' is not a valid variable name`;
  if (KEYWORDS.has(name)) return `'${name}' is a Python keyword and cannot be used as a variable`;
  if (name.startsWith('_')) {
    return `variable '${name}' starts with an underscore, which is reserved for Brian's internal variables`;
  }
  if (RESERVED_NAMES.has(name) || isNoiseSymbol(name)) {
    return `'${name}' has a special meaning in equations and cannot be used as a variable name`;
  }
  if (DEFAULT_FUNCTION_NAMES.has(name))
    return `'${name}' is the name of a function and cannot be used as a variable name`;
  if (DEFAULT_CONSTANT_NAMES.has(name))
    return `'${name}' is the name of a constant and cannot be used as a variable name`;
  if (options.isUnitName?.(name))
    return `'${name}' is the name of a unit and cannot be used as a variable name`;
  if (REFRACTORY_NAMES.has(name)) {
    return `'${name}' is used by the refractoriness mechanism and cannot be used as a variable name`;
  }
  if (!options.allowPrePostSuffix && (name.endsWith('_pre') || name.endsWith('_post'))) {
    return `'${name}' cannot be used as a variable name: the suffixes _pre and _post refer to pre- and postsynaptic variables in synapses`;
  }
  return undefined;
}
