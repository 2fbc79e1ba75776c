import type { ModelFunction } from '../compiler/2-analyze/external-scope.ts';
import { numberLiteral } from '../compiler/4-generate/js/print-expr.ts';
import type { FunctionDef, TemplateContext } from '../compiler/functions.ts';
import {
  binomialConstants,
  normalApproximation,
  useNormalApproximation,
} from '../core/random/binomial-constants.ts';
import type { DrawState } from '../core/random/draw-state.ts';
import { SiteDraws } from '../core/random/site-draws.ts';
import { getDevice } from '../devices/active.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { uniqueName } from '../network/names.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkBinomialArgs } from '../validation/input-options.ts';

/** The options of `new BinomialFunction(n, p, options)`: Brian's `approximate` and `name`. */
export interface BinomialFunctionOptions {
  /** Use the normal approximation when n·p > 5 and n·(1−p) > 5 (default true, as Brian). */
  readonly approximate?: boolean;
  /** Unique name (Brian's `name`), used in generated code; default `_binomial`, `_binomial_1`… */
  readonly name?: string;
}

/**
 * A function without arguments that draws from a binomial distribution with `n` trials of
 * probability `p` at every call (Brian's BinomialFunction; PoissonInput uses it). With
 * `approximate` (the default) and n·p > 5 and n·(1−p) > 5 it draws `randn()*sqrt(n p (1−p)) + n p`
 * instead, a real number; otherwise numpy's inversion algorithm gives an exact integer sample.
 * Put it in a namespace to call it from model code: `v += stim()*mV`.
 */
export class BinomialFunction implements ModelFunction {
  /** Unique name of the function (Brian's `name`). */
  readonly name: string;
  /** Number of trials. */
  readonly n: number;
  /** Probability of success of each trial (a number in [0, 1]). */
  readonly p: number;
  /** Whether calls use the normal approximation. */
  readonly useNormal: boolean;
  /** @internal How model code calls it: no arguments, a dimensionless result, code per target language. */
  readonly brianFunction: FunctionDef;

  constructor(n: number, p: number | Quantity, options: BinomialFunctionOptions = {}) {
    options = checkBinomialArgs(n, options);
    if (!Number.isInteger(n) || n < 0) {
      throw new BrianError(
        'bad_argument',
        `The number of trials of a binomial must be an integer >= 0, got ${n}.`,
      );
    }
    const prob = p instanceof Quantity ? dimensionlessValue(p) : p;
    if (typeof prob !== 'number' || !(prob >= 0 && prob <= 1)) {
      throw new BrianError(
        'bad_argument',
        `The probability of a binomial must lie in [0, 1], got ${describeValue(p)}.`,
        {
          hint: 'for PoissonInput, rate*dt must not exceed 1',
        },
      );
    }
    this.n = n;
    this.p = prob;
    this.useNormal = (options.approximate ?? true) && useNormalApproximation(n, prob);
    if (!this.useNormal && binomialConstants(n, prob).qn === 0) {
      // The inversion starts from P(X = 0) = (1-p)^n; at 0 it never stops (Brian's loops forever).
      throw new BrianError(
        'bad_argument',
        `BinomialFunction(${n}, ${prob}) with approximate: false cannot be drawn exactly: (1-p)^n underflows to 0 (n·min(p, 1-p) is ${(n * Math.min(prob, 1 - prob)).toExponential(2)}, the exact method works up to about 700).`,
        { hint: 'use the normal approximation (approximate: true, the default) for a binomial this large' },
      );
    }
    this.name = uniqueName(options.name ?? '_binomial*');
    this.brianFunction = this.useNormal ? normalRow(this.name, n, prob) : inversionRow(this.name, n, prob);
  }

  /**
   * One sample, drawn as a one-off call of the active device's random state (by default): the
   * next call draws another number, `seed()` makes them reproducible.
   */
  sample(state: DrawState = getDevice().draws): number {
    const draws = new SiteDraws();
    draws.begin(state.invocation(state.stream(this.name), state.nextCall(), true), 0);
    return drawBinomial(draws, this.n, this.p, this.useNormal);
  }

  toString(): string {
    return `BinomialFunction(${this.n}, ${this.p}, name='${this.name}')`;
  }
}

/** A binomial sample from one call site's draws, by Brian's rule (see BinomialFunction). */
export function drawBinomial(draws: SiteDraws, n: number, p: number, useNormal: boolean): number {
  if (useNormal) {
    const { loc, scale } = normalApproximation(n, p);
    return draws.randn() * scale + loc;
  }
  const c = binomialConstants(n, p);
  const x = draws.binomialInversion(c.n, c.P, c.q, c.qn, c.bound);
  return c.reverse ? c.n - x : x;
}

function base(name: string, resultType: 'integer' | 'float'): Omit<FunctionDef, 'inline'> {
  return {
    name,
    argDims: [],
    resultDim: () => DIMENSIONLESS,
    resultType,
    stateful: true,
    random: true,
    js: name,
    cpp: name,
  };
}

/** `randn()*scale + loc` (Brian's `_generate_*_code` with use_normal). */
function normalRow(name: string, n: number, p: number): FunctionDef {
  const { loc, scale } = normalApproximation(n, p);
  const l = numberLiteral(loc);
  const s = numberLiteral(scale);
  return {
    ...base(name, 'float'),
    inline: {
      arrays: [],
      js: (_args, ctx) => `${draws(ctx)}.randn() * ${s} + ${l}`,
      cpp: (_args, ctx) => `(${draws(ctx)}.randn() * ${s} + ${l})`,
    },
  };
}

/** numpy's inversion with the constants folded in (Brian's `_generate_cpp_code` without use_normal). */
function inversionRow(name: string, n: number, p: number): FunctionDef {
  const c = binomialConstants(n, p);
  const args = [c.n, c.P, c.q, c.qn, c.bound].map(numberLiteral).join(', ');
  const cppName = `_binomial_${hashText(args)}`;
  const result = (x: string) => (c.reverse ? `${c.n} - ${x}` : x);
  return {
    ...base(name, 'integer'),
    inline: {
      arrays: [],
      js: (_args, ctx) => result(`${draws(ctx)}.binomialInversion(${args})`),
      cpp: (_args, ctx) => `(${result(`${cppName}(${draws(ctx)})`)})`,
      cppSupport: `
static inline long ${cppName}(brian::SiteDraws& _draws)
{
    // numpy's random_binomial_inversion for n = ${c.n}, p = ${numberLiteral(c.P)}
    long X = 0;
    double px = ${numberLiteral(c.qn)};
    double U = _draws.rand();
    while (U > px)
    {
        X++;
        if (X > ${numberLiteral(c.bound)})
        {
            X = 0;
            px = ${numberLiteral(c.qn)};
            U = _draws.rand();
        }
        else
        {
            U -= px;
            px = ((${c.n} - X + 1) * ${numberLiteral(c.P)} * px) / (X * ${numberLiteral(c.q)});
        }
    }
    return X;
}
`,
    },
  };
}

/** The call site's draws (printers pass them to every random function). */
function draws(ctx: TemplateContext): string {
  if (!ctx.random) throw new Error('internal: a binomial printed without its call site');
  return ctx.random;
}

function dimensionlessValue(q: Quantity): number {
  if (!q.dim.isDimensionless) {
    throw new BrianError(
      'dimension_mismatch',
      `The probability of a binomial must be dimensionless, got ${q}.`,
    );
  }
  return q.value;
}

/** A short stable name for generated C++ (identical constants give identical support code). */
function hashText(text: string): string {
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return (h >>> 0).toString(16);
}
