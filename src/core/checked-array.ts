import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';

/**
 * Arrays handed to users (a monitor's `M.count`, `M.i`, `M.v` traces, `S.i`, `G.v_`) that
 * refuse an index outside them with the coded `index_out_of_range` instead of JavaScript's
 * silent `undefined` (`M.count[99]` for 10 neurons, `M.v[7]` when 3 elements are recorded).
 * Negative indices count from the end, as in numpy.
 *
 * They are proxies: typed-array methods, iteration, `Array.from`, `instanceof` and
 * `Array.isArray` work as on the array itself; `.slice()` gives a plain copy for APIs that
 * insist on a real typed array (`ArrayBuffer.isView` is false for a proxy). brian-ts's own
 * loops read device arrays directly, never through these.
 */
export function checkedArray<T extends TypedArray | unknown[]>(
  items: T,
  describe: (index: number, length: number) => string,
  hint?: (index: number) => string | undefined,
): T {
  const typed = !Array.isArray(items);
  const proxy = new Proxy(items, {
    get(target, key) {
      if (typeof key === 'string' && isIndexKey(key)) return target[resolve(target, key)];
      // Typed-array getters and methods must run on the array, not on the proxy.
      const value = Reflect.get(target, key, target);
      return typed && typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      if (typeof key === 'string' && isIndexKey(key)) {
        (target as unknown[])[resolve(target, key)] = value;
        return true;
      }
      return Reflect.set(target, key, value, target);
    },
  });
  CHECKED.add(proxy);
  return proxy;

  function resolve(target: T, key: string): number {
    const k = Number(key);
    const i = k < 0 ? target.length + k : k;
    if (!Number.isSafeInteger(i) || i < 0 || i >= target.length) {
      throw new BrianError('index_out_of_range', describe(k, target.length), { hint: hint?.(k) });
    }
    return i;
  }
}

const CHECKED = new WeakSet<object>();

/**
 * An array or typed array, also one behind a checked-array proxy (which `ArrayBuffer.isView`
 * does not see through): what argument checks accept where Brian takes a list or an array.
 */
export function isArrayOrTypedArray(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || ArrayBuffer.isView(x) || (typeof x === 'object' && x !== null && CHECKED.has(x));
}

/** `"7"`, `"-1"`: property keys that index (not `"1.5"` nor `"07"`, which arrays do not index either). */
function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return false;
  return /^-?(0|[1-9]\d*)$/.test(key);
}
