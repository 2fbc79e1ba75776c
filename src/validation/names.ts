import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from './describe-value.ts';

/**
 * Names users give to objects, clocks, TimedArrays, functions and pathways, checked with
 * Brian's rule (`Nameable`: `[_A-Za-z][_a-zA-Z0-9]*\*?`, the `*` asking for automatic
 * numbering). A name that passes contains nothing but ASCII letters, digits and `_`, so it can
 * appear in generated code, file names and make variables; the generators still print names
 * only through their target's escaping function (compiler/4-generate/*-escape.ts).
 */
const NAME = /^[_A-Za-z][_A-Za-z0-9]*\*?$/;

/**
 * Why `name` is not a valid name, or undefined when it is. Only object names may end in `*`;
 * names that are used as they are (events, pathways, variables) are `numbered: false`.
 */
export function nameProblem(name: unknown, numbered = true): string | undefined {
  if (typeof name !== 'string') return `a name must be a string, got ${describeValue(name)}`;
  if (name === '') return 'a name must not be empty';
  if (!numbered && name.endsWith('*') && NAME.test(name)) {
    return `${describeValue(name)} is not a valid name here: only object names may end in * (automatic numbering)`;
  }
  if (!NAME.test(name)) {
    return `${describeValue(name)} is not a valid name: it must start with a letter or _ and contain only letters, digits and _ (optionally ending in * for automatic numbering)`;
  }
  return undefined;
}

/** Throws `invalid_name` unless `name` is a valid name for `what` ("object", "clock", "pathway"…). */
export function checkName(name: unknown, what: string, numbered = true): string {
  const problem = nameProblem(name, numbered);
  if (problem) throw new BrianError('invalid_name', `Invalid ${what} name: ${problem}.`);
  return name as string;
}
