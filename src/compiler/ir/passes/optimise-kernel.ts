import { platform } from '../../../platform/platform.ts';
import type { Expr } from '../../1-parse/ast.ts';
import { identifiers } from '../../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import type { CodeBlock, IRStatement, Kernel } from '../kernel.ts';
import { boundTimestepComparisons, QUOTIENT_THRESHOLD } from './bound-timestep-comparisons.ts';
import { eliminateCommonSubexpressions } from './eliminate-common-subexpressions.ts';
import { expandPowers, isPure } from './expand-powers.ts';
import { foldLiterals } from './fold-literals.ts';
import { hoistScalars } from './hoist-scalars.ts';
import { passEnabled } from './pass-switches.ts';
import { reciprocalConstants } from './reciprocal-constants.ts';
import { narrowSelectedLocals, specializeBooleans } from './specialize-booleans.ts';

/** Kernel kinds whose scalar block runs once per call, before the per-element loop. */
const HOISTABLE = new Set([
  'stateupdate',
  'threshold',
  'reset',
  'synapses',
  'summed_variable',
  'statemonitor',
]);

/**
 * The target-independent optimisation passes, applied to a kernel before any printer sees it:
 * 1. per block: literal folding and small integer powers as products;
 * 2. for kernels with a per-call scalar block: boolean specialisation, then loop-invariant
 *    hoisting into the scalar block;
 * 3. per block: common-subexpression elimination.
 * Each pass can be switched off for measurements (`BRIAN_DISABLE_PASSES`, see pass-switches.ts).
 */
export function optimiseKernel<P extends object>(kernel: Kernel<P>): Kernel<P> {
  if (platform().env('BRIAN_NO_OPTIMISE')) return kernel;
  const functions = new Map<string, FunctionDef>([...kernel.functions].map((f) => [f.name, f]));
  for (const f of MADE_BY_PASSES) functions.set(f.name, f);
  let out = mapBlocks(kernel, (block) => simplifyBlock(block, functions));
  if (HOISTABLE.has(kernel.kind)) out = hoist(out, functions);
  let counter = 0;
  const temp = (types: Map<string, ScalarType>) => (type: ScalarType) => {
    const name = `_cse_${++counter}`;
    types.set(name, type);
    return name;
  };
  if (passEnabled('cse')) {
    out = mapBlocks(out, (block) => {
      const types = new Map(block.types);
      const statements = eliminateCommonSubexpressions(block.statements, types, functions, temp(types));
      return sameStatements(statements, block.statements) ? block : { ...block, statements, types };
    });
  }
  // Functions the passes introduced join the kernel's, so that printers find their `js`/`cpp`.
  const printed = [out.scalar, out.vector].map((b) => JSON.stringify(b.statements)).join();
  const introduced = MADE_BY_PASSES.filter((f) => !out.functions.has(f) && printed.includes(`"${f.name}"`));
  return introduced.length > 0 ? { ...out, functions: new Set([...out.functions, ...introduced]) } : out;
}

/** Literal folding and power expansion: expression-local rewrites valid in any block. */
function simplifyBlock(block: CodeBlock, functions: ReadonlyMap<string, FunctionDef>): CodeBlock {
  const fold = passEnabled('fold');
  const powers = passEnabled('powers');
  const reciprocals = passEnabled('reciprocal');
  if (!fold && !powers && !reciprocals) return block;
  const statements = block.statements.map((s): IRStatement => {
    let value = s.value;
    if (fold) value = foldLiterals(value);
    if (powers) value = expandPowers(value, block.types, functions);
    if (reciprocals) value = reciprocalConstants(value);
    return value === s.value ? s : { ...s, value };
  });
  return sameStatements(statements, block.statements) ? block : { ...block, statements };
}

/** Boolean specialisation and loop-invariant hoisting of the vector block into the scalar block. */
function hoist<P extends object>(kernel: Kernel<P>, functions: ReadonlyMap<string, FunctionDef>): Kernel<P> {
  const types = new Map<string, ScalarType>(kernel.vector.types);
  const perElement = new Set<string>(['_idx']);
  for (const l of kernel.vector.loads) if (l.index.kind !== 'shared') perElement.add(l.local);
  const scalarNames = new Set<string>(['t', 'dt', '_timestep']);
  for (const l of kernel.scalar.loads) scalarNames.add(l.local);
  for (const s of kernel.scalar.statements) scalarNames.add(s.name);
  // Shared loads (shared variables, linked variables of a size-1 group) are loop invariants unless
  // the loop writes their array. Hoisted statements may read them, so those loads move to the
  // scalar block (they were per element before: `let I0 = _ptr_I0[0]` inside the loop).
  const written = new Set(kernel.vector.stores.map((s) => s.arrayId));
  const invariantLoads = kernel.vector.loads.filter(
    (l) => l.index.kind === 'shared' && !written.has(l.arrayId),
  );
  for (const l of invariantLoads) scalarNames.add(l.local);
  const assigned = new Set(kernel.vector.statements.map((s) => s.name));
  const isScalarExpr = (e: Expr) =>
    [...identifiers(e)].every((n) => scalarNames.has(n) && !assigned.has(n)) && isPure(e, functions);
  const statements = passEnabled('timestep-bounds')
    ? boundTimestepComparisons(kernel.vector.statements, isScalarExpr, types, functions)
    : kernel.vector.statements;
  const stored = new Set(kernel.vector.stores.map((s) => s.local));
  const specialised = narrowSelectedLocals(
    specializeBooleans(statements, types, (n) => perElement.has(n) || !scalarNames.has(n)),
    (name) => stored.has(name),
    (e) => isPure(e, functions),
  );
  const { hoisted, vector } = hoistScalars(specialised, (n) => scalarNames.has(n), functions, types);
  if (hoisted.length === 0 && specialised === kernel.vector.statements) return kernel;
  const hoistedReads = new Set(hoisted.flatMap((s) => [...identifiers(s.value)]));
  const moved = invariantLoads.filter((l) => hoistedReads.has(l.local));
  // A shared variable the scalar block loads already (an integrator's scalar half-steps read it
  // too) is loaded there once: a second `let` of the same local is a syntax error.
  const loadedInScalar = new Set(kernel.scalar.loads.map((l) => l.local));
  const scalar: CodeBlock = {
    ...kernel.scalar,
    loads: [...kernel.scalar.loads, ...moved.filter((l) => !loadedInScalar.has(l.local))],
    statements: [...kernel.scalar.statements, ...hoisted],
    types,
  };
  const loads = kernel.vector.loads.filter((l) => !moved.includes(l));
  return { ...kernel, scalar, vector: { ...kernel.vector, loads, statements: vector, types } };
}

/** The kernel with `fn` applied to each of its code blocks. */
function mapBlocks<P extends object>(kernel: Kernel<P>, fn: (block: CodeBlock) => CodeBlock): Kernel<P> {
  const scalar = fn(kernel.scalar);
  const vector = fn(kernel.vector);
  const condition = kernel.condition && fn(kernel.condition);
  let extra = kernel.extra;
  if (extra) {
    const mapped = Object.fromEntries(Object.entries(extra).map(([k, b]) => [k, fn(b)]));
    if (Object.keys(mapped).some((k) => mapped[k] !== extra?.[k])) extra = mapped;
  }
  if (
    scalar === kernel.scalar &&
    vector === kernel.vector &&
    condition === kernel.condition &&
    extra === kernel.extra
  ) {
    return kernel;
  }
  return { ...kernel, scalar, vector, ...(condition ? { condition } : {}), ...(extra ? { extra } : {}) };
}

function sameStatements(a: readonly IRStatement[], b: readonly IRStatement[]): boolean {
  return a.length === b.length && a.every((s, k) => s === b[k]);
}

/** `_select(cond, a, b)`: `cond ? a : b`, made only by the boolean specialisation pass. */
export const SELECT: FunctionDef = {
  name: '_select',
  argDims: [],
  resultDim: (args) => args[1],
  resultType: 'highest',
  stateful: false,
  js: '_select',
  cpp: '_select',
};

/** Functions that only optimisation passes write into kernels. */
const MADE_BY_PASSES: readonly FunctionDef[] = [SELECT, QUOTIENT_THRESHOLD];
