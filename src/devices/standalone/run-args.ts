import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArrayVariable } from '../../core/variables.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { assignValues } from '../../groups/assign-values.ts';
import { DIMENSIONLESS, type Dimension } from '../../units/dimension.ts';
import { Quantity } from '../../units/quantity.ts';
import { allocateTyped, type TypedArray } from '../runtime/arrays.ts';
import { arrayFileName } from './array-declarations.ts';
import { bytesOf } from './cpp-values.ts';
import type { CommandLineValue } from './execute.ts';
import type { RunArgs, RunArgTarget } from './options.ts';
import type { ArrayDecl } from './program.ts';

/**
 * `runArgs` as command-line values of the program: each view's array and range (a subgroup's
 * part of its parent's storage), the value checked and converted as a setter would (units,
 * integer/boolean types, one value per element); several values go through a data file.
 */
export function commandLineValues(
  runArgs: RunArgs | undefined,
  current: (arrayId: string) => ArrayDecl,
  directory: string,
): CommandLineValue[] {
  const out: CommandLineValue[] = [];
  for (const [key, value] of runArgs ?? []) {
    if (isTimedArray(key)) {
      out.push(timedArrayValues(key, value, current, directory));
      continue;
    }
    const view = key as RunArgTarget;
    const variable = view.group.variable(view.name) as ArrayVariable;
    if (variable?.kind !== 'array') {
      throw new BrianError(
        'bad_argument',
        `run_args can only set stored variables; ${view.group.name}.${view.name} is not one.`,
      );
    }
    const decl = current(variable.arrayId);
    const [start, stop] = variable.shared
      ? [0, 1]
      : decl.dynamic
        ? [0, -1]
        : [view.group.start, view.group.stop];
    const owner = view.group.name;
    if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity) {
      const one = allocateTyped(decl.type, 1);
      assignValues(owner, view.name, { ...variable, shared: true }, one, undefined, value);
      out.push({ name: decl.cppName, start, stop, value: String(one[0]) });
      continue;
    }
    const length = stop >= 0 ? stop - start : (value as ArrayLike<number>).length;
    const values = allocateTyped(decl.type, length);
    assignValues(owner, view.name, { ...variable, shared: false }, values, undefined, value as never);
    out.push({ name: decl.cppName, start, stop, value: dataFile(directory, decl, values) });
  }
  return out;
}

/** Values of many elements go through a file named after their content. */
function dataFile(directory: string, decl: ArrayDecl, values: TypedArray): string {
  const bytes = bytesOf(values);
  const file = `runarg_${arrayFileName(decl.cppName)}_${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
  mkdirSync(join(directory, 'static_arrays'), { recursive: true });
  writeFileSync(join(directory, 'static_arrays', file), bytes);
  return `file:static_arrays/${file}`;
}

interface TimedArrayLike {
  readonly name: string;
  readonly valuesArrayId: string;
  readonly rows: number;
  readonly cols?: number;
  readonly dim: Dimension;
}

function isTimedArray(key: unknown): key is TimedArrayLike {
  return typeof key === 'object' && key !== null && 'valuesArrayId' in key && 'rows' in key;
}

/** New contents of a TimedArray (Brian 2.6: run_args={stimulus: values}): the same shape and unit. */
function timedArrayValues(
  ta: TimedArrayLike,
  value: unknown,
  current: (arrayId: string) => ArrayDecl,
  directory: string,
): CommandLineValue {
  // A QuantityArray/QuantityMatrix (values and a dimension), or plain numbers (1-D or 2-D).
  const withUnit = value as { values?: ArrayLike<number>; dim?: Dimension };
  const quantity = withUnit.dim !== undefined && withUnit.values !== undefined;
  const dim = quantity ? withUnit.dim! : DIMENSIONLESS;
  const flat = quantity
    ? Float64Array.from(withUnit.values!)
    : Float64Array.from(
        Array.from(value as ArrayLike<number | ArrayLike<number>>).flatMap((x) =>
          typeof x === 'number' ? [x] : Array.from(x),
        ),
      );
  if (dim !== ta.dim) {
    throw new BrianError(
      'dimension_mismatch',
      `New values of ${ta.name} must have dimension ${ta.dim}, not ${dim}.`,
    );
  }
  const size = ta.rows * (ta.cols ?? 1);
  if (flat.length !== size) {
    throw new BrianError('bad_argument', `${ta.name} has ${size} values; run_args gave ${flat.length}.`);
  }
  const decl = current(ta.valuesArrayId);
  return { name: decl.cppName, start: 0, stop: -1, value: dataFile(directory, decl, flat) };
}
