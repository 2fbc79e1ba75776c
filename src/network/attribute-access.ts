import { BrianError } from '../diagnostics/diagnostic.ts';
import { closestName, unknownNameHint } from '../diagnostics/did-you-mean.ts';

/**
 * How `X.name` resolves on every user object with named contents (groups, subgroups, synapses,
 * monitors): one rule, in one place.
 *
 * 1. **API members first.** A property of the object or its prototype chain (`G.N`, `G.name`,
 *    `G.variable(…)`, `S.connect(…)`) is what `X.name` gives, as Brian's class attributes win
 *    over its `__getattr__`. So brian-ts's own code, which runs with `this` = the proxy, always
 *    finds its members, whatever the user called a variable.
 * 2. **Then the object's named contents**: a state variable `G.v` (a view) or `G.v_` (raw
 *    values), a recorded variable `M.v`. Assigning `G.v = …` sets the variable.
 * 3. **Anything else is an error**: reading or writing a name that is neither throws the coded
 *    `unknown_variable` with a did-you-mean, never `undefined` and never a new property.
 *
 * A variable named like an API member (`variable`, `run`, `name`, `connect`…) neither replaces
 * the member nor becomes unreachable: `G.state('variable')` is its view, `G.variable_` its raw
 * values (no member ends in `_`), and `G.variable = [...]` sets it when the member is a method or
 * a read-only accessor, which nobody assigns (Brian's tests use a variable called `variable`).
 * Writing a name that is both a variable and a writable member (`active`) writes the member;
 * `G.setState(name, value)` always writes the variable.
 *
 * The proxy is only on the user-facing object; kernels and the step loop never go through it.
 */
export interface NamedContents {
  /** False while the object is being constructed: the proxy is then transparent. */
  readonly ready: boolean;
  /** What `X.name` is when `name` is not an API member, or MISSING. */
  read(name: string): unknown;
  /** Sets `name` when it is one of the contents; false when it is not. */
  write(name: string, value: unknown): boolean;
  /** The names `read` knows, for did-you-mean. */
  names(): readonly string[];
  /** What the contents are called in messages ("state variables", "recorded variables"). */
  readonly what: string;
  /** The object's name in messages. */
  readonly owner: string;
}

/** What `NamedContents.read` returns for a name it does not know. */
export const MISSING: unique symbol = Symbol('missing');

/**
 * Names JavaScript itself probes on arbitrary objects (promise resolution looks for `then`,
 * JSON for `toJSON`, test and inspection libraries for a few more): reading them gives
 * `undefined` as usual instead of an error.
 */
const PROTOCOL_NAMES = new Set([
  'then',
  'toJSON',
  'inspect',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  'length',
]);

/** Whether JavaScript machinery may read `key` on any object (then `undefined` is the answer). */
export function isProtocolName(key: string): boolean {
  return PROTOCOL_NAMES.has(key);
}

/** Wraps `target` so that its attributes resolve by the rule above. */
export function withNamedContents<T extends object>(target: T, contents: (target: T) => NamedContents): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key !== 'string' || key in t) return Reflect.get(t, key, receiver);
      // Asked of the proxy (`receiver`): what the contents return (a SpatialNeuron's subtree)
      // must refer to the object scripts hold, not to the bare target.
      const c = contents(receiver);
      if (!c.ready) return undefined;
      const value = c.read(key);
      if (value !== MISSING) return value;
      if (PROTOCOL_NAMES.has(key)) return undefined;
      throw unknownAttribute(t, c, key);
    },
    set(t, key, value, receiver) {
      if (typeof key !== 'string') return Reflect.set(t, key, value, receiver);
      const c = contents(receiver);
      if (!c.ready) return Reflect.set(t, key, value, receiver);
      const member = findMember(t, key);
      if (member && isAssignableMember(member)) return Reflect.set(t, key, value, receiver);
      if (c.write(key, value)) return true;
      // Brian lets code attach private `_names`; brian-ts's own code may too.
      if (key.startsWith('_') && !member) return Reflect.set(t, key, value, receiver);
      if (member) {
        throw new BrianError('read_only_variable', `${key} of ${c.owner} cannot be assigned.`, {
          hint: typeof member.value === 'function' ? `${key} is a method` : `${key} is read-only`,
        });
      }
      throw unknownAttribute(t, c, key);
    },
  });
}

function unknownAttribute(target: object, c: NamedContents, key: string): BrianError {
  // Ties go to the first candidate: contents, then members, raw `x_` forms last.
  const members = memberNames(target).sort((a, b) => Number(a.endsWith('_')) - Number(b.endsWith('_')));
  const close = closestName(key, [...c.names(), ...members]);
  return new BrianError('unknown_variable', `${c.owner} has no attribute or variable "${key}".`, {
    hint: close ? `did you mean '${close}'?` : unknownNameHint(key, c.names(), `${c.what} of ${c.owner}`),
  });
}

/** The property descriptor of `key` on `target` or its prototype chain (not Object.prototype). */
function findMember(target: object, key: string): PropertyDescriptor | undefined {
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}

/** A data property that may be written, or an accessor with a setter. */
function isAssignableMember(d: PropertyDescriptor): boolean {
  if ('value' in d) return d.writable === true && typeof d.value !== 'function';
  return d.set !== undefined;
}

/** Public member names of `target` (own and inherited), for suggestions. */
export function memberNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (!k.startsWith('_') && k !== 'constructor') names.add(k);
    }
  }
  return [...names];
}
