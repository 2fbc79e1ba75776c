import type { ArgDimension } from '../compiler/functions.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { DIMENSIONLESS, type Dimension } from '../units/dimension.ts';
import { DimensionMismatchError } from '../units/errors.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';

/**
 * The unit of a user function's argument (Brian's `arg_units` / `@check_units`): a quantity
 * (`second`, `mV`), `1` for dimensionless, `null` for any unit, or the name of another argument
 * whose unit this one must share (needs `argNames`).
 */
export type UnitSpec = Quantity | 1 | null | string;

/**
 * The unit of the result (Brian's `return_unit`): a quantity, `1`, or a function of the
 * arguments' units (each given as a quantity of value 1): `(a, b) => a.mul(b)`.
 */
export type ResultUnit = Quantity | 1 | ((...argUnits: Quantity[]) => Quantity | number);

/** Dimension rules of the arguments, checked against each other (Brian's `Function` checks). */
export function argumentDimensions(
  fn: string,
  args: readonly UnitSpec[] | undefined,
  argNames: readonly string[] | undefined,
): ArgDimension[] {
  if (!Array.isArray(args)) {
    throw new BrianError(
      'bad_argument',
      `Function ${fn} needs the units of its arguments: args: [second, 1, …] (Brian's arg_units or @check_units).`,
      { hint: 'use 1 for a dimensionless argument, null for any unit' },
    );
  }
  const usesNames = args.some((a) => typeof a === 'string');
  if (usesNames && (!argNames || argNames.length !== args.length)) {
    throw new BrianError(
      'bad_argument',
      `Function ${fn} refers to its arguments by name in args, so it needs argNames with one name per argument.`,
    );
  }
  return args.map((a, k): ArgDimension => {
    if (a === 1) return DIMENSIONLESS;
    if (a === null) return 'any';
    if (a instanceof Quantity) return a.dim;
    if (typeof a === 'string') {
      const index = argNames!.indexOf(a);
      if (index < 0 || index === k) {
        throw new BrianError(
          'bad_argument',
          `Argument ${k} of function ${fn} has the unit of "${a}", which is not another argument.`,
        );
      }
      return { sameAs: index };
    }
    throw new BrianError(
      'bad_argument',
      `Argument ${k} of function ${fn} has no valid unit: ${describeValue(a)}.`,
    );
  });
}

/** The result dimension from the arguments' dimensions. */
export function resultDimension(
  fn: string,
  result: ResultUnit | undefined,
): (args: readonly Dimension[]) => Dimension {
  if (result === undefined) {
    throw new BrianError(
      'bad_argument',
      `Function ${fn} needs the unit of its result: result: volt (or 1, or a function of the arguments' units).`,
    );
  }
  if (result === 1) return () => DIMENSIONLESS;
  if (result instanceof Quantity) return () => result.dim;
  if (typeof result === 'function') {
    return (dims) => {
      const r = result(...dims.map((d) => new Quantity(1, d)));
      return r instanceof Quantity ? r.dim : DIMENSIONLESS;
    };
  }
  throw new BrianError(
    'bad_argument',
    `The result unit of function ${fn} is not a unit: ${describeValue(result)}.`,
  );
}

/** Checks the dimensions of actual arguments against the rules (a call from the script). */
export function checkArguments(fn: string, rules: readonly ArgDimension[], dims: readonly Dimension[]): void {
  if (dims.length !== rules.length) {
    throw new BrianError(
      'wrong_argument_count',
      `Function ${fn} takes ${rules.length} argument(s), got ${dims.length}.`,
    );
  }
  rules.forEach((rule, k) => {
    const expected =
      rule === 'any' ? undefined : typeof rule === 'object' && 'sameAs' in rule ? dims[rule.sameAs] : rule;
    if (expected !== undefined && expected !== dims[k]) {
      throw new DimensionMismatchError(`Argument ${k} of function ${fn} has the wrong unit`, [
        dims[k],
        expected,
      ]);
    }
  });
}
