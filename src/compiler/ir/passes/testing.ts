import { exprToString } from '../../1-parse/expr-utils.ts';
import { parseExpression } from '../../1-parse/parse-expression.ts';
import { DEFAULT_FUNCTIONS, type FunctionDef, type ScalarType } from '../../functions.ts';
import type { IRStatement } from '../kernel.ts';
import { QUOTIENT_THRESHOLD } from './bound-timestep-comparisons.ts';
import { SELECT } from './optimise-kernel.ts';

/** Test helpers for the IR passes: statements from `name = expr` lines, printed back. */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map([
  ...DEFAULT_FUNCTIONS,
  ['_select', SELECT],
  ['_quotient_threshold', QUOTIENT_THRESHOLD],
]);

/** `['let a = x*y', 'set v = a + 1']` → IR statements (float unless `types` says otherwise). */
export function statements(
  lines: readonly string[],
  types: ReadonlyMap<string, ScalarType> = new Map(),
): IRStatement[] {
  return lines.map((line) => {
    const m = /^(let|set) (\w+) = (.*)$/.exec(line);
    if (!m) throw new Error(`bad test statement ${line}`);
    const [, kind, name, value] = m;
    return {
      kind: kind as 'let' | 'set',
      name,
      type: types.get(name) ?? 'float',
      value: parseExpression(value),
    };
  });
}

export function show(list: readonly IRStatement[]): string[] {
  return list.map((s) => `${s.kind} ${s.name} = ${exprToString(s.value)}`);
}
