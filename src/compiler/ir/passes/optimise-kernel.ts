import { identifiers } from '../../1-parse/expr-utils.ts';
import type { FunctionDef, ScalarType } from '../../functions.ts';
import { DEFAULT_FUNCTIONS } from '../../functions.ts';
import type { CodeBlock, Kernel } from '../kernel.ts';
import { hoistScalars } from './hoist-scalars.ts';
import { specializeBooleans } from './specialize-booleans.ts';

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
 * boolean specialisation, then loop-invariant hoisting into the scalar block.
 */
export function optimiseKernel<P extends object>(kernel: Kernel<P>): Kernel<P> {
  if (!HOISTABLE.has(kernel.kind) || process.env.BRIAN_NO_OPTIMISE) return kernel;
  const functions = new Map<string, FunctionDef>([...kernel.functions].map((f) => [f.name, f]));
  functions.set('_select', SELECT);
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
  const specialised = specializeBooleans(
    kernel.vector.statements,
    types,
    (n) => perElement.has(n) || !scalarNames.has(n),
  );
  const { hoisted, vector } = hoistScalars(specialised, (n) => scalarNames.has(n), functions, types);
  if (hoisted.length === 0 && specialised === kernel.vector.statements) return kernel;
  const usesSelect =
    vector.some((s) => JSON.stringify(s.value).includes('"_select"')) ||
    hoisted.some((s) => JSON.stringify(s.value).includes('"_select"'));
  const hoistedReads = new Set(hoisted.flatMap((s) => [...identifiers(s.value)]));
  const moved = invariantLoads.filter((l) => hoistedReads.has(l.local));
  const scalar: CodeBlock = {
    ...kernel.scalar,
    loads: [...kernel.scalar.loads, ...moved],
    statements: [...kernel.scalar.statements, ...hoisted],
    types,
  };
  return {
    ...kernel,
    scalar,
    vector: {
      ...kernel.vector,
      loads: kernel.vector.loads.filter((l) => !moved.includes(l)),
      statements: vector,
      types,
    },
    functions: usesSelect ? new Set([...kernel.functions, SELECT]) : kernel.functions,
  };
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

void DEFAULT_FUNCTIONS;
