import { BrianError } from '../diagnostics/diagnostic.ts';
import type { GetStatesOptions } from '../groups/group-states.ts';
import type { BrianObject } from './brian-object.ts';

/** Options of `getStates()`, passed on to each object (Brian's `get_states` arguments). */
export type NetworkStatesOptions = GetStatesOptions;

/** States of a network's objects: by object name, by variable name. */
export type NetworkStates = Record<string, Record<string, unknown>>;

/** An object whose state variables can be read and set as a whole (groups, Brian's VariableOwner). */
interface WithStates {
  getStates(names: undefined, options?: NetworkStatesOptions): Record<string, unknown>;
  setStates(values: Record<string, unknown>, options?: { units?: boolean }): void;
}

function withStates(o: BrianObject): o is BrianObject & WithStates {
  const c = o as Partial<WithStates>;
  return typeof c.getStates === 'function' && typeof c.setStates === 'function';
}

/** Brian's `Network.get_states`: every object with state variables, by name. */
export function getStates(objects: readonly BrianObject[], options: NetworkStatesOptions): NetworkStates {
  const states: NetworkStates = {};
  for (const o of objects) if (withStates(o)) states[o.name] = o.getStates(undefined, options);
  return states;
}

/** Brian's `Network.set_states`: values by object name, then variable name. */
export function setStates(
  objects: readonly BrianObject[],
  values: NetworkStates,
  options: { units?: boolean },
): void {
  for (const [name, vars] of Object.entries(values)) {
    const o = objects.find((x) => x.name === name);
    if (!o) throw new BrianError('unknown_object', `The network has no object called "${name}".`);
    if (!withStates(o)) throw new BrianError('bad_argument', `${name} has no state variables to set.`);
    o.setStates(vars, options);
  }
}
