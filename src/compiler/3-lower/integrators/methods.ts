import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { describeValue } from '../../../validation/describe-value.ts';
import type { Statement } from '../../1-parse/ast.ts';
import { exact, linear } from './exact.ts';
import { euler, heun, milstein, rk2, rk4 } from './explicit-methods.ts';
import { exponentialEuler } from './exponential_euler.ts';
import type { IntegrationContext, IntegrationProblem, OdeEquation, StateUpdateMethod } from './types.ts';

/** Every state-update method, by the name users give (Brian's registered names). */
export const METHODS = {
  exact,
  linear,
  euler,
  rk2,
  rk4,
  heun,
  milstein,
  exponential_euler: exponentialEuler,
} as const satisfies Record<string, StateUpdateMethod>;

export type MethodName = keyof typeof METHODS;

/** The order in which NeuronGroup and Synapses try methods when none is given. */
export const AUTO_ORDER: readonly MethodName[] = ['exact', 'euler', 'heun'];
/** The order of SpatialNeuron. */
export const SPATIAL_AUTO_ORDER: readonly MethodName[] = ['exact', 'exponential_euler', 'rk2', 'heun'];

/** A method name, 'auto', a list of names to try in order, or a custom method object. */
export type MethodRequest = string | StateUpdateMethod | readonly (string | StateUpdateMethod)[];

export interface MethodChoice {
  /** The name of the method used. */
  readonly method: string;
  readonly statements: Statement[];
  /** True when the method was picked from a list ('auto' included), as Brian logs it. */
  readonly automatic: boolean;
  /** The methods tried before, with why they did not apply. */
  readonly rejected: readonly { readonly method: string; readonly reason: string }[];
}

const NOT_AVAILABLE: Readonly<Record<string, string>> = {
  independent: "Brian's deprecated 'independent' method is not available; use 'exact'",
  gsl: 'the GSL integrators are not available; use rk4 or exact',
};

/** Methods registered by the user (Brian's `StateUpdateMethod.register`), by lower-case name. */
const registered = new Map<string, StateUpdateMethod>();

/**
 * Makes a method usable by name (`method: 'lazy'`), as Brian's `StateUpdateMethod.register`. A
 * name already taken, or something that is not a method, is an error. Returns a function that
 * unregisters it.
 */
export function registerMethod(name: string, method: StateUpdateMethod): () => void {
  const key = String(name).toLowerCase();
  if (Object.hasOwn(METHODS, key) || registered.has(key)) {
    throw new BrianError('bad_argument', `A state update method called '${name}' is already registered.`);
  }
  const m = method as Partial<StateUpdateMethod> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.integrate !== 'function' ||
    typeof m.cannotIntegrate !== 'function'
  ) {
    throw new BrianError(
      'bad_argument',
      `Only state update methods can be registered, not ${describeValue(method)}.`,
      {
        hint: "make one with explicitMethod('name', 'x_new = x + dt*f(x,t)', 'none')",
      },
    );
  }
  registered.set(key, method);
  return () => registered.delete(key);
}

/** Looks a method up by name, case-insensitively as Brian does. */
export function methodByName(name: string): StateUpdateMethod {
  if (typeof name !== 'string') {
    throw new BrianError(
      'unknown_method',
      `An integration method is a name or a method, not ${describeValue(name)}.`,
    );
  }
  const key = name.toLowerCase();
  if (Object.hasOwn(METHODS, key)) return METHODS[key as MethodName];
  const custom = registered.get(key);
  if (custom) return custom;
  const known = Object.keys(METHODS).join(', ');
  const special = NOT_AVAILABLE[key] ?? (key.startsWith('gsl') ? NOT_AVAILABLE.gsl : undefined);
  throw new BrianError('unknown_method', `unknown integration method '${name}'`, {
    hint: special ?? `the methods are: ${known}, or 'auto'`,
  });
}

/**
 * Picks the state-update method for equations and generates its abstract code, following
 * Brian's `StateUpdateMethod.apply_stateupdater`: a single method must apply (otherwise an
 * `integration_unsupported` error says why and points at the equation); a list, or 'auto'
 * (`options.autoOrder`, by default exact → euler → heun), uses the first method that applies.
 */
export function chooseMethod(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  requested: MethodRequest = 'auto',
  options: { readonly autoOrder?: readonly string[] } = {},
): MethodChoice {
  const resolve = (m: string | StateUpdateMethod) => {
    if (typeof m === 'string') return methodByName(m);
    if (typeof m !== 'object' || m === null || typeof (m as StateUpdateMethod).integrate !== 'function') {
      throw new BrianError(
        'unknown_method',
        `An integration method is a name or a method, not ${describeValue(m)}.`,
      );
    }
    return m;
  };
  if (requested === 'auto' || Array.isArray(requested)) {
    const list =
      requested === 'auto'
        ? (options.autoOrder ?? AUTO_ORDER)
        : (requested as readonly (string | StateUpdateMethod)[]);
    if (list.length === 0) throw new BrianError('unknown_method', 'the list of integration methods is empty');
    const methods = list.map(resolve);
    const rejected: { method: string; reason: string }[] = [];
    const problems: IntegrationProblem[] = [];
    for (const method of methods) {
      const problem = problemOf(method, eqs, ctx) ?? method.skippedAutomatically?.(eqs, ctx);
      if (!problem)
        return { method: method.name, statements: method.integrate(eqs, ctx), automatic: true, rejected };
      rejected.push({ method: method.name, reason: problem.reason });
      problems.push(problem);
    }
    throw new BrianError(
      'integration_unsupported',
      `no integration method among ${methods.map((m) => m.name).join(', ')} can integrate these equations:\n` +
        rejected.map((r) => `    ${r.reason}`).join('\n'),
      { span: problems.find((p) => p.span)?.span },
    );
  }
  const method = resolve(requested as string | StateUpdateMethod);
  const problem = problemOf(method, eqs, ctx);
  if (problem) {
    throw new BrianError('integration_unsupported', problem.reason, {
      span: problem.span,
      hint: "choose another method with `method: …`, or leave it out to let brian-ts choose ('auto')",
    });
  }
  return { method: method.name, statements: method.integrate(eqs, ctx), automatic: false, rejected: [] };
}

function problemOf(
  method: StateUpdateMethod,
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
): IntegrationProblem | undefined {
  if (method.check) return method.check(eqs, ctx);
  const reason = method.cannotIntegrate(eqs, ctx);
  return reason === undefined ? undefined : { reason };
}
