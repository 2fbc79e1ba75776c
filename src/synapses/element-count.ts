import type { Variable } from '../core/variables.ts';
import type { ElementCount } from '../devices/device.ts';
import type { Group } from '../groups/group.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';

/**
 * How many elements a group has, for code of other objects: a number, or — for Synapses on a
 * standalone device, whose number of synapses only the program knows — the dynamic array whose
 * length it is (synapses on synapses).
 */
export function elementCount(g: Group): ElementCount {
  return g.dynamicSize !== undefined && !g.device.inProcess ? { sizeOf: g.dynamicSize } : g.N;
}

/** `N_pre`/`N_post`: a constant, or the group's own `N` variable when only the program knows it. */
export function sizeVariable(g: Group, name: string): Variable {
  const count = elementCount(g);
  if (typeof count === 'number')
    return { kind: 'constant', name, value: count, dim: DIMENSIONLESS, type: 'integer' };
  return g.variables.get('N')!;
}
