import { SourceText, span } from '../../../diagnostics/span.ts';
import { execute, type Functions, type Value } from '../../../symbolic/evaluate.ts';
import type { Statement } from '../../1-parse/ast.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import type { IntegrationContext, NameKind, OdeEquation } from './types.ts';

/**
 * Test helpers: equations from `dv/dt = …` lines (no units, no analysis) and a context that
 * classifies names the way analysis would.
 */
export function odes(text: string): OdeEquation[] {
  const source = new SourceText(text, 'equations');
  const out: OdeEquation[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*d(\w+)\/dt\s*=\s*(.+?)\s*$/.exec(line);
    if (m) {
      const start = offset + line.indexOf(m[2]);
      const exprText = ' '.repeat(start) + m[2];
      const expr = parseExpression(new SourceText(exprText.padEnd(text.length), 'equations'));
      out.push({ name: m[1], expr: rebase(expr, source), span: span(offset, offset + line.length, source) });
    }
    offset += line.length + 1;
  }
  return out;
}

/** Points every span of a tree at `source` (the offsets already match). */
function rebase<T>(node: T, source: SourceText): T {
  if (Array.isArray(node)) return node.map((n) => rebase(n, source)) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node))
      out[k] = k.endsWith('pan') && v ? { ...(v as object), source } : rebase(v, source);
    return out as T;
  }
  return node;
}

export interface ContextOptions {
  /** Compile-time numbers (external constants), `dt` included when known. */
  readonly constants?: Readonly<Record<string, number>>;
  /** Functions that are constant over a step when called with t (TimedArray-like). */
  readonly locallyConstant?: readonly string[];
}

export function context(eqs: readonly OdeEquation[], options: ContextOptions = {}): IntegrationContext {
  const states = new Set(eqs.map((e) => e.name));
  const constants = options.constants ?? {};
  return {
    kindOf(name: string): NameKind {
      if (states.has(name)) return 'state';
      if (name === 't') return 'time';
      if (name === 'xi' || name.startsWith('xi_')) return 'noise';
      if (name === 'dt' || Object.hasOwn(constants, name)) return 'constant';
      return 'variable';
    },
    valueOf: (name) => (Object.hasOwn(constants, name) ? constants[name] : undefined),
    isLocallyConstant: (fn) => options.locallyConstant?.includes(fn) ?? false,
  };
}

/** Runs generated statements for `steps` steps of `dt` from `state` (t advances after each step). */
export function run(
  statements: readonly Statement[],
  initial: Readonly<Record<string, number>>,
  options: { dt: number; steps: number; values?: Readonly<Record<string, number>>; functions?: Functions },
): Map<string, Value> {
  const state = new Map<string, Value>(
    Object.entries({ t: 0, ...options.values, ...initial, dt: options.dt }),
  );
  for (let k = 0; k < options.steps; k++) {
    execute(statements, state, options.functions);
    state.set('t', (k + 1) * options.dt);
  }
  return state;
}

/** A seeded standard normal generator (xorshift + Box–Muller), for reproducible noise tests. */
export function seededRandn(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const r = spare;
      spare = undefined;
      return r;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const phi = 2 * Math.PI * uniform();
    spare = r * Math.sin(phi);
    return r * Math.cos(phi);
  };
}
