import * as v from 'valibot';
import type { UserFunctionSpec } from '../core/user-function.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from './describe-value.ts';
import * as s from './schemas.ts';
import { type Schema, strictOptions, validateOptions } from './validate.ts';

/**
 * The spec of `implementation(spec)` (a user function): one object with known keys of the right
 * kinds. The units of the arguments and the result, the name and the C++ options are checked
 * further where the function is made (core/user-function*.ts), with messages of their own.
 */
const IMPLEMENTATION = strictOptions({
  name: v.string('must be a string (the name used in model code)'),
  args: v.array(v.unknown(), 'must be a list of units, one per argument ([second, 1, null, …])'),
  argNames: v.array(v.string('must be a string'), 'must be a list of argument names'),
  result: v.unknown(),
  resultType: v.picklist(['float', 'integer', 'boolean'], "must be 'float', 'integer' or 'boolean'"),
  js: v.function('must be a function of numbers returning a number'),
  cpp: v.unknown(),
  stateless: s.boolean,
} satisfies Record<keyof UserFunctionSpec, Schema>);

export function checkImplementationSpec(spec: unknown): UserFunctionSpec {
  if (spec === undefined) {
    throw new BrianError(
      'bad_argument',
      `implementation(spec) needs the function's spec, got ${describeValue(spec)}.`,
      { hint: "implementation({ name: 'f', args: [second], result: 1, js: (t) => … })" },
    );
  }
  return validateOptions(IMPLEMENTATION, spec, 'implementation', 'spec') as UserFunctionSpec;
}
