import type { Expr, Statement } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { ChainScope, type Resolved, TableScope } from '../compiler/2-analyze/scope.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText, span } from '../diagnostics/span.ts';
import { type Group, SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { BrianObject, type RunContext, type Runner } from '../network/brian-object.ts';
import { collect } from '../network/magic.ts';
import { uniqueName } from '../network/names.ts';
import { hertz } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkPoissonInputArgs } from '../validation/input-options.ts';
import { BinomialFunction } from './binomial.ts';

/** The options of `new PoissonInput(target, targetVar, N, rate, weight, options)`: Brian's keyword arguments. */
export interface PoissonInputOptions {
  /** Schedule slot (default `synapses`) and order in it (default 0), as Brian. */
  readonly when?: string;
  /** Order in the slot, lowest first (Brian's `order`). */
  readonly order?: number;
  /** Unique name (Brian's `name`); default `poissoninput`, `poissoninput_1`… */
  readonly name?: string;
}

/** Name of the weight constant in the kernel's scope (a Quantity weight). */
const WEIGHT = '_poissoninput_weight';

/**
 * Independent Poisson input to a variable of a group without simulating the sources (Brian's
 * PoissonInput): at every step, each element of `target` gets `binomial(N, rate*dt) * weight`
 * added to `targetVar` (the binomial approximated by a normal distribution when N·p > 5 and
 * N·(1−p) > 5, as Brian's BinomialFunction). `weight` is a quantity with the variable's unit, or
 * an expression evaluated in the target's context (`'w0*(1 + i)'`).
 */
export class PoissonInput extends BrianObject {
  /** The group whose variable receives the input. */
  readonly target: Group;
  /** The variable that receives the input (Brian's `target_var`). */
  readonly targetVar: string;
  /** Number of independent Poisson sources per target element. */
  readonly N: number;
  /** Rate of each source (a frequency). */
  readonly rate: Quantity;
  /** What each source spike adds: a quantity with the variable's unit, or an expression text. */
  readonly weight: Quantity | string;
  private readonly runner: PoissonInputRunner;
  private binomial?: BinomialFunction;
  private readonly weightExpr: Expr;

  constructor(
    target: Group,
    targetVar: string,
    N: number,
    rate: Quantity,
    weight: Quantity | number | string,
    options: PoissonInputOptions = {},
  ) {
    options = checkPoissonInputArgs(target, targetVar, N, rate, options);
    super(uniqueName(options.name ?? 'poissoninput*'), target.clock);
    const variable = target.variables.get(targetVar);
    if (!variable || targetVar.startsWith('_')) {
      throw new BrianError('unknown_variable', `${targetVar} is not a variable of ${target.name}.`, {
        hint: `its variables are: ${target.userVariableNames().join(', ')}`,
      });
    }
    if (!Number.isInteger(N) || N < 1) {
      throw new BrianError(
        'bad_argument',
        `The number of inputs of a PoissonInput must be an integer >= 1, got ${N}.`,
      );
    }
    if (typeof rate === 'number') {
      throw new BrianError(
        'missing_unit',
        `The rate of a PoissonInput must be a frequency, not the bare number ${rate}.`,
        {
          hint: 'e.g. Hz(10)',
        },
      );
    }
    if (!(rate instanceof Quantity) || rate.dim !== hertz.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The rate of a PoissonInput must be a frequency, got ${describeValue(rate)}.`,
      );
    }
    if (!(rate.value >= 0)) {
      throw new BrianError('bad_argument', `The rate of a PoissonInput cannot be negative, got ${rate}.`);
    }
    this.target = target;
    this.targetVar = targetVar;
    this.N = N;
    this.rate = rate;
    if (typeof weight === 'string') {
      this.weight = weight;
      this.weightExpr = parseExpression(new SourceText(weight, `weight of ${this.name}`));
    } else {
      const q = typeof weight === 'number' ? new Quantity(weight) : weight;
      if (!(q instanceof Quantity)) {
        throw new BrianError(
          'bad_argument',
          `The weight of a PoissonInput must be a quantity or a string, got ${describeValue(weight)}.`,
        );
      }
      if (q.dim !== variable.dim) {
        throw new BrianError(
          'dimension_mismatch',
          `The weight ${q} of ${this.name} does not have the unit of the target variable ${target.name}.${targetVar} ` +
            `(dimensions ${q.dim} and ${variable.dim}).`,
        );
      }
      this.weight = q;
      const source = new SourceText(String(q), `weight of ${this.name}`);
      this.weightExpr = { kind: 'Name', name: WEIGHT, span: span(0, source.text.length, source) };
    }
    this.runner = new PoissonInputRunner(this, options.when ?? 'synapses', options.order ?? 0);
    collect(this);
    this.exposeAttributes();
  }

  /** The binomial drawn at each step for the current dt (made anew when dt changes). */
  binomialFor(dt: number): BinomialFunction {
    const p = this.rate.value * dt;
    if (!this.binomial || this.binomial.p !== p) {
      this.binomial = new BinomialFunction(this.N, p, { name: 'poissoninput_binomial*' });
    }
    return this.binomial;
  }

  /** @internal `targetVar += binomial()*(weight)` with the binomial and a quantity weight resolvable by name. */
  statement(binomial: BinomialFunction): { statement: Statement; names: Map<string, Resolved> } {
    const w = this.weightExpr;
    const names = new Map<string, Resolved>([
      [binomial.name, { kind: 'function', def: binomial.brianFunction }],
    ]);
    if (this.weight instanceof Quantity) {
      names.set(WEIGHT, { kind: 'constant', value: this.weight.value, dim: this.weight.dim, type: 'float' });
    }
    const call: Expr = {
      kind: 'Call',
      callee: binomial.name,
      calleeSpan: w.span,
      args: [],
      keywords: [],
      span: w.span,
    };
    return {
      statement: {
        kind: 'Assign',
        target: this.targetVar,
        targetSpan: w.span,
        op: '+=',
        value: { kind: 'Binary', op: '*', left: call, right: w, span: w.span },
        span: w.span,
      },
      names,
    };
  }

  runners(): readonly Runner[] {
    return [this.runner];
  }

  stateArrays(): readonly string[] {
    return [];
  }

  override dependencies() {
    return [this.target];
  }

  override toString(): string {
    return `PoissonInput(clock=${this.clock}, when=${this.runner.when}, order=${this.runner.order}, name='${this.name}')`;
  }
}

/** The per-step kernel (`poisson_input`): one binomial draw per target element. */
class PoissonInputRunner extends KernelRunner {
  readonly partOf: Group;

  constructor(
    readonly input: PoissonInput,
    when: string,
    order: number,
  ) {
    super(input, input.name, when, order, input.target.clock);
    this.partOf = input.target;
  }

  protected build(ctx: RunContext): Kernel {
    const input = this.input;
    const target = input.target;
    const { statement, names } = input.statement(input.binomialFor(target.clock.dt_));
    const scope = new ChainScope([new TableScope(names), target.codeScope(ctx.runNamespace)]);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    vector.addStatement(statement, scope);
    return {
      kind: 'poisson_input',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: target.start, stop: target.stop },
    };
  }
}
