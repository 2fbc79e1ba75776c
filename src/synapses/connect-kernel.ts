import type { Expr } from '../compiler/1-parse/ast.ts';
import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseGenerator } from '../compiler/1-parse/parse-generator.ts';
import { constantValue } from '../compiler/2-analyze/check-expression.ts';
import { ChainScope, type Resolved, type Scope, TableScope } from '../compiler/2-analyze/scope.ts';
import { BlockBuilder, type BlockInProgress } from '../compiler/3-lower/lower-block.ts';
import {
  MAX_SYNAPSES,
  type SynapsesCreateParams,
} from '../compiler/4-generate/js/kernels/synapses-create.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import type { ConnectOptions } from './connect.ts';
import { creationScope } from './connect-scope.ts';
import { elementCount } from './element-count.ts';
import type { Synapses } from './synapses.ts';

/**
 * The synapse-creation kernel (Brian's `synapses_create_generator` template): for each source
 * neuron (each target neuron for `i='…'` generators), the candidates — every target, or those
 * of a generator `EXPR for VAR in range(…)/sample(…) if COND` — filtered by the condition, kept
 * with probability p, n synapses each. A candidate outside the target group is an error (or
 * skipped with `skipIfInvalid`), checked after the condition unless the condition reads the
 * candidate's variables, as in Brian.
 */
export function runCreationKernel(S: Synapses, opts: ConnectOptions, condition: Expr | undefined): void {
  // For i='…' generators the roles swap: the outer loop runs over targets.
  const reversed = typeof opts.i === 'string';
  const generatorText = reversed ? (opts.i as string) : (opts.j as string | undefined);
  const builder = new BlockBuilder(
    new Map([
      ...SKELETON_LOCALS,
      ['_i', 'integer'],
      ['_j', 'integer'],
      ['_presynaptic_idx', 'integer'],
      ['_postsynaptic_idx', 'integer'],
    ]),
  );
  const perSource = builder.block();
  const elementBlock = builder.block();
  const conditionBlock = builder.block();
  let generator: SynapsesCreateParams['generator'];
  const conditionExprs: Expr[] = [];
  // The candidate index is `_j` in the kernel; with a generator its value comes from the element expression.
  let scope = creationScope(S, reversed ? '_jv' : '_i', reversed ? '_i' : '_jv', opts.namespace);

  if (generatorText !== undefined) {
    const gen = parseGenerator(source(generatorText, reversed ? 'i' : 'j'));
    const variable = gen.variable ?? '_k';
    // The iteration variable is visible to the element expression and the condition.
    const varTable = new Map<string, Resolved>();
    scope = new ChainScope([new TableScope(varTable), scope]);
    varTable.set(variable, {
      kind: 'variable',
      variable: {
        kind: 'auxiliary',
        name: `_gen_${variable}`,
        dim: DIMENSIONLESS,
        type: 'integer',
        shared: false,
      },
      index: { kind: 'shared' },
      scope,
    });
    if (gen.iterator) {
      const it = gen.iterator;
      const args = it.args;
      const fn = it.kind;
      const int = (e: Expr, name: string, role: string) => {
        refuseIterationVariable(e, variable, role, fn);
        return local(perSource, name, e, scope, 'integer', `The '${role}' argument of the ${fn} function`);
      };
      const probability = (e: Expr) => {
        refuseIterationVariable(e, variable, 'p', fn);
        return local(perSource, '_gen_p', e, scope, 'float');
      };
      const span = it.span;
      const num = (v: number): Expr => ({ kind: 'Number', value: v, isInteger: true, span });
      if (it.kind === 'range') {
        const [a, b, c] =
          args.length === 1 ? [num(0), args[0], num(1)] : [args[0], args[1], args[2] ?? num(1)];
        generator = {
          kind: 'range',
          start: int(a, '_gen_start', 'low'),
          stop: int(b, '_gen_stop', 'high'),
          step: int(c, '_gen_step', 'step'),
          variable: `_gen_${variable}`,
          element: '',
        };
      } else {
        const [a, b, c] =
          args.length === 1 ? [num(0), args[0], num(1)] : [args[0], args[1], args[2] ?? num(1)];
        const kw = new Map(it.keywords.map((k) => [k.name, k.value]));
        const pExpr = kw.get('p');
        const sizeExpr = kw.get('size');
        if ((pExpr === undefined) === (sizeExpr === undefined)) {
          throw new BrianError('generator_syntax', 'sample() needs exactly one of p=… or size=….', {
            span: it.span,
          });
        }
        generator = {
          kind: 'sample',
          start: int(a, '_gen_start', 'low'),
          stop: int(b, '_gen_stop', 'high'),
          step: int(c, '_gen_step', 'step'),
          p: pExpr ? probability(pExpr) : undefined,
          size: sizeExpr ? int(sizeExpr, '_gen_size', 'size') : undefined,
          variable: `_gen_${variable}`,
          element: '',
        };
      }
    } else {
      // A bare expression (`j='i'`): one candidate per source element.
      generator = {
        kind: 'range',
        start: '0',
        stop: '1',
        step: '1',
        variable: `_gen_${variable}`,
        element: '',
      };
    }
    const element = local(elementBlock, '_jv', gen.element, scope, 'integer');
    generator = { ...generator, element };
    if (gen.condition) conditionExprs.push(gen.condition);
  } else {
    // Without a generator the candidate is the loop index itself.
    scope = creationScope(S, reversed ? '_j' : '_i', reversed ? '_i' : '_j', opts.namespace);
  }
  if (condition !== undefined) conditionExprs.push(condition);
  let conditionLocal: string | undefined;
  if (conditionExprs.length > 0) {
    const combined = conditionExprs.reduce(
      (a, b): Expr => ({ kind: 'Logical', op: 'and', left: a, right: b, span: b.span }),
    );
    const c = conditionBlock.addExpression('_cond', combined, scope);
    if (c.type !== 'boolean') {
      throw new BrianError('type_mismatch', 'The connection condition is not a boolean expression.', {
        span: combined.span,
      });
    }
    conditionLocal = c.local;
  }
  const pLocal =
    typeof opts.p === 'string'
      ? local(conditionBlock, '_p', parseExpression(source(opts.p, 'p')), scope, 'float')
      : opts.p;
  const nLocal = typeof opts.n === 'string' ? multiplicity(opts.n, conditionBlock, scope) : opts.n;
  if (typeof pLocal === 'number' && !(pLocal >= 0 && pLocal <= 1)) {
    throw new BrianError('bad_argument', `connect(): p must be between 0 and 1, got ${pLocal}.`);
  }

  const [outerGroup, innerGroup] = reversed ? [S.target, S.source] : [S.source, S.target];
  let pParam: string | number | undefined = pLocal;
  const [outerSize, innerSize] = [elementCount(outerGroup), elementCount(innerGroup)];
  for (const size of [outerSize, innerSize])
    if (typeof size !== 'number') builder.noteArray(size.sizeOf, 'integer', true);
  if (!generator && typeof pLocal === 'number' && pLocal < 1 && typeof innerSize === 'number') {
    // A constant p without a generator: jump between selected targets geometrically
    // (sample(N_post, p=p)) instead of drawing a random number for every candidate pair.
    // Each pair is still kept independently with probability p; the condition applies after.
    generator = {
      kind: 'sample',
      start: '0',
      stop: String(innerSize),
      step: '1',
      p: String(pLocal),
      variable: '_j',
      element: '_j',
    };
    pParam = undefined;
  }
  const conditionCode = conditionBlock.finish();
  const innerIndexLocal = reversed ? '_presynaptic_idx' : '_postsynaptic_idx';
  const params: SynapsesCreateParams = {
    outerSize,
    innerSize,
    outerOffset: outerGroup.start,
    innerOffset: innerGroup.start,
    outerIndexLocal: reversed ? '_postsynaptic_idx' : '_presynaptic_idx',
    innerIndexLocal,
    outerArray: S.arrayId(reversed ? '_synaptic_post' : '_synaptic_pre'),
    innerArray: S.arrayId(reversed ? '_synaptic_pre' : '_synaptic_post'),
    generator,
    condition: conditionLocal,
    conditionReadsCandidate: conditionCode.loads.some(
      (load) => load.index.kind === 'element' && load.index.base === innerIndexLocal,
    ),
    p: pParam,
    n: nLocal,
    skipIfInvalid: opts.skipIfInvalid ?? false,
  };
  const kernel: Kernel<SynapsesCreateParams> = {
    kind: 'synapses_create_generator',
    name: `${S.name}_synapses_create`,
    scalar: builder.scalar().finish(),
    condition: conditionCode,
    vector: builder.block().finish(),
    extra: { perSource: perSource.finish(), element: elementBlock.finish() },
    arrays: builder.arrayInfos(),
    functions: builder.usedFunctions(),
    params,
  };
  const fn = S.device.compile(kernel, 'once');
  try {
    fn(S.clock.t_, S.clock.dt_, S.clock.timestep);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new BrianError('index_out_of_range', `connect(): ${e.message}.`, {
        span:
          generatorText !== undefined
            ? { start: 0, end: generatorText.length, source: source(generatorText, reversed ? 'i' : 'j') }
            : undefined,
      });
    }
    throw e;
  }
}

function source(text: string, what: string): SourceText {
  return new SourceText(text, `${what} of connect()`);
}

/**
 * A local of `block` holding `expr`; `want: 'integer'` refuses floats and booleans (Brian: "The
 * 'low' argument of the range function was float, but it needs to be an integer.").
 */
/**
 * `n` as an integer expression. Integers are 32-bit in every kernel (as in Brian's C++), so a
 * constant beyond that range would wrap (`2**40` to 0 synapses): constants are checked here in
 * float64, other values by the kernel (a negative count is refused there).
 */
function multiplicity(text: string, block: BlockInProgress, scope: Scope): string {
  const expr = parseExpression(source(text, 'n'));
  const value = constantValue(expr, scope);
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= MAX_SYNAPSES)) {
    throw new BrianError(
      'bad_argument',
      `connect(): n must be a non-negative integer of at most ${MAX_SYNAPSES}, '${text}' is ${value}.`,
      { span: expr.span },
    );
  }
  return local(block, '_n', expr, scope, 'integer');
}

function local(
  block: BlockInProgress,
  name: string,
  expr: Expr,
  scope: Scope,
  want: 'integer' | 'float',
  what = 'This expression',
): string {
  const r = block.addExpression(name, expr, scope);
  // Indices, counts and probabilities are plain numbers: `p: '2*mV'` is a mistake.
  if (r.dim !== DIMENSIONLESS) {
    throw new BrianError(
      'dimension_not_dimensionless',
      `${what} must be dimensionless, it has dimension ${r.dim}.`,
      {
        span: expr.span,
      },
    );
  }
  if (want === 'integer' && r.type !== 'integer') {
    throw new BrianError('type_mismatch', `${what} was ${r.type}, but it needs to be an integer.`, {
      span: expr.span,
      hint: r.type === 'float' ? 'use int(...)' : undefined,
    });
  }
  return r.local;
}

/** The bounds of range()/sample() are computed once per element, before the loop variable exists. */
function refuseIterationVariable(expr: Expr, variable: string, role: string, fn: string): void {
  if (identifiers(expr).has(variable)) {
    throw new BrianError(
      'bad_argument',
      `The '${role}' argument of the ${fn} function depends on the loop variable ${variable}.`,
      { span: expr.span },
    );
  }
}
