import type { Expr } from '../1-parse/ast.ts';
import type { IndexRef } from '../2-analyze/scope.ts';
import type { FunctionDef, ScalarType } from '../functions.ts';

/**
 * The target-independent IR: what one kernel does, before any JavaScript or C++ exists.
 * A kernel is a skeleton (its `kind` and `params`, printed by each target's emitter for that
 * kind) around two code blocks: `scalar` (once per call, loop-invariant) and `vector` (once per
 * element). Blocks are load → statements → store: array values are read into locals, the
 * statements compute on locals only, written locals are stored back. Printers never see a
 * group, a namespace or user text, only this.
 */

/** Kernel kinds keep Brian's template names so both code bases can be grepped together. */
export type KernelKind =
  | 'stateupdate'
  | 'threshold'
  | 'reset'
  | 'group_variable_set'
  | 'statemonitor'
  | 'spikemonitor'
  | 'ratemonitor'
  | 'synapses'
  | 'synapses_push_spikes'
  | 'summed_variable'
  | 'synapses_create_generator'
  | 'synapses_create_array'
  | 'spikegenerator'
  | 'poisson_input'
  | 'spatialstateupdate';

/** Moves a value between an array element and a local (a load before the statements or a store after). */
export interface ArrayAccess {
  readonly local: string;
  readonly arrayId: string;
  readonly type: ScalarType;
  readonly index: IndexRef;
}

export type IRStatement =
  /** Declares a local (a temporary or the first value of a written variable). */
  | { readonly kind: 'let'; readonly name: string; readonly type: ScalarType; readonly value: Expr }
  /** Re-assigns a declared local; `type` is the local's type (for integer truncation on assignment). */
  | { readonly kind: 'set'; readonly name: string; readonly type: ScalarType; readonly value: Expr };

export interface CodeBlock {
  readonly loads: readonly ArrayAccess[];
  readonly statements: readonly IRStatement[];
  readonly stores: readonly ArrayAccess[];
  /** Type of every local the block knows (loaded, declared, or provided by the skeleton). */
  readonly types: ReadonlyMap<string, ScalarType>;
}

export const EMPTY_BLOCK: CodeBlock = { loads: [], statements: [], stores: [], types: new Map() };

/** An array the kernel touches, with what the printer needs to declare a pointer to it. */
export interface ArrayInfo {
  readonly arrayId: string;
  readonly type: ScalarType;
  /** Grows during a run (synapses, monitors): the kernel must re-read its storage at each call. */
  readonly dynamic: boolean;
}

export interface Kernel<P = KernelParams> {
  readonly kind: KernelKind;
  /** Unique and stable (`neurongroup_stateupdater`), used in generated names and profiles. */
  readonly name: string;
  readonly scalar: CodeBlock;
  /** Per element, before `vector`: computes `_cond`; `vector` then runs only where it is true. */
  readonly condition?: CodeBlock;
  readonly vector: CodeBlock;
  /** Further blocks of kind-specific skeletons (e.g. `perSource` of synapse creation). */
  readonly extra?: Readonly<Record<string, CodeBlock>>;
  readonly arrays: ReadonlyMap<string, ArrayInfo>;
  readonly functions: ReadonlySet<FunctionDef>;
  readonly params: P;
}

/** Kind-specific skeleton parameters (loop ranges, event spaces, monitor buffers …). */
export type KernelParams = object;
