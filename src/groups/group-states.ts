import { BrianError } from '../diagnostics/diagnostic.ts';
import { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import type { SettableValue } from './assign-values.ts';
import type { Group } from './group.ts';

/** One variable's values as `getStates` gives them: with units, or raw SI values; one value for shared variables. */
export type StateValue = QuantityArray | Quantity | Float64Array | Int32Array | Uint8Array | number;

export interface GetStatesOptions {
  /** Quantities (default) or raw SI values. */
  readonly units?: boolean;
  /** Include subexpressions when no names are given (default false). */
  readonly subexpressions?: boolean;
  /** Include read-only variables (`N`, `i`, `t`…) when no names are given (default true). */
  readonly readOnlyVariables?: boolean;
}

/**
 * Brian's `Group.get_states` (format 'dict'): the values of the named variables, by default of
 * every variable that is not internal (`_…`), not a noise symbol, not a subexpression (unless
 * asked for) and, unless `readOnlyVariables` is false, read-only ones too. Copies, not views.
 */
export function getStates(
  group: Group,
  names?: readonly string[],
  options: GetStatesOptions = {},
): Record<string, StateValue> {
  const units = options.units ?? true;
  const selected = names ?? defaultNames(group, options);
  const out: Record<string, StateValue> = {};
  for (const name of selected) {
    const variable = group.variable(name);
    const raw = group.rawValues(name);
    const scalar =
      group.isScalarVariable(name, variable) ||
      variable.kind === 'constant' ||
      name === 't' ||
      name === 'dt' ||
      name === 't_in_timesteps';
    const dim = 'dim' in variable ? variable.dim : undefined;
    if (scalar) out[name] = units && dim ? new Quantity(raw[0], dim) : raw[0];
    else out[name] = units && dim ? new QuantityArray(Float64Array.from(raw), dim) : raw.slice();
  }
  return out;
}

function defaultNames(group: Group, options: GetStatesOptions): string[] {
  return [...group.variables.entries()]
    .filter(([name, v]) => {
      if (name.startsWith('_') || name === 'xi' || name.startsWith('xi_')) return false;
      if (v.kind === 'subexpression' && !options.subexpressions) return false;
      if (options.readOnlyVariables === false && isReadOnly(v)) return false;
      return (
        group.isUserVariable(name) || v.kind === 'subexpression' || name === 'N' || name === 't_in_timesteps'
      );
    })
    .map(([name]) => name);
}

function isReadOnly(v: ReturnType<Group['variable']>): boolean {
  return v.kind !== 'array' || v.readOnly;
}

/**
 * Brian's `Group.set_states` (format 'dict'): sets each named variable, `units: true` (default)
 * from quantities with the variable's units, `units: false` from raw SI values; read-only
 * variables are refused.
 */
export function setStates(
  group: Group,
  values: Readonly<Record<string, SettableValue>>,
  options: { units?: boolean } = {},
): void {
  const units = options.units ?? true;
  for (const [name, value] of Object.entries(values)) {
    const variable = group.variable(name);
    if (isReadOnly(variable)) {
      throw new BrianError('read_only_variable', `Variable ${name} of ${group.name} is read-only.`);
    }
    if (units || typeof value === 'string') group.setState(name, value);
    else group.setRawState(name, value as number | boolean | ArrayLike<number>);
  }
}
