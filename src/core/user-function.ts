import type { ModelFunction } from '../compiler/2-analyze/external-scope.ts';
import type { FunctionDef, ScalarType, UserCppImplementation } from '../compiler/functions.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import type { Quantity } from '../units/quantity.ts';

/** A unit for an argument or the result: a quantity (`second`, `mV`), or `1` for dimensionless. */
export type UnitSpec = Quantity | 1;

/** What `implementation(spec)` needs: the function's name, units and its code for each device (Brian's `@implementation` + `@check_units`). */
export interface UserFunctionSpec {
  /** The name used in model code (`get_sample(t)`). */
  readonly name: string;
  /** Argument units, in order (Brian's `@check_units(t=second, …)`). */
  readonly args?: readonly UnitSpec[];
  /** Unit of the result (`result=…`). */
  readonly result?: UnitSpec;
  /** Type of the result in generated code: `'float'` (default), `'integer'` or `'boolean'`. */
  readonly resultType?: ScalarType;
  /** JavaScript implementation for the runtime device; receives and returns raw SI numbers. */
  readonly js?: (...args: number[]) => number;
  /** C++ implementation for the standalone device. */
  readonly cpp?: UserCppImplementation;
  /** false when every call may give a new value (an input stream, a random generator): such calls need `(constant over dt)`. */
  readonly stateless?: boolean;
}

const dimOf = (u: UnitSpec | undefined): Dimension => (u === undefined || u === 1 ? DIMENSIONLESS : u.dim);

/**
 * A function implemented by the user, usable in equations, thresholds and statements after
 * being put in a namespace (Brian's `Function` with `@implementation` and `@check_units`).
 * Arguments and result are dimension-checked; each device calls its own implementation.
 */
export function implementation(spec: UserFunctionSpec): ModelFunction & {
  /** The name used in model code. */
  readonly name: string;
} {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(spec.name)) {
    throw new BrianError('invalid_identifier', `"${spec.name}" is not a valid function name.`);
  }
  if (!spec.js && !spec.cpp) {
    throw new BrianError('bad_argument', `Function ${spec.name} needs a js or a cpp implementation.`);
  }
  const argDims = (spec.args ?? []).map(dimOf);
  const result = dimOf(spec.result);
  const def: FunctionDef = {
    name: spec.name,
    argDims,
    resultDim: () => result,
    resultType: spec.resultType ?? 'float',
    stateful: spec.stateless === false,
    js: `_user[${JSON.stringify(spec.name)}]`,
    cpp: spec.name,
    user: { js: spec.js, cpp: spec.cpp },
  };
  return { name: spec.name, brianFunction: def };
}
