import type { Namespace } from '../compiler/2-analyze/external-scope.ts';
import type { Variable } from '../core/variables.ts';
import type { TypedArray } from '../devices/runtime/arrays.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { SettableValue } from '../groups/assign-values.ts';
import type { Group, Where } from '../groups/group.ts';
import { Quantity } from '../units/quantity.ts';
import type { Synapses } from './synapses.ts';

/**
 * A variable of the source or target seen from the synapses (Brian's `S.v_pre`, `S.v_post`, and
 * `S.v` for a target variable that is not a synaptic one): one value per synapse, that of its
 * presynaptic or postsynaptic neuron.
 */
export interface PrePostVariable {
  readonly group: Group;
  /** The variable's name in its group. */
  readonly stem: string;
  readonly variable: Variable;
}

/** What `name` refers to on the source or target of `S`, or undefined (a synaptic or unknown name). */
export function prePostVariable(S: Synapses, name: string): PrePostVariable | undefined {
  if (S.variables.has(name)) return undefined;
  const m = /^(.+)_(pre|post)$/.exec(name);
  const [group, stem] = m ? [m[2] === 'pre' ? S.source : S.target, m[1]] : [S.target, name];
  if (!group.isUserVariable(stem) || (!m && stem.endsWith('_'))) return undefined;
  return { group, stem, variable: group.variable(stem) };
}

/** The per-synapse values of a source or target variable, or the one value of a shared variable. */
export function prePostValues(
  S: Synapses,
  name: string,
  ref: PrePostVariable,
  where: Where | undefined,
): TypedArray {
  if (isShared(ref.variable)) return ref.group.rawValues(ref.stem);
  const all = gathered(S, name, ref);
  const indices = S.absoluteIndices(where, false);
  if (indices === undefined) return all;
  const out = new (all.constructor as new (n: number) => TypedArray)(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = all[indices[k]];
  return out;
}

/**
 * The group's values read through each synapse's pre/post index (relative to the group): no
 * synaptic kernel, so stored variables can also be read after a standalone program ran.
 */
function gathered(S: Synapses, name: string, ref: PrePostVariable): TypedArray {
  const values = ref.group.rawValues(ref.stem);
  const index = name.endsWith('_pre') ? S.i : S.j;
  const out = new (values.constructor as new (n: number) => TypedArray)(index.length);
  for (let s = 0; s < index.length; s++) out[s] = values[index[s]];
  return out;
}

/**
 * Brian's `S.v_post = value`: the target variable of each synapse's postsynaptic neuron (of the
 * selected synapses) takes the value, through a setter kernel over the synapses; a shared
 * variable is set on its group. One value or an expression; per-synapse arrays are refused
 * (several synapses share a neuron: which value would win?).
 */
export function setPrePost(
  S: Synapses,
  name: string,
  ref: PrePostVariable,
  value: SettableValue,
  where: Where | undefined,
  namespace: Namespace | undefined,
): void {
  if (isShared(ref.variable)) {
    if (where !== undefined) {
      throw new BrianError('index_out_of_range', `${S.name}.${name} is shared: it cannot be indexed.`);
    }
    ref.group.setState(ref.stem, value, undefined, namespace);
    return;
  }
  if (typeof value === 'string') {
    S.setThroughSynapses(name, value, where, namespace);
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Quantity) {
    const valueName = '_brian_prepost_value';
    S.setThroughSynapses(name, valueName, where, { ...namespace, [valueName]: value });
    return;
  }
  throw new BrianError(
    'bad_argument',
    `${S.name}.${name} can be set to one value or an expression, not to one value per synapse.`,
    { hint: `set ${ref.group.name}.${ref.stem} instead` },
  );
}

function isShared(v: Variable): boolean {
  return (v.kind === 'array' || v.kind === 'subexpression') && v.shared;
}
