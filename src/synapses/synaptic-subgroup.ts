import { BrianError } from '../diagnostics/diagnostic.ts';
import { isGroup } from '../groups/element-selection.ts';
import type { Group, Where } from '../groups/group.ts';
import { type ElementIndex, elementNumbers, isSelection, type Selection } from '../groups/selection.ts';
import type { Synapses } from './synapses.ts';

/**
 * Some synapses of a Synapses object, by number (Brian's SynapticSubgroup, what `S[i, j]`
 * gives): `S.at(3, undefined)` are the synapses from source neuron 3, `S.at('w > 0')` those
 * meeting a condition. Usable as an index of the synaptic variables (`S.w.get(sel)`) and as
 * what a StateMonitor records. Connecting more synapses afterwards makes it stale, as in Brian.
 */
export class SynapticSubgroup implements Selection {
  private readonly numbers: Int32Array;
  private readonly createdWith: number;

  constructor(
    readonly owner: Synapses,
    numbers: Int32Array,
    /** Subgroups given as `i` or `j` (for Brian's ambiguous_string_expression warning). */
    readonly indexGroups: readonly Group[] = [],
  ) {
    this.numbers = numbers;
    this.createdWith = owner.N;
  }

  get indices(): Int32Array {
    if (this.owner.N !== this.createdWith) {
      throw new BrianError(
        'bad_argument',
        `Synapses have been added to ${this.owner.name} since this selection of its synapses was made.`,
        { hint: 'select the synapses again after the last connect()' },
      );
    }
    return this.numbers;
  }

  get length(): number {
    return this.numbers.length;
  }

  toString(): string {
    return `<SynapticSubgroup, storing ${this.numbers.length} indices of ${this.owner.name}>`;
  }
}

/**
 * Synapse numbers for Brian's `S[i, j, k]`: synapses whose source neuron is in `i`, target
 * neuron in `j` and multisynaptic number in `k` (each `undefined` for all), in synapse order;
 * or, for a string, the synapses meeting that condition.
 */
export function synapseNumbers(S: Synapses, index: readonly (Where | undefined)[]): Int32Array {
  if (index.length > 3) {
    throw new BrianError(
      'bad_argument',
      `Synapses are indexed by at most (i, j, k), got ${index.length} indices.`,
    );
  }
  const [i, j, k] = index;
  if (typeof i === 'string') {
    if (index.length > 1)
      throw new BrianError('bad_argument', 'A condition selects synapses on its own: give no j or k.');
    return Int32Array.from(S.indicesWhere(i));
  }
  if (isSelection(i) && j === undefined && k === undefined && i.owner === S) return i.indices;
  if (isGroup(k)) throw new BrianError('bad_argument', 'The multisynaptic index k cannot be a group.');
  if (typeof j === 'string' || typeof k === 'string') {
    throw new BrianError('bad_argument', 'Only the first index of a synapse selection may be a condition.');
  }
  const pre = S.i;
  const post = S.j;
  // A subgroup of the source or target (Brian's `S.w[SG1, SG2]`): its neurons, relative to it.
  // An index outside the group selects no synapses (Brian catches the IndexError).
  const inSet = (x: ElementIndex | Group | undefined, side: Group, what: string) => {
    if (x === undefined) return undefined;
    try {
      if (isGroup(x)) return new Set(Array.from(side.absoluteIndices(x, false) ?? [], (a) => a - side.start));
      return new Set(elementNumbers(x, side.N, S.name, what));
    } catch (e) {
      if (e instanceof BrianError && e.code === 'index_out_of_range') return new Set<number>();
      throw e;
    }
  };
  const is = inSet(i, S.source, 'presynaptic index');
  const js = inSet(j, S.target, 'postsynaptic index');
  let ks: Set<number> | undefined;
  let numbers: ArrayLike<number> | undefined;
  if (k !== undefined) {
    if (S.multisynapticIndex === undefined) {
      throw new BrianError(
        'bad_argument',
        `${S.name} has no multisynaptic index: it cannot be indexed by k.`,
        {
          hint: "create it with multisynapticIndex: 'k'",
        },
      );
    }
    ks = new Set(elementNumbers(k, Number.MAX_SAFE_INTEGER, S.name, 'multisynaptic index'));
    numbers = S.state(S.multisynapticIndex).values;
  }
  const out: number[] = [];
  for (let s = 0; s < pre.length; s++) {
    if ((!is || is.has(pre[s])) && (!js || js.has(post[s])) && (!ks || ks.has(numbers![s]))) out.push(s);
  }
  return Int32Array.from(out);
}
