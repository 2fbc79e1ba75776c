import type { Expr } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseGenerator } from '../compiler/1-parse/parse-generator.ts';
import { ExternalScope } from '../compiler/2-analyze/external-scope.ts';
import { ChainScope, type Resolved, type Scope, TableScope } from '../compiler/2-analyze/scope.ts';
import { BlockBuilder, type BlockInProgress } from '../compiler/3-lower/lower-block.ts';
import type { SynapsesCreateParams } from '../compiler/4-generate/js/kernels/synapses-create.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { throughIndex, viewEntries } from './synapse-scope.ts';
import type { Synapses } from './synapses.ts';

/** Explicit indices: one, a list, or anything iterable over indices (a morphology's compartments). */
export type Indices = number | ArrayLike<number> | Iterable<number>;

/** The options of `S.connect(options)`: Brian's keyword arguments of `Synapses.connect` in camelCase. */
export interface ConnectOptions {
  /** Boolean expression over `i`, `j`, `x_pre`, `x_post` and constants. */
  readonly condition?: string | boolean;
  /** Probability of each candidate pair: a number or an expression. */
  readonly p?: number | string;
  /** Synapses per selected pair: a number or an expression. */
  readonly n?: number | string;
  /** Explicit pairs (with `j`), or an expression/generator giving the source of each target (with no `j`). */
  readonly i?: Indices | string;
  /**
   * Explicit pairs (with `i`), or an expression/generator giving the targets of each source.
   * Compartments of a morphology name their indices (`j: morpho.axon.at(um(25))`, Brian's
   * `j=morpho.axon[25*um]`).
   */
  readonly j?: Indices | string;
  /** Drop generated indices outside the target group instead of raising an error. */
  readonly skipIfInvalid?: boolean;
  /** Values of the external names used in `condition`, `p`, `n`, `i`, `j` (Brian's `namespace`); default the synapses' namespace. */
  readonly namespace?:
    | Readonly<Record<string, never>>
    | import('../compiler/2-analyze/external-scope.ts').Namespace;
}

/** Adds synapses to `S` as Brian's `Synapses.connect` does. */
export function connectSynapses(S: Synapses, opts: ConnectOptions): void {
  const explicitI = opts.i !== undefined && typeof opts.i !== 'string';
  const explicitJ = opts.j !== undefined && typeof opts.j !== 'string';
  if (explicitI || explicitJ) {
    if (!(explicitI && explicitJ)) {
      throw new BrianError('bad_argument', 'connect() with explicit indices needs both i and j arrays.');
    }
    if (opts.condition !== undefined || opts.p !== undefined) {
      throw new BrianError(
        'bad_argument',
        'connect() with explicit i and j cannot also take a condition or p.',
      );
    }
    connectArrays(S, opts.i as Indices, opts.j as Indices, opts.n);
    return;
  }
  if (typeof opts.i === 'string' && typeof opts.j === 'string') {
    throw new BrianError('bad_argument', 'connect() takes a generator for i or for j, not both.');
  }
  runCreationKernel(S, opts);
}

function toInt32(x: Indices): Int32Array {
  return Int32Array.from(typeof x === 'number' ? [x] : Array.from(x));
}

function connectArrays(S: Synapses, i: Indices, j: Indices, n: ConnectOptions['n']): void {
  let is = toInt32(i);
  let js = toInt32(j);
  if (is.length === 1 && js.length > 1) is = new Int32Array(js.length).fill(is[0]);
  if (js.length === 1 && is.length > 1) js = new Int32Array(is.length).fill(js[0]);
  if (is.length !== js.length) {
    throw new BrianError('bad_argument', `connect(): i has ${is.length} values but j has ${js.length}.`);
  }
  const copies = n === undefined ? 1 : Number(n);
  if (!Number.isInteger(copies) || copies < 0) {
    throw new BrianError(
      'bad_argument',
      `connect(): with explicit i and j, n must be a non-negative integer, got ${String(n)}.`,
    );
  }
  const pre = new Int32Array(is.length * copies);
  const post = new Int32Array(is.length * copies);
  let m = 0;
  for (let k = 0; k < is.length; k++) {
    if (is[k] < 0 || is[k] >= S.source.N) {
      throw new BrianError(
        'index_out_of_range',
        `connect(): source index ${is[k]} is outside 0…${S.source.N - 1}.`,
      );
    }
    if (js[k] < 0 || js[k] >= S.target.N) {
      throw new BrianError(
        'index_out_of_range',
        `connect(): target index ${js[k]} is outside 0…${S.target.N - 1}.`,
      );
    }
    for (let c = 0; c < copies; c++, m++) {
      pre[m] = is[k];
      post[m] = js[k];
    }
  }
  S.device.append(S.arrayId('_synaptic_pre'), pre);
  S.device.append(S.arrayId('_synaptic_post'), post);
}

/** The names visible in connect code: i, j, pre/post variables with suffixes, N_pre/N_post, constants. */
function creationScope(
  S: Synapses,
  iLocal: string,
  jLocal: string,
  extra: ConnectOptions['namespace'],
): Scope {
  const table = new Map<string, Resolved>();
  const scope: Scope = new ChainScope([
    new TableScope(table),
    new ExternalScope(extra ? { ...(S.namespace ?? {}), ...extra } : S.namespace, undefined, S.name),
  ]);
  const aux = (name: string) => ({
    kind: 'variable' as const,
    variable: {
      kind: 'auxiliary' as const,
      name,
      dim: DIMENSIONLESS,
      type: 'integer' as const,
      shared: false,
    },
    index: { kind: 'shared' as const },
    scope,
  });
  table.set('i', aux(iLocal));
  table.set('j', aux(jLocal));
  for (const name of ['N_pre', 'N_post'] as const) {
    const v = S.variables.get(name)!;
    table.set(name, { kind: 'variable', variable: v, index: { kind: 'shared' }, scope });
  }
  viewEntries(
    S.source,
    (n) => `${n}_pre`,
    throughIndex('_presynaptic_idx', []),
    table,
    () => scope,
  );
  viewEntries(
    S.target,
    (n) => `${n}_post`,
    throughIndex('_postsynaptic_idx', []),
    table,
    () => scope,
  );
  return scope;
}

function source(text: string, what: string): SourceText {
  return new SourceText(text, `${what} of ${'connect()'}`);
}

function runCreationKernel(S: Synapses, opts: ConnectOptions): void {
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
  const [outerName, innerName] = reversed ? ['_j', '_i'] : ['_i', '_j'];
  const perSource = builder.block();
  const elementBlock = builder.block();
  const condition = builder.block();
  let generator: SynapsesCreateParams['generator'];
  let conditionExprs: Expr[] = [];
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
      const int = (e: Expr, name: string) => local(perSource, name, e, scope, 'integer');
      const span = it.span;
      const num = (v: number): Expr => ({ kind: 'Number', value: v, isInteger: true, span });
      if (it.kind === 'range') {
        const [a, b, c] =
          args.length === 1 ? [num(0), args[0], num(1)] : [args[0], args[1], args[2] ?? num(1)];
        generator = {
          kind: 'range',
          start: int(a, '_gen_start'),
          stop: int(b, '_gen_stop'),
          step: int(c, '_gen_step'),
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
          start: int(a, '_gen_start'),
          stop: int(b, '_gen_stop'),
          step: int(c, '_gen_step'),
          p: pExpr ? local(perSource, '_gen_p', pExpr, scope, 'float') : undefined,
          size: sizeExpr ? int(sizeExpr, '_gen_size') : undefined,
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
  if (typeof opts.condition === 'string')
    conditionExprs.push(parseExpression(source(opts.condition, 'condition')));
  if (opts.condition === false) return;
  conditionExprs = conditionExprs.filter(Boolean);
  let conditionLocal: string | undefined;
  if (conditionExprs.length > 0) {
    const combined = conditionExprs.reduce(
      (a, b): Expr => ({ kind: 'Logical', op: 'and', left: a, right: b, span: b.span }),
    );
    const c = condition.addExpression('_cond', combined, scope);
    if (c.type !== 'boolean') {
      throw new BrianError('type_mismatch', 'The connection condition is not a boolean expression.', {
        span: combined.span,
      });
    }
    conditionLocal = c.local;
  }
  const pLocal =
    typeof opts.p === 'string'
      ? local(condition, '_p', parseExpression(source(opts.p, 'p')), scope, 'float')
      : opts.p;
  const nLocal =
    typeof opts.n === 'string'
      ? local(condition, '_n', parseExpression(source(opts.n, 'n')), scope, 'integer')
      : opts.n;
  if (typeof pLocal === 'number' && !(pLocal >= 0 && pLocal <= 1)) {
    throw new BrianError('bad_argument', `connect(): p must be between 0 and 1, got ${pLocal}.`);
  }

  const [outerGroup, innerGroup] = reversed ? [S.target, S.source] : [S.source, S.target];
  let pParam: string | number | undefined = pLocal;
  if (!generator && typeof pLocal === 'number' && pLocal < 1) {
    // A constant p without a generator: jump between selected targets geometrically
    // (sample(N_post, p=p)) instead of drawing a random number for every candidate pair.
    // Each pair is still kept independently with probability p; the condition applies after.
    generator = {
      kind: 'sample',
      start: '0',
      stop: String(innerGroup.N),
      step: '1',
      p: String(pLocal),
      variable: '_j',
      element: '_j',
    };
    pParam = undefined;
  }
  const params: SynapsesCreateParams = {
    outerSize: outerGroup.N,
    innerSize: innerGroup.N,
    outerOffset: outerGroup.start,
    innerOffset: innerGroup.start,
    outerIndexLocal: reversed ? '_postsynaptic_idx' : '_presynaptic_idx',
    innerIndexLocal: reversed ? '_presynaptic_idx' : '_postsynaptic_idx',
    outerArray: S.arrayId(reversed ? '_synaptic_post' : '_synaptic_pre'),
    innerArray: S.arrayId(reversed ? '_synaptic_pre' : '_synaptic_post'),
    generator,
    condition: conditionLocal,
    p: pParam,
    n: nLocal,
    skipIfInvalid: opts.skipIfInvalid ?? false,
  };
  void outerName;
  void innerName;
  const kernel: Kernel<SynapsesCreateParams> = {
    kind: 'synapses_create_generator',
    name: `${S.name}_synapses_create`,
    scalar: builder.scalar().finish(),
    condition: condition.finish(),
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

function local(
  block: BlockInProgress,
  name: string,
  expr: Expr,
  scope: Scope,
  want: 'integer' | 'float',
): string {
  const r = block.addExpression(name, expr, scope);
  // Indices, counts and probabilities are plain numbers: `p: '2*mV'` is a mistake.
  if (r.dim !== DIMENSIONLESS) {
    throw new BrianError(
      'dimension_not_dimensionless',
      `This expression must be dimensionless, it has dimension ${r.dim}.`,
      {
        span: expr.span,
      },
    );
  }
  if (want === 'integer' && r.type === 'float') {
    throw new BrianError('type_mismatch', `This expression must give an integer, use int(...).`, {
      span: expr.span,
    });
  }
  return r.local;
}
