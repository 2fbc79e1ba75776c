import * as v from 'valibot';
import type { ErrorCode } from '../diagnostics/codes.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { closestName } from '../diagnostics/did-you-mean.ts';
import { describeValue } from './describe-value.ts';

/**
 * Argument checks at the API boundary (DESIGN §6 "Validation at the boundary, from one
 * schema"). Each public options type has one valibot schema (next to the object it configures);
 * this file turns the first problem valibot finds into a coded BrianError that names the
 * function, the argument or option, what was expected and what was given.
 *
 * valibot (~1 kB per used function, no dependencies, tree-shaken in the browser bundle) was
 * chosen over zod for that size: the core must stay light for the browser entry.
 */

export type Schema = v.GenericSchema;

/**
 * A message for a schema that carries its error code: `coded('missing_unit', 'must be a time')`.
 * Plain messages give `bad_argument`.
 */
export function coded(code: ErrorCode, message: string): string {
  return `[${code}] ${message}`;
}

/**
 * Checks `value` (argument `argument` of `fn`, e.g. `'options'` of `'new NeuronGroup'`) against
 * `schema`; returns it typed, or throws the coded error of the first problem.
 */
export function validate<S extends Schema>(
  schema: S,
  value: unknown,
  fn: string,
  argument: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw toBrianError(schema, result.issues[0], fn, argument);
}

/** Options objects: `undefined` is `{}`; anything but a plain object is explained. */
export function validateOptions<S extends Schema>(
  schema: S,
  value: unknown,
  fn: string,
  argument = 'options',
): v.InferOutput<S> {
  if (value === undefined) return validate(schema, {}, fn, argument);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isClassInstance(value)) {
    throw new BrianError(
      'bad_argument',
      `${fn}: ${argument} must be an options object ({ key: value, … }), got ${describeValue(value)}.`,
    );
  }
  return validate(schema, value, fn, argument);
}

function isClassInstance(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto !== null && proto !== Object.prototype;
}

function toBrianError(schema: Schema, issue: v.BaseIssue<unknown>, fn: string, argument: string): BrianError {
  const path = pathText(argument, issue.path);
  if (issue.type === 'strict_object' && issue.expected !== 'never' && issue.received === 'undefined') {
    return new BrianError('bad_argument', `${fn}: ${path} is required.`);
  }
  // An unknown key (valibot expects `never` there); a nested options object that is not an object falls through.
  if (issue.type === 'strict_object' && issue.expected === 'never' && issue.path) {
    const keys = issue.path.map((item) => (item as { key?: unknown }).key);
    const key = String(keys[keys.length - 1]);
    const known = Object.keys(entriesAt(schema, keys.slice(0, -1)) ?? {});
    const close = closestName(key, known);
    return new BrianError(
      'unknown_option',
      `${fn}: unknown option "${key}" in ${pathText(argument, issue.path.slice(0, -1))}.`,
      {
        hint: close
          ? `did you mean '${close}'?`
          : known.length
            ? `the options are: ${known.sort().join(', ')}`
            : 'it takes no options',
      },
    );
  }
  const m = CODED.exec(issue.message);
  // A union's message is its own; the code may come from the alternative that explains best
  // (a bare number where a time is expected is `missing_unit` whatever else was allowed).
  const code = (m ? m[1] : (nestedCode(issue) ?? 'bad_argument')) as ErrorCode;
  const text = m ? m[2] : plainMessage(issue);
  return new BrianError(code, `${fn}: ${path} ${text}, got ${describeValue(issue.input)}.`);
}

/** The entries of the object schema reached from `schema` through `keys` (optional/union unwrapped). */
function entriesAt(schema: unknown, keys: readonly unknown[]): Record<string, unknown> | undefined {
  const unwrap = (s: unknown): unknown => {
    const o = s as { wrapped?: unknown; options?: unknown[]; entries?: unknown };
    if (o?.entries) return o;
    if (o?.wrapped) return unwrap(o.wrapped);
    if (o?.options) return o.options.map(unwrap).find((x) => (x as { entries?: unknown })?.entries);
    return undefined;
  };
  let current = unwrap(schema) as { entries?: Record<string, unknown> } | undefined;
  for (const k of keys) current = unwrap(current?.entries?.[String(k)]) as typeof current;
  return current?.entries;
}

const CODED = /^\[(\w+)\] ([\s\S]*)$/;

function nestedCode(issue: v.BaseIssue<unknown>): string | undefined {
  for (const inner of issue.issues ?? []) {
    const m = CODED.exec(inner.message);
    if (m) return m[1];
    const deeper = nestedCode(inner);
    if (deeper) return deeper;
  }
  return undefined;
}

/** valibot's own messages, in the words of this library ("must be a number"). */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  // valibot's default messages start with "Invalid …"; ours say what is expected.
  if (!issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.kind === 'schema')
    return `must be ${issue.expected === 'never' ? 'absent' : (issue.expected ?? 'valid')}`;
  return issue.message;
}

function pathText(argument: string, path: readonly v.IssuePathItem[] | undefined): string {
  let out = argument;
  for (const item of path ?? []) {
    const key = (item as { key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/**
 * An options object: every key optional, an unknown key an `unknown_option` error with a
 * did-you-mean (`on_pre` → `onPre`, `treshold` → `threshold`).
 */
export function strictOptions<E extends v.ObjectEntries>(entries: E) {
  const optional = Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(s)])) as {
    [K in keyof E]: v.OptionalSchema<E[K], undefined>;
  };
  return v.strictObject(optional);
}
