import type { AuxiliaryVariable, ConstantVariable } from '../core/variables.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';

/** Auxiliary variables users can read (`G.i`, `G.t`…); the others (`xi`) only exist in code. */
export const USER_AUXILIARIES = ['i', 't', 'dt', 't_in_timesteps'];

/** Locals every kernel skeleton provides. */
export const SKELETON_LOCALS = new Map([
  ['t', 'float'],
  ['dt', 'float'],
  ['_timestep', 'integer'],
  ['_idx', 'integer'],
] as const);

/** `i` (the element's index inside its group, offset by the group's start) and `N` (its size). */
export function indexVariables(start: number, N: number): [AuxiliaryVariable, ConstantVariable] {
  return [
    { kind: 'auxiliary', name: 'i', dim: DIMENSIONLESS, type: 'integer', shared: false, offset: start },
    { kind: 'constant', name: 'N', value: N, dim: DIMENSIONLESS, type: 'integer' },
  ];
}

/** `t`, `dt` and the step number (named `_timestep` in kernels, `t_in_timesteps` for users); shared by all elements. */
export function timeVariables(): AuxiliaryVariable[] {
  const aux = (
    name: string,
    dim = second.dim,
    type: AuxiliaryVariable['type'] = 'float',
  ): AuxiliaryVariable => ({
    kind: 'auxiliary',
    name,
    dim,
    type,
    shared: true,
  });
  return [aux('t'), aux('dt'), aux('_timestep', DIMENSIONLESS, 'integer')];
}
