import type { Expr } from '../1-parse/ast.ts';
import { mapExpr } from '../1-parse/expr-utils.ts';
import type { ArrayAccess, CodeBlock, IRStatement, Kernel } from './kernel.ts';

/**
 * The kernel with every local its blocks define (loads and statements) renamed by `rename`, in
 * definitions, uses and type tables alike. Names it does not define (the skeleton's `t`, `dt`,
 * `_idx`) stay. Two kernels printed into one function (a state update and its group's
 * threshold, wasm/update-threshold.ts) each use `_lio_1` or `v` for their own values.
 */
export function renameLocals(kernel: Kernel, rename: (name: string) => string): Kernel {
  const blocks = [kernel.scalar, kernel.vector, ...(kernel.condition ? [kernel.condition] : [])];
  blocks.push(...Object.values(kernel.extra ?? {}));
  const own = new Set<string>();
  for (const b of blocks) {
    for (const a of [...b.loads, ...b.stores]) own.add(a.local);
    for (const s of b.statements) own.add(s.name);
  }
  const name = (n: string) => (own.has(n) ? rename(n) : n);
  const expr = (e: Expr) =>
    mapExpr(e, (node) => (node.kind === 'Name' ? { ...node, name: name(node.name) } : node));
  const access = (a: ArrayAccess): ArrayAccess => ({ ...a, local: name(a.local) });
  const statement = (s: IRStatement): IRStatement => ({ ...s, name: name(s.name), value: expr(s.value) });
  const block = (b: CodeBlock): CodeBlock => ({
    loads: b.loads.map(access),
    statements: b.statements.map(statement),
    stores: b.stores.map(access),
    types: new Map([...b.types].map(([n, t]) => [name(n), t])),
  });
  const extra = kernel.extra
    ? Object.fromEntries(Object.entries(kernel.extra).map(([k, b]) => [k, block(b)]))
    : undefined;
  return {
    ...kernel,
    scalar: block(kernel.scalar),
    vector: block(kernel.vector),
    ...(kernel.condition ? { condition: block(kernel.condition) } : {}),
    ...(extra ? { extra } : {}),
  };
}
