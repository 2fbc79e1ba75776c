import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArrayVariable } from '../../core/variables.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { assignValues } from '../../groups/assign-values.ts';
import { Quantity } from '../../units/quantity.ts';
import { allocateTyped } from '../runtime/arrays.ts';
import { bytesOf } from './cpp-values.ts';
import type { CommandLineValue } from './execute.ts';
import type { RunArgs } from './options.ts';
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
  for (const [view, value] of runArgs ?? []) {
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
    const bytes = bytesOf(values);
    const file = `runarg_${decl.cppName}_${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
    mkdirSync(join(directory, 'static_arrays'), { recursive: true });
    writeFileSync(join(directory, 'static_arrays', file), bytes);
    out.push({ name: decl.cppName, start, stop, value: `file:static_arrays/${file}` });
  }
  return out;
}
