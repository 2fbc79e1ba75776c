import type { Expr } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseGenerator } from '../compiler/1-parse/parse-generator.ts';
import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import { connectArrays } from './connect-arrays.ts';
import { runCreationKernel } from './connect-kernel.ts';
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
  readonly namespace?: Namespace;
}

/**
 * Adds synapses to `S` as Brian's `Synapses.connect` does. The options come checked by their
 * schema (validation/synapse-options.ts: types, p in [0, 1], n a non-negative integer); here are
 * Brian's rules about how they combine (ValueError there, `bad_argument` here): explicit index
 * arrays with both i and j and without a condition or expressions, one generator at most.
 */
export function connectSynapses(S: Synapses, opts: ConnectOptions): void {
  const explicitI = opts.i !== undefined && typeof opts.i !== 'string';
  const explicitJ = opts.j !== undefined && typeof opts.j !== 'string';
  if (explicitI || explicitJ) {
    if (!(explicitI && explicitJ)) {
      throw new BrianError(
        'bad_argument',
        'connect(): explicit indices need both i and j as numbers or arrays; a generator string cannot be combined with them.',
      );
    }
    if (opts.condition !== undefined && opts.condition !== true) {
      throw new BrianError(
        'bad_argument',
        'connect(): explicit i and j arrays cannot be combined with a condition.',
      );
    }
    if (typeof opts.n === 'string' || typeof opts.p === 'string') {
      throw new BrianError(
        'bad_argument',
        'connect(): with explicit i and j arrays, p and n must be numbers, not expressions.',
      );
    }
    S.countSynapses(connectArrays(S, opts.i as Indices, opts.j as Indices, opts.n ?? 1, opts.p ?? 1));
    return;
  }
  if (typeof opts.i === 'string' && typeof opts.j === 'string') {
    throw new BrianError('bad_argument', 'connect() takes a generator for i or for j, not both.');
  }
  if (opts.condition === false) return;
  S.countSynapses(undefined);
  runCreationKernel(S, opts, typeof opts.condition === 'string' ? parseCondition(opts.condition) : undefined);
}

/**
 * The condition as an expression. A generator given as the condition (`connect('k for k in
 * range(3)')`) is a mistake Brian reports: the generator syntax belongs to `j=` (or `i=`).
 */
function parseCondition(text: string): Expr {
  const source = new SourceText(text, 'condition of connect()');
  try {
    return parseExpression(source);
  } catch (e) {
    let generator = false;
    try {
      generator = parseGenerator(text).iterator !== undefined;
    } catch {
      // not a generator either: report the condition's own syntax error
    }
    if (generator) {
      throw new BrianError(
        'bad_argument',
        `The condition '${text}' of connect() is a generator expression.`,
        {
          span: { start: 0, end: text.length, source },
          hint: `give it as the targets of each source: connect({ j: '${text}' })`,
        },
      );
    }
    throw e;
  }
}
