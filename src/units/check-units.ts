/**
 * Brian's `@check_units` for plain JS functions: a wrapper that checks the dimensions of the
 * arguments and of the result, and records them so the compiler can use the function in
 * equations (Brian reads `_arg_units` / `_return_unit` the same way).
 *
 *   const getVoltage = checkUnits({ I: amp, R: ohm, result: volt }, (I, R) => I.mul(R));
 *   const getSample = checkUnits({ t: second }, 1, function getSample(t) { … });
 *
 * JS has no reliable parameter names, so the spec's keys name the parameters in order: list
 * every parameter (use `null` for one that is not checked). A spec value is a unit or quantity
 * (its dimension is required), `1` (dimensionless), `'bool'` or `Boolean` (a boolean), the
 * name of another parameter (same dimension as that one) or `null`. The result spec may also be
 * a function of the argument dimensions: `{ result: (d) => d.pow(2) }`. Strings, null and
 * undefined arguments are not checked, as in Brian.
 */
import { BrianError } from '../diagnostics/index.ts';
import { Dimension } from './dimension.ts';
import { getDimensions, haveSameDimensions } from './dimension-checks.ts';
import { shortString } from './display.ts';
import { DimensionMismatchError } from './errors.ts';
import { unitForDisplay } from './registry.ts';

/** What an argument must be. */
export type ArgumentUnitSpec =
  | {
      /** The dimension the argument must have (a unit or quantity such as `volt`). */
      readonly dim: Dimension;
    }
  | Dimension
  | 1
  | 'bool'
  | BooleanConstructor
  | string
  | null;

/** What the result must be. */
export type ResultUnitSpec =
  | {
      /** The dimension the result must have (a unit or quantity such as `volt`). */
      readonly dim: Dimension;
    }
  | Dimension
  | 1
  | 'bool'
  | BooleanConstructor
  | ((...argDims: Dimension[]) =>
      | {
          /** The result's dimension, computed from the arguments' dimensions. */
          readonly dim: Dimension;
        }
      | Dimension
      | number)
  | null;

/**
 * Brian's `@check_units(v=volt, result=amp)` as an object: one entry per argument name (in the
 * function's argument order), and `result` for the return value.
 */
export interface CheckUnitsSpec {
  readonly [arg: string]: ArgumentUnitSpec | ResultUnitSpec | undefined;
  /** What the function must return (Brian's `result=`); unchecked when absent. */
  readonly result?: ResultUnitSpec;
}

/** What the wrapper records (Brian's `_arg_names`, `_arg_units`, `_return_unit`, `_returns_bool`, `_orig_func`). */
export interface UnitCheckInfo {
  /** The checked arguments' names, in order (Brian's `_arg_names`). */
  readonly argNames: readonly string[];
  /** What each argument must be, in the order of `argNames` (Brian's `_arg_units`). */
  readonly argUnits: readonly ArgumentUnitSpec[];
  /** What the result must be (Brian's `_return_unit`); undefined when unchecked. */
  readonly returnUnit: ResultUnitSpec | undefined;
  /** Whether the function returns a boolean (Brian's `_returns_bool`). */
  readonly returnsBool: boolean;
  /** The function before wrapping (Brian's `_orig_func`). */
  // biome-ignore lint/complexity/noBannedTypes: any function may be wrapped
  readonly originalFunction: Function;
}

// biome-ignore lint/suspicious/noExplicitAny: the wrapper keeps any function's own signature
type AnyFunction = (...args: any[]) => any;

/** A function wrapped by `checkUnits`: the same signature, plus what it checks. */
export type UnitChecked<F extends AnyFunction> = F & {
  /** The units the wrapper checks (Brian's `_arg_units`, `_return_unit`…). */
  readonly unitCheck: UnitCheckInfo;
};

export function checkUnits<F extends AnyFunction>(spec: CheckUnitsSpec, fn: F): UnitChecked<F>;
export function checkUnits<F extends AnyFunction>(
  args: Readonly<Record<string, ArgumentUnitSpec>>,
  result: ResultUnitSpec,
  fn: F,
): UnitChecked<F>;
export function checkUnits<F extends AnyFunction>(
  spec: CheckUnitsSpec,
  resultOrFn: ResultUnitSpec | F,
  maybeFn?: F,
): UnitChecked<F> {
  const fn = (maybeFn ?? resultOrFn) as F;
  if (typeof fn !== 'function') throw new BrianError('bad_argument', 'checkUnits needs a function to wrap');
  const hasResult = maybeFn !== undefined ? true : 'result' in spec;
  const returnUnit = (maybeFn !== undefined ? resultOrFn : spec.result) as ResultUnitSpec | undefined;
  const argNames = Object.keys(spec).filter((k) => k !== 'result' || maybeFn !== undefined);
  const argUnits = argNames.map((k) => spec[k] as ArgumentUnitSpec);
  const fname = fn.name || 'anonymous';

  const wrapper = function (this: unknown, ...args: unknown[]) {
    const byName = new Map<string, unknown>();
    argNames.forEach((name, k) => {
      byName.set(name, args[k]);
    });
    argNames.forEach((name, k) => {
      checkArgument(fname, name, argUnits[k], args[k], byName);
    });
    const result = fn.apply(this, args);
    if (hasResult && returnUnit !== null && returnUnit !== undefined)
      checkResult(fname, returnUnit, result, args);
    return result;
  };
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  const info: UnitCheckInfo = Object.freeze({
    argNames: Object.freeze(argNames),
    argUnits: Object.freeze(argUnits),
    returnUnit: hasResult ? returnUnit : undefined,
    returnsBool: isBoolSpec(returnUnit),
    originalFunction: fn,
  });
  Object.defineProperty(wrapper, 'unitCheck', { value: info });
  return wrapper as unknown as UnitChecked<F>;
}

function isBoolSpec(spec: unknown): spec is 'bool' | BooleanConstructor {
  return spec === 'bool' || spec === Boolean;
}

function expectedDim(spec: { readonly dim: Dimension } | Dimension | number): Dimension {
  return getDimensions(spec);
}

/** How Brian names an expected unit in messages (its repr): `metre`, `1`, `m^-4 kg…`. */
function unitName(spec: { readonly dim: Dimension } | Dimension | number): string {
  if (typeof spec === 'number') return String(spec);
  if (spec instanceof Dimension) return unitForDisplay(spec);
  const named = spec as { isUnit?: boolean; name?: string };
  return named.isUnit && named.name ? named.name : unitForDisplay(spec.dim);
}

function checkArgument(
  fname: string,
  name: string,
  spec: ArgumentUnitSpec,
  value: unknown,
  byName: ReadonlyMap<string, unknown>,
): void {
  if (
    spec === null ||
    spec === undefined ||
    value === null ||
    value === undefined ||
    typeof value === 'string'
  ) {
    return;
  }
  if (isBoolSpec(spec)) {
    if (typeof value !== 'boolean') {
      throw new BrianError(
        'bad_argument',
        `Function '${fname}' expected a boolean value for argument '${name}' but got '${shortString(value)}'`,
      );
    }
    return;
  }
  if (typeof spec === 'string') {
    if (!byName.has(spec)) {
      throw new BrianError(
        'bad_argument',
        `Function '${fname}' expected its argument to have the same units as argument '${spec}', but there is no argument of that name`,
      );
    }
    const other = byName.get(spec);
    if (other === null || other === undefined || typeof other === 'string') return;
    if (!haveSameDimensions(value, other)) {
      throw new DimensionMismatchError(
        `Function '${fname}' expected the argument '${name}' to have the same units as argument '${spec}', ` +
          `but argument '${name}' has unit ${unitForDisplay(getDimensions(value))}, ` +
          `while argument '${spec}' has unit ${unitForDisplay(getDimensions(other))}.`,
      );
    }
    return;
  }
  if (!haveSameDimensions(value, expectedDim(spec))) {
    throw new DimensionMismatchError(
      `Function '${fname}' expected a quantity with unit ${unitName(spec)} for argument '${name}' but got '${shortString(value)}'`,
      [getDimensions(value)],
    );
  }
}

function checkResult(
  fname: string,
  spec: Exclude<ResultUnitSpec, null>,
  result: unknown,
  args: unknown[],
): void {
  if (isBoolSpec(spec)) {
    if (typeof result !== 'boolean') {
      throw new BrianError(
        'bad_argument',
        `The return value of function '${fname}' was expected to be a boolean value, but was of type ${typeof result}`,
      );
    }
    return;
  }
  const expected =
    typeof spec === 'function' && !((spec as { dim?: unknown }).dim instanceof Dimension)
      ? (spec as (...d: Dimension[]) => { readonly dim: Dimension } | Dimension | number)(
          ...args.map(getDimensions),
        )
      : (spec as { readonly dim: Dimension } | Dimension | 1);
  if (!haveSameDimensions(result, expected)) {
    throw new DimensionMismatchError(
      `The return value of function '${fname}' was expected to have unit ${unitForDisplay(expectedDim(expected))} ` +
        `but was '${shortString(result)}'`,
      [getDimensions(result)],
    );
  }
}
