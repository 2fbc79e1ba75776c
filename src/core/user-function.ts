import type { ModelFunction } from '../compiler/2-analyze/external-scope.ts';
import { jsString } from '../compiler/4-generate/js/escape.ts';
import type { FunctionDef, ScalarType, UserCppImplementation } from '../compiler/functions.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkImplementationSpec } from '../validation/function-options.ts';
import { checkCppImplementation } from './user-function-cpp.ts';
import {
  argumentDimensions,
  checkArguments,
  type ResultUnit,
  resultDimension,
  type UnitSpec,
} from './user-function-units.ts';

export type { ResultUnit, UnitSpec } from './user-function-units.ts';

/** What `implementation(spec)` needs: the function's name, units and its code for each device (Brian's `@implementation` + `@check_units`). */
export interface UserFunctionSpec {
  /** The name used in model code (`get_sample(t)`). */
  readonly name: string;
  /**
   * The unit of each argument, in order (Brian's `arg_units` / `@check_units(t=second, …)`):
   * a quantity, `1` (dimensionless), `null` (any unit) or the name of another argument (with
   * `argNames`). Required, `[]` for none.
   */
  readonly args: readonly UnitSpec[];
  /** Names of the arguments, when `args` refers to them (Brian's `arg_names`). */
  readonly argNames?: readonly string[];
  /** Unit of the result (`result=…`): required; a function of the argument units where it depends on them. */
  readonly result: ResultUnit;
  /** Type of the result in generated code (Brian's `return_type`): 'float' (default), 'integer' or 'boolean'. */
  readonly resultType?: ScalarType;
  /** JavaScript implementation for the runtime device; receives and returns raw SI numbers. */
  readonly js?: (...args: number[]) => number;
  /** C++ implementation for the standalone device. */
  readonly cpp?: UserCppImplementation;
  /** false when every call may give a new value (an input stream, a random generator): such calls need `(constant over dt)`. */
  readonly stateless?: boolean;
}

/** A user function: usable in model code (from a namespace) and callable from the script with units. */
export interface UserFunction extends ModelFunction {
  readonly name: string;
  /** Calls the JavaScript implementation with units checked, as Brian's `Function.__call__`. */
  call(...args: (Quantity | number)[]): Quantity;
}

/**
 * A function implemented by the user, usable in equations, thresholds and statements after
 * being put in a namespace (Brian's `Function` with `@implementation` and `@check_units`).
 * Arguments and result are dimension-checked; each device calls its own implementation.
 * A function whose argument or result units are not given is an error, as in Brian.
 */
export function implementation(spec: UserFunctionSpec): UserFunction {
  spec = checkImplementationSpec(spec);
  if (typeof spec.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(spec.name)) {
    throw new BrianError('invalid_identifier', `${describeValue(spec.name)} is not a valid function name.`);
  }
  if (!spec.js && !spec.cpp) {
    throw new BrianError('bad_argument', `Function ${spec.name} needs a js or a cpp implementation.`);
  }
  const argDims = argumentDimensions(spec.name, spec.args, spec.argNames);
  const resultDim = resultDimension(spec.name, spec.result);
  if (spec.js && spec.js.length > argDims.length) {
    throw new BrianError(
      'bad_argument',
      `The js implementation of ${spec.name} takes ${spec.js.length} arguments, but args gives units for ${argDims.length}.`,
    );
  }
  if (spec.cpp !== undefined) checkCppImplementation(spec.name, spec.cpp);
  const def: FunctionDef = {
    name: spec.name,
    argDims,
    resultDim,
    resultType: spec.resultType ?? 'float',
    stateful: spec.stateless === false,
    js: `_user[${jsString(spec.name)}]`,
    cpp: spec.name,
    user: { js: spec.js, cpp: spec.cpp },
  };
  return {
    name: spec.name,
    brianFunction: def,
    call(...args: (Quantity | number)[]): Quantity {
      const dims = args.map((a) => (a instanceof Quantity ? a.dim : DIMENSIONLESS));
      checkArguments(spec.name, argDims, dims);
      if (!spec.js) {
        throw new BrianError(
          'not_available_on_device',
          `Function ${spec.name} has no JavaScript implementation to call.`,
        );
      }
      const raw = args.map((a) => (a instanceof Quantity ? a.value : a));
      return new Quantity(spec.js(...raw), resultDim(dims));
    },
  };
}
