import type { Expr } from '../compiler/1-parse/ast.ts';
import type { ScalarType } from '../compiler/functions.ts';
import type { Span } from '../diagnostics/span.ts';
import type { Dimension } from '../units/dimension.ts';

/**
 * What a name in a group's code can stand for (Brian's `Variable` hierarchy, as plain data).
 * Storage lives in the device; variables only say how to find it (`arrayId`) and what it holds.
 */

/** A state array stored by the device: one value per element, or one value for `shared` ones. */
export interface ArrayVariable {
  readonly kind: 'array';
  readonly name: string;
  /** Key of the storage in the device (`neurongroup_v`). Unique per device. */
  readonly arrayId: string;
  readonly dim: Dimension;
  readonly type: ScalarType;
  /** One value for the whole group (`(shared)` flag, or scalars such as `N`). */
  readonly shared: boolean;
  /** Never changes during a run (`(constant)` flag); lets `exact` treat it as a coefficient. */
  readonly constant: boolean;
  /** Cannot be written by user code (`i`, `lastspike` …). */
  readonly readOnly: boolean;
  /** Stored in a growable array (synapses, monitors). */
  readonly dynamic: boolean;
  /** Index of this variable's values when seen from the group: '_idx', or a linked variable's index array. */
  readonly index?: LinkedIndex;
  /**
   * Brian's `conditional_write`: code writes this variable only where that boolean variable is
   * true, read at the same element (`not_refractory` for `(unless refractory)` variables: no
   * synaptic or other write while refractory; the reset is exempt).
   */
  readonly conditionalWrite?: ArrayVariable;
}

/** How a linked variable finds its source values: the same index, one value for all, or an index array. */
export type LinkedIndex =
  | { readonly kind: 'same' }
  | { readonly kind: 'scalar'; readonly element: number }
  | { readonly kind: 'array'; readonly arrayId: string };

/** A subexpression: computed on demand from its definition (`I = g*(E - v) : amp`). */
export interface SubexpressionVariable {
  readonly kind: 'subexpression';
  readonly name: string;
  readonly expr: Expr;
  readonly dim: Dimension;
  readonly type: ScalarType;
  readonly shared: boolean;
  /**
   * `(constant over dt)`: evaluated once at the start of a step and stored in `arrayId` (a
   * dynamic array for Synapses, one value per synapse).
   */
  readonly constantOverDt?: { readonly arrayId: string; readonly dynamic?: boolean };
  readonly span: Span;
}

/** A value fixed for a run: `N`, namespace constants frozen at `run()`. */
export interface ConstantVariable {
  readonly kind: 'constant';
  readonly name: string;
  readonly value: number;
  readonly dim: Dimension;
  readonly type: ScalarType;
}

/** Values the kernel skeleton provides: the clock (`t`, `dt`, `t_in_timesteps`) and the element index (`i`). */
export interface AuxiliaryVariable {
  readonly kind: 'auxiliary';
  readonly name: 't' | 'dt' | 't_in_timesteps' | 'i' | 'j' | string;
  readonly dim: Dimension;
  readonly type: ScalarType;
  readonly shared: boolean;
  /** For `i`: the group's first element in its storage (subgroups), subtracted from the loop index. */
  readonly offset?: number;
}

export type Variable = ArrayVariable | SubexpressionVariable | ConstantVariable | AuxiliaryVariable;
