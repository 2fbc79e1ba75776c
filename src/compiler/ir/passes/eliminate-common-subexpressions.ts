import type { Expr } from '../../1-parse/ast.ts';
import { exprToString, identifiers, mapChildren, renameNames } from '../../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import type { IRStatement } from '../kernel.ts';
import { typeOf } from '../types.ts';
import { isPure } from './expand-powers.ts';

/**
 * Common-subexpression elimination within one block: a pure subtree that occurs at least twice
 * while none of the locals it reads is re-assigned is computed once into a temporary
 * (`let _cse_N = …`) placed before the statement of its first occurrence. Exponential Euler
 * repeats whole rate expressions (COBAHH: 19 `exp` calls per neuron, 10 distinct).
 *
 * Every occurrence computes the same operations on the same values, so results are
 * bit-identical. What is never shared:
 * - subtrees with a stateful call (`rand()`): each call is a new draw;
 * - occurrences separated by a write to a local the subtree reads (`x = x + 1`);
 * - subtrees evaluated only conditionally (the branches of `_select`, the right operand of
 *   `and`/`or`): moving them out would evaluate them where the original code does not;
 * - integer subtrees (their value depends on where the target truncates) and literal-only ones.
 *
 * `temp(type)` names a new local and records its type.
 */
export function eliminateCommonSubexpressions(
  statements: readonly IRStatement[],
  types: ReadonlyMap<string, ScalarType>,
  functions: ReadonlyMap<string, FunctionDef>,
  temp: (type: ScalarType) => string,
): IRStatement[] {
  const counts = new Map<string, number>();
  scan(statements, types, functions, (key) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return undefined;
  });
  if (![...counts.values()].some((c) => c > 1)) return [...statements];

  // Rewrite: the first occurrence of a repeated key defines a temporary, later ones use it.
  const names = new Map<string, string>();
  const out: IRStatement[] = [];
  const defined = new Set<string>();
  scan(
    statements,
    types,
    functions,
    (key, e, rewriteChildren) => {
      if ((counts.get(key) ?? 0) < 2) return undefined;
      let name = names.get(key);
      if (!name) {
        const value = rewriteChildren();
        const type = typeOf(e, types, functions);
        name = `_cse?${names.size}`;
        names.set(key, name);
        out.push({ kind: 'let', name, type, value });
        defined.add(name);
      }
      return { kind: 'Name', name, span: e.span };
    },
    (s) => out.push(s),
  );
  // Final names once single uses are gone, so they are dense and in order of appearance.
  const kept = inlineSingleUses(out, defined);
  const rename = new Map<string, string>();
  for (const st of kept) if (defined.has(st.name)) rename.set(st.name, temp(st.type));
  return kept.map((st) => {
    const value = renameNames(st.value, rename);
    const name = rename.get(st.name) ?? st.name;
    return value === st.value && name === st.name ? st : { ...st, name, value };
  });
}

type Visitor = (key: string, e: Expr, rewriteChildren: () => Expr) => Expr | undefined;

/**
 * Walks the statements in order, calling `visit` for every candidate subtree (outermost
 * first) with a key that includes the version of each local it reads. A replacement returned
 * by `visit` stops the descent into that subtree. `emit` receives the rewritten statements.
 */
function scan(
  statements: readonly IRStatement[],
  types: ReadonlyMap<string, ScalarType>,
  functions: ReadonlyMap<string, FunctionDef>,
  visit: Visitor,
  emit?: (s: IRStatement) => void,
): void {
  const versions = new Map<string, number>();
  const keyOf = (e: Expr): string | undefined => {
    if (e.kind === 'Number' || e.kind === 'Bool' || e.kind === 'Name') return undefined;
    const names = [...identifiers(e)];
    if (names.length === 0) return undefined;
    if (typeOf(e, types, functions) === 'integer' || !isPure(e, functions)) return undefined;
    return `${exprToString(e)}|${names.map((n) => versions.get(n) ?? 0).join(',')}`;
  };
  const rewrite = (e: Expr): Expr => {
    const key = keyOf(e);
    if (key !== undefined) {
      const replaced = visit(key, e, () => rewriteChildren(e));
      if (replaced) return replaced;
    }
    return rewriteChildren(e);
  };
  // Children evaluated only under a condition are kept as they are.
  const rewriteChildren = (e: Expr): Expr => {
    if (e.kind === 'Call' && e.callee === '_select') {
      const [c, ...branches] = e.args;
      return { ...e, args: [rewrite(c), ...branches] };
    }
    if (e.kind === 'Logical') {
      const left = rewrite(e.left);
      return left === e.left ? e : { ...e, left };
    }
    return mapChildren(e, rewrite);
  };
  for (const s of statements) {
    const value = rewrite(s.value);
    versions.set(s.name, (versions.get(s.name) ?? 0) + 1);
    emit?.(value === s.value ? s : { ...s, value });
  }
}

/** Temporaries used only once (their repeats were all inside a larger shared subtree) go back inline. */
function inlineSingleUses(statements: IRStatement[], temps: ReadonlySet<string>): IRStatement[] {
  const uses = new Map<string, number>();
  const countUses = (e: Expr): void => {
    if (e.kind === 'Name' && temps.has(e.name)) uses.set(e.name, (uses.get(e.name) ?? 0) + 1);
    mapChildren(e, (c) => {
      countUses(c);
      return c;
    });
  };
  for (const s of statements) countUses(s.value);
  const inline = new Map<string, Expr>();
  const substitute = (e: Expr): Expr => {
    if (e.kind === 'Name') return inline.get(e.name) ?? e;
    return mapChildren(e, substitute);
  };
  const out: IRStatement[] = [];
  for (const s of statements) {
    const value = substitute(s.value);
    if (temps.has(s.name) && (uses.get(s.name) ?? 0) < 2) {
      inline.set(s.name, value);
      continue;
    }
    out.push(value === s.value ? s : { ...s, value });
  }
  return out;
}
