import { builders } from '../../../symbolic/build.ts';
import { simplify } from '../../../symbolic/simplify.ts';
import { substitute } from '../../../symbolic/substitute.ts';
import type { Expr, Statement } from '../../1-parse/ast.ts';
import { type DescriptionStep, type ExplicitDescription, parseDescription } from './description.ts';
import {
  isProblem,
  isStochastic,
  multiplicativeNoise,
  type NoiseSplit,
  noiseSpan,
  noiseSymbols,
  splitNoise,
} from './noise.ts';
import type {
  IntegrationContext,
  IntegrationProblem,
  OdeEquation,
  StateUpdateMethod,
  Stochasticity,
} from './types.ts';

/** An extra applicability test of a method (Brian's `custom_check`), e.g. milstein's diagonal noise. */
export type CustomCheck = (
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  method: string,
) => IntegrationProblem | undefined;

/**
 * The one engine behind every explicit method (Brian's `ExplicitStateUpdater`): applies a
 * description such as `k = dt*f(x,t); x_new = x + dt*f(x + k/2, t + dt/2)` to a system of
 * equations. Each intermediate result exists once per state variable (`__k_v`), and once per
 * state variable and noise source in stochastic systems (`__k_v_xi_1`). In `f(X, T)` every state
 * variable u is replaced by X written for u, and t by T. Noise sources are drawn first:
 * `_xi = dt**0.5*randn()`, standing for dW.
 */
export function explicitMethod(
  name: string,
  description: string | ExplicitDescription,
  stochastic: Stochasticity,
  customCheck?: CustomCheck,
): StateUpdateMethod {
  const desc =
    typeof description === 'string' ? parseDescription(description, `description of ${name}`) : description;
  const check = (eqs: readonly OdeEquation[], ctx: IntegrationContext): IntegrationProblem | undefined => {
    for (const eq of eqs) {
      const split = splitNoise(eq, ctx);
      if (isProblem(split))
        return { ...split, reason: `${name} cannot integrate these equations: ${split.reason}` };
    }
    if (isStochastic(eqs, ctx)) {
      if (stochastic === 'none') {
        const symbol = noiseSymbols(eqs, ctx)[0];
        return { reason: `${name} cannot integrate stochastic equations`, span: noiseSpan(eqs, symbol) };
      }
      const multiplicative = stochastic === 'additive' ? multiplicativeNoise(eqs, ctx) : undefined;
      if (multiplicative) {
        const { eq, symbol, why } = multiplicative;
        return {
          reason:
            `${name} can only integrate equations with additive noise, but the factor of ${symbol} ` +
            `in d${eq.name}/dt ${why} (multiplicative noise: use heun or milstein)`,
          span: eq.span,
        };
      }
    }
    return customCheck?.(eqs, ctx, name);
  };
  return {
    name,
    stochastic,
    check,
    cannotIntegrate: (eqs, ctx) => check(eqs, ctx)?.reason,
    integrate: (eqs, ctx) => applyDescription(desc, eqs, ctx),
  };
}

function applyDescription(
  desc: ExplicitDescription,
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
): Statement[] {
  const splits = new Map<string, NoiseSplit>();
  for (const eq of eqs) {
    const split = splitNoise(eq, ctx);
    if (isProblem(split)) throw new Error(`explicit integrator: ${split.reason}`);
    splits.set(eq.name, split);
  }
  const states = eqs.map((eq) => eq.name);
  const sources = noiseSymbols(eqs, ctx);
  const temp = (step: string, u: string, source?: string) => `__${step}_${u}${source ? `_${source}` : ''}`;
  // Intermediate results that are 0 (g of a variable for a noise source it does not have):
  // written as 0 where used, so that their terms vanish instead of mixing dimensions.
  const zeros = new Set<string>();
  const tempExpr = (b: ReturnType<typeof builders>, name: string): Expr =>
    zeros.has(name) ? b.num(0) : b.name(name);
  const out: Statement[] = [];

  for (const source of sources) {
    const b = builders(noiseSpan(eqs, source) ?? eqs[0].span);
    out.push(b.assign(`_${source}`, b.mul(b.pow(b.name('dt'), b.float(0.5)), b.call('randn'))));
  }

  const render = (step: DescriptionStep, eq: OdeEquation, naming: TempNaming, source?: string): Expr => {
    const split = splits.get(eq.name)!;
    const b = builders(eq.span);
    const parts = [instantiate(step.deterministic, eq, states, splits, naming, undefined)];
    if (step.stochastic && source !== undefined && split.noise.size > 0) {
      parts.push(instantiate(step.stochastic, eq, states, splits, naming, source));
    }
    return simplify(b.add(...parts), eq.span);
  };

  for (const step of desc.steps) {
    for (const eq of eqs) {
      const b = builders(eq.span);
      if (sources.length === 0) {
        out.push(
          b.assign(
            temp(step.name, eq.name),
            render(step, eq, (s, u) => b.name(temp(s, u))),
          ),
        );
      } else {
        for (const source of sources) {
          const naming: TempNaming = (s, u) => tempExpr(b, temp(s, u, source));
          const value = render(step, eq, naming, source);
          const name = temp(step.name, eq.name, source);
          if (value.kind === 'Number' && value.value === 0) zeros.add(name);
          else out.push(b.assign(name, value));
        }
      }
    }
  }

  for (const eq of eqs) {
    const b = builders(eq.span);
    let value: Expr;
    if (sources.length === 0) {
      value = render(desc.output, eq, (s, u) => b.name(temp(s, u)));
    } else {
      // The deterministic part sees each intermediate result summed over the noise sources,
      // each stochastic part the results of its own source (as Brian does).
      const summed: TempNaming = (s, u) => b.add(...sources.map((src) => tempExpr(b, temp(s, u, src))));
      const parts = [instantiate(desc.output.deterministic, eq, states, splits, summed, undefined)];
      if (desc.output.stochastic && splits.get(eq.name)!.noise.size > 0) {
        for (const source of sources) {
          const own: TempNaming = (s, u) => tempExpr(b, temp(s, u, source));
          parts.push(instantiate(desc.output.stochastic, eq, states, splits, own, source));
        }
      }
      value = simplify(b.add(...parts), eq.span);
    }
    out.push(b.assign(`_${eq.name}`, value));
  }
  for (const eq of eqs) {
    const b = builders(eq.span);
    out.push(b.assign(eq.name, b.name(`_${eq.name}`)));
  }
  return out;
}

/** The expression naming an intermediate result `step` for the state variable `u`. */
type TempNaming = (step: string, u: string) => Expr;

/**
 * A description expression written for the equation of `eq`: x is the variable, intermediate
 * results are named by `naming`, dW is the draw of `source`, f(X, T) and g(X, T) are the
 * equation's deterministic part and its factor of `source`, evaluated at X (for every state
 * variable) and T.
 */
function instantiate(
  expr: Expr,
  eq: OdeEquation,
  states: readonly string[],
  splits: ReadonlyMap<string, NoiseSplit>,
  naming: TempNaming,
  source: string | undefined,
): Expr {
  const b = builders(eq.span);
  const names = (e: Expr, u: string): Expr => {
    switch (e.kind) {
      case 'Name':
        if (e.name === 'x') return b.name(u);
        if (e.name === 't' || e.name === 'dt') return b.name(e.name);
        if (e.name === 'dW') return source === undefined ? b.num(0) : b.name(`_${source}`);
        return naming(e.name, u);
      case 'Call': {
        if (e.callee === 'f' || e.callee === 'g') return evaluateAt(e.callee, e.args);
        return { ...e, span: eq.span, args: e.args.map((a) => names(a, u)) };
      }
      case 'Unary':
        return { ...e, span: eq.span, operand: names(e.operand, u) };
      case 'Binary':
      case 'Compare':
      case 'Logical':
        return { ...e, span: eq.span, left: names(e.left, u), right: names(e.right, u) };
      default:
        return { ...e, span: eq.span };
    }
  };
  const evaluateAt = (fn: 'f' | 'g', [x, t]: readonly Expr[]): Expr => {
    const split = splits.get(eq.name)!;
    const body =
      fn === 'f' ? split.deterministic : source === undefined ? undefined : split.noise.get(source);
    if (!body) return b.num(0);
    const replacements = new Map<string, Expr>(states.map((u) => [u, names(x, u)]));
    if (!(t.kind === 'Name' && t.name === 't')) replacements.set('t', names(t, eq.name));
    return substitute(body, replacements);
  };
  return names(expr, eq.name);
}
