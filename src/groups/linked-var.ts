import type { IndexRef } from '../compiler/2-analyze/scope.ts';
import type { ArrayVariable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from './group.ts';

/**
 * What `linkedVar(group, 'x', { index })` returns: the source of a `(linked)` parameter,
 * assigned with `G.x = linkedVar(eye, 'x')` (Brian's `linked_var`).
 */
export class LinkedVariable {
  constructor(
    /** The group the values are read from. */
    readonly group: Group,
    /** The variable of `group` that is read. */
    readonly name: string,
    /** For each element of the linked group, the element of `group` it reads. */
    readonly index?: ArrayLike<number>,
  ) {}
}

/**
 * Links a `(linked)` parameter to variable `name` of `group` (Brian's `linked_var`):
 * `G.x = linkedVar(eye, 'x')`. Without `index` the groups correspond one to one (or `group` has
 * one element, read by all); `index[k]` names the element of `group` that element k reads.
 */
export function linkedVar(
  group: Group,
  name: string,
  options: { index?: ArrayLike<number> } = {},
): LinkedVariable {
  return new LinkedVariable(group, name, options.index);
}

/**
 * Where a linked variable of `target` finds its values: one-to-one with a group of the same
 * size, one value for all from a size-1 group or a shared variable, or through an index array.
 */
export function linkedIndex(
  target: Group,
  name: string,
  link: LinkedVariable,
  source: ArrayVariable,
): IndexRef {
  const src = link.group;
  if (link.index !== undefined) {
    const index = Array.from(link.index);
    if (index.length !== target.N) {
      throw new BrianError(
        'bad_argument',
        `The index of linked variable ${name} has ${index.length} values, ${target.name} has ${target.N} elements.`,
      );
    }
    const arrayId = `${target.name}_${name}__linked_index`;
    const data = target.device.allocate(arrayId, 'integer', target.storageSize()).data;
    index.forEach((k, n) => {
      if (!Number.isInteger(k) || k < 0 || k >= src.N) {
        throw new BrianError(
          'index_out_of_range',
          `Linked index ${k} is outside ${src.name} (size ${src.N}).`,
        );
      }
      data[target.start + n] = src.start + k;
    });
    return { kind: 'element', base: '_idx', steps: [{ kind: 'lookup', arrayId }] };
  }
  if (source.shared) return { kind: 'shared' };
  if (src.N === 1) return { kind: 'shared', element: src.start };
  if (src.N === target.N) {
    const by = src.start - target.start;
    return { kind: 'element', base: '_idx', steps: by === 0 ? [] : [{ kind: 'offset', by }] };
  }
  throw new BrianError(
    'bad_argument',
    `Cannot link ${target.name}.${name} (size ${target.N}) to ${src.name}.${link.name} (size ${src.N}): sizes differ.`,
    { hint: 'give an index: linkedVar(group, name, { index })' },
  );
}
