import { BrianError } from '../diagnostics/diagnostic.ts';
import { describeValue } from '../validation/describe-value.ts';
import { BrianObject } from './brian-object.ts';

/**
 * What `new Network(…)`, `add` and `remove` accept (Brian's "BrianObject, or containers of
 * such objects"): objects, arrays or other iterables of them, nested, and plain objects whose
 * values are added (Brian's dicts: `net.add({ a: G, b: M })`).
 */
export type NetworkContent =
  | BrianObject
  | Iterable<NetworkContent>
  | { readonly [key: string]: NetworkContent };

/** The options of `new Network(…, { name })`. */
export interface NetworkOptions {
  /** The network's name (default `network`, `network_1`, …). */
  readonly name?: string;
}

const NETWORK_OPTIONS = new Set(['name']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `value` could be content (an object, or a container whose leaves are objects). */
function isContent(value: unknown, depth = 0): boolean {
  if (value instanceof BrianObject) return true;
  if (depth > 16 || typeof value !== 'object' || value === null) return false;
  if (isPlainObject(value)) return Object.values(value).every((v) => isContent(v, depth + 1));
  if (Symbol.iterator in value)
    return [...(value as Iterable<unknown>)].every((v) => isContent(v, depth + 1));
  return false;
}

/**
 * Splits `new Network(...)` arguments into contents and options: a last plain object that is not
 * a container of objects holds options (only `name`; anything else is an error naming the key).
 */
export function networkArguments(args: readonly unknown[]): { contents: unknown[]; options: NetworkOptions } {
  const last = args.at(-1);
  if (!isPlainObject(last) || isContent(last)) return { contents: [...args], options: {} };
  for (const key of Object.keys(last)) {
    if (!NETWORK_OPTIONS.has(key)) {
      throw new BrianError(
        'bad_argument',
        `Unknown option "${key}" of Network(); its only option is "name".`,
        {
          hint: 'give the objects as arguments: new Network(G, M, { name: "net" })',
        },
      );
    }
  }
  if (last.name !== undefined && typeof last.name !== 'string') {
    throw new BrianError(
      'bad_argument',
      `The name of a Network must be a string, got ${describeValue(last.name)}.`,
    );
  }
  return { contents: args.slice(0, -1), options: last as NetworkOptions };
}

/** The objects in `contents`, flattened, each once, in order; anything else is an error. */
export function flattenContents(contents: readonly unknown[], what: string): BrianObject[] {
  const out: BrianObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (value instanceof BrianObject) {
      if (!out.includes(value)) out.push(value);
      return;
    }
    const fail = () => {
      throw new BrianError(
        'bad_argument',
        `${what} takes Brian objects (groups, monitors, synapses, …) or containers of them, not ${describe(value)}.`,
      );
    };
    if (depth > 16 || typeof value !== 'object' || value === null) fail();
    if (isPlainObject(value)) {
      for (const v of Object.values(value)) visit(v, depth + 1);
    } else if (Symbol.iterator in (value as object)) {
      for (const v of value as Iterable<unknown>) visit(v, depth + 1);
    } else fail();
  };
  for (const c of contents) visit(c, 0);
  return out;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string "${value}"`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'plain object'}`;
  return describeValue(value);
}
