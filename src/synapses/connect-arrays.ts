import {
  MAX_SYNAPSES,
  type SynapsesCreateParams,
} from '../compiler/4-generate/js/kernels/synapses-create.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { EMPTY_BLOCK } from '../compiler/ir/kernel.ts';
import { warn } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { Indices } from './connect.ts';
import { elementCount } from './element-count.ts';
import type { Synapses } from './synapses.ts';

/** Explicit-pair connects with a probability so far, per Synapses (their index arrays get distinct names). */
const calls = new WeakMap<Synapses, number>();

/**
 * connect({ i: [...], j: [...] }): one synapse per pair (`n` per pair), each kept with
 * probability `p` (drawn from the device's random numbers, in the order of the pairs). A single
 * number on one side is repeated for every element of the other, as numpy broadcasts.
 */
/** Returns the number of synapses created when it is known (not with 0 < p < 1). */
export function connectArrays(S: Synapses, i: Indices, j: Indices, n: number, p: number): number | undefined {
  let is = indexList(i, 'i');
  let js = indexList(j, 'j');
  if (is.length === 1 && js.length > 1) is = new Int32Array(js.length).fill(is[0]);
  if (js.length === 1 && is.length > 1) js = new Int32Array(is.length).fill(js[0]);
  if (is.length !== js.length) {
    throw new BrianError('bad_argument', `connect(): i has ${is.length} values but j has ${js.length}.`);
  }
  if (is.length * n > MAX_SYNAPSES) {
    throw new BrianError(
      'bad_argument',
      `connect(): ${is.length} pairs with n = ${n} would make more than ${MAX_SYNAPSES} synapses.`,
    );
  }
  checkRange(S, is, S.source, 'source');
  checkRange(S, js, S.target, 'target');
  if (p === 0 || n === 0 || is.length === 0) return 0;
  if (p === 1) {
    S.device.append(S.arrayId('_synaptic_pre'), repeatEach(is, n));
    S.device.append(S.arrayId('_synaptic_post'), repeatEach(js, n));
    return is.length * n;
  }
  // Drawn where the model's rand() is drawn (the compiled program on a standalone device).
  const call = (calls.get(S) ?? 0) + 1;
  calls.set(S, call);
  const pairs = {
    pre: `_${S.storage}_connect${call}_i`,
    post: `_${S.storage}_connect${call}_j`,
    count: is.length,
  };
  S.device.allocate(pairs.pre, 'integer', is.length).data.set(is);
  S.device.allocate(pairs.post, 'integer', js.length).data.set(js);
  const params: SynapsesCreateParams = {
    outerSize: 0,
    innerSize: 0,
    outerOffset: 0,
    innerOffset: 0,
    outerIndexLocal: '_presynaptic_idx',
    innerIndexLocal: '_postsynaptic_idx',
    outerArray: S.arrayId('_synaptic_pre'),
    innerArray: S.arrayId('_synaptic_post'),
    pairs,
    p,
    n,
    skipIfInvalid: false,
  };
  const kernel: Kernel<SynapsesCreateParams> = {
    kind: 'synapses_create_generator',
    name: `${S.name}_synapses_create_array`,
    scalar: EMPTY_BLOCK,
    vector: EMPTY_BLOCK,
    arrays: new Map(
      [pairs.pre, pairs.post].map((arrayId) => [arrayId, { arrayId, type: 'integer', dynamic: false }]),
    ),
    functions: new Set(),
    params,
  };
  S.device.compile(kernel, 'once')(S.clock.t_, S.clock.dt_, S.clock.timestep);
  return undefined;
}

/** Integers only: Brian refuses `connect(i=[1.1, 2.2])` (numpy would truncate them). */
function indexList(x: Indices, name: 'i' | 'j'): Int32Array {
  const list = typeof x === 'number' ? [x] : Array.from(x as Iterable<unknown>);
  const out = new Int32Array(list.length);
  list.forEach((v, k) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new BrianError(
        'bad_argument',
        `connect(): ${name} must hold integer indices, but element ${k} is ${describeValue(v)}.`,
        {
          hint: Array.isArray(v) ? 'give a flat list of indices' : 'round the indices, e.g. with Math.round',
        },
      );
    }
    out[k] = v;
  });
  return out;
}

function checkRange(S: Synapses, indices: Int32Array, group: Group, what: string): void {
  const size = elementCount(group);
  if (typeof size !== 'number') {
    // Synapses whose own synapses are created inside a standalone program (Brian's warning).
    warn(
      'cannot_check_synapse_indices',
      `connect() of ${S.name}: the ${what} indices cannot be checked, ${group.name} has no known number of synapses before the program runs.`,
    );
    return;
  }
  for (const k of indices) {
    if (k < 0 || k >= size) {
      throw new BrianError('index_out_of_range', `connect(): ${what} index ${k} is outside 0…${size - 1}.`);
    }
  }
}

function repeatEach(indices: Int32Array, n: number): Int32Array {
  if (n === 1) return indices;
  const out = new Int32Array(indices.length * n);
  for (let k = 0; k < indices.length; k++) out.fill(indices[k], k * n, (k + 1) * n);
  return out;
}
