import { checkName } from '../validation/names.ts';

/**
 * Object names as Brian gives them (brian2/core/names.py, `find_name`): a name ending in `*` is a
 * pattern, and the object gets the first of `name`, `name_1`, `name_2`, … that no other object
 * has; any other name is used as given, even if another object has it (a network refuses two
 * objects of one name when it runs, `Network.run`).
 *
 * Brian frees a name when its object is garbage-collected, so a script that builds the same
 * model twice gets the same names, and objects in one schedule slot run in the same (name)
 * order. JavaScript cannot see when an object is collected: names are taken from an object's
 * creation until the next `startScope()`, the point where brian-ts scripts drop their objects.
 * Public-API convenience state, as the magic network's objects.
 */
const taken = new Set<string>();

/** The name an object gets for the requested `name` (a pattern when it ends in `*`). */
export function uniqueName(name: string): string {
  // Every object name passes here: only Brian identifiers become array ids and code.
  checkName(name, 'object');
  const found = findName(name, taken);
  taken.add(found);
  return found;
}

/** Brian's `find_name(name, names)`: `name` as given, or for `stem*` the first of stem, stem_1, … not in `names`. */
export function findName(name: string, names: ReadonlySet<string>): string {
  if (!name.endsWith('*')) return name;
  const stem = name.slice(0, -1);
  let found = stem;
  for (let k = 1; names.has(found); k++) found = `${stem}_${k}`;
  return found;
}

/** Frees every name (`startScope()`): objects created from now on may reuse them. */
export function releaseNames(): void {
  taken.clear();
}

/**
 * Storage keys: the prefix of an object's device arrays. Names may repeat (a name given twice, a
 * name reused after `startScope()` while older objects live on), arrays must not: the first
 * object of a name on a device uses the name itself, later ones `name__2`, `name__3`, …
 */
const keysByDevice = new WeakMap<object, Set<string>>();

export function storageKey(device: object, name: string): string {
  let used = keysByDevice.get(device);
  if (!used) {
    used = new Set();
    keysByDevice.set(device, used);
  }
  let key = name;
  for (let k = 2; used.has(key); k++) key = `${name}__${k}`;
  used.add(key);
  return key;
}
