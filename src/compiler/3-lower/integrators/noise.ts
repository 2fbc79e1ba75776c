import type { Span } from '../../../diagnostics/span.ts';
import { toExpr, toNode } from '../../../symbolic/convert.ts';
import { freeNames } from '../../../symbolic/depends.ts';
import { linearParts } from '../../../symbolic/linear.ts';
import type { Expr } from '../../1-parse/ast.ts';
import { notConstantOverDt } from './time-dependence.ts';
import type { IntegrationContext, IntegrationProblem, OdeEquation } from './types.ts';

/**
 * The stochastic part of equations. Each distinct noise symbol (`xi`, `xi_1`, `xi_syn`…) is one
 * independent white-noise source; an equation must be linear in them, `f + g_1·xi_1 + g_2·xi_2`
 * (Brian's `split_stochastic`). Noise is understood in the Stratonovich sense, as in Brian.
 */
export interface NoiseSplit {
  /** f: the equation without its noise terms (expanded, as Brian's split does, when it had noise). */
  readonly deterministic: Expr;
  /** g for each noise symbol of the equation. */
  readonly noise: ReadonlyMap<string, Expr>;
}

/** The noise symbols used in an equation, sorted. */
export function noiseSymbolsOf(eq: OdeEquation, ctx: IntegrationContext): string[] {
  return [...freeNames(eq.expr)].filter((n) => ctx.kindOf(n) === 'noise').sort();
}

/** The noise symbols of a system, sorted: one random draw each per element and step. */
export function noiseSymbols(eqs: readonly OdeEquation[], ctx: IntegrationContext): string[] {
  return [...new Set(eqs.flatMap((eq) => noiseSymbolsOf(eq, ctx)))].sort();
}

export function isStochastic(eqs: readonly OdeEquation[], ctx: IntegrationContext): boolean {
  return eqs.some((eq) => noiseSymbolsOf(eq, ctx).length > 0);
}

/** Where a noise symbol is first written in the equations (for errors and generated draws). */
export function noiseSpan(eqs: readonly OdeEquation[], symbol: string): Span | undefined {
  for (const eq of eqs) {
    const found = findName(eq.expr, symbol);
    if (found) return found.span;
  }
  return undefined;
}

function findName(e: Expr, name: string): Expr | undefined {
  switch (e.kind) {
    case 'Name':
      return e.name === name ? e : undefined;
    case 'Number':
    case 'Bool':
      return undefined;
    case 'Call':
      for (const a of e.args) {
        const f = findName(a, name);
        if (f) return f;
      }
      return undefined;
    case 'Unary':
      return findName(e.operand, name);
    default:
      return findName(e.left, name) ?? findName(e.right, name);
  }
}

/** Splits an equation into f and the g's, or says why it cannot be split (a reason to prefix with the method). */
export function splitNoise(eq: OdeEquation, ctx: IntegrationContext): NoiseSplit | IntegrationProblem {
  const symbols = noiseSymbolsOf(eq, ctx);
  if (symbols.length === 0) return { deterministic: eq.expr, noise: new Map() };
  const parts = linearParts(toNode(eq.expr), new Set(symbols));
  if (!parts) {
    return {
      reason: `the noise terms of d${eq.name}/dt cannot be separated: the equation must be linear in ${symbols.join(', ')} (f + g*xi)`,
      span: eq.span,
    };
  }
  const noise = new Map<string, Expr>();
  for (const symbol of symbols) {
    const g = parts.coefficients.get(symbol);
    if (g) noise.set(symbol, toExpr(g, eq.span));
  }
  return { deterministic: toExpr(parts.constant, eq.span), noise };
}

export function isProblem(x: NoiseSplit | IntegrationProblem): x is IntegrationProblem {
  return 'reason' in x;
}

/**
 * The first noise term that makes the noise multiplicative (Brian's `stochastic_type` with the
 * re-check its explicit integrators make): its factor g depends on a state variable, or on `t`
 * other than through a locally constant function. Undefined for additive noise.
 */
export function multiplicativeNoise(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
): { eq: OdeEquation; symbol: string; why: string } | undefined {
  const states = new Set(eqs.map((e) => e.name));
  for (const eq of eqs) {
    const split = splitNoise(eq, ctx);
    if (isProblem(split)) continue;
    for (const [symbol, g] of split.noise) {
      const dependsOnState = [...freeNames(g)].filter((n) => states.has(n));
      if (dependsOnState.length) return { eq, symbol, why: `depends on ${dependsOnState.join(', ')}` };
      if (notConstantOverDt(g, ctx, { stateful: false })) return { eq, symbol, why: 'depends on t' };
    }
  }
  return undefined;
}
