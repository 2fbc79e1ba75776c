import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { Subgroup } from '../groups/subgroup.ts';
import { MISSING } from '../network/attribute-access.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';
import type { FlatMorphology } from './flat-morphology.ts';
import { Compartments } from './morphology/compartments.ts';
import type { Morphology } from './morphology/morphology.ts';
import { type CompartmentPosition, compartmentRange } from './morphology/position.ts';

/** What spatial access needs of a SpatialNeuron (declared here to keep the modules acyclic). */
export interface SpatialGroup extends Group {
  readonly morphology: Morphology;
  readonly morphologies: readonly Morphology[];
  readonly flatMorphology: FlatMorphology;
  readonly multiCell: boolean;
}

/**
 * A part of a SpatialNeuron that follows its morphology (Brian's SpatialSubgroup): a subtree
 * (`neuron.axon`, all its sections), a section (`neuron.axon.main`) or a cell
 * (`neuron.cellAt(k)`). Its variables are the neuron's for those compartments; subtrees below it
 * are properties again (`neuron.dend.b1.gNa`), and `at`/`slice` address its compartments.
 */
export class SpatialSubgroup extends Subgroup {
  constructor(
    /** The SpatialNeuron this part belongs to. */
    readonly neuron: SpatialGroup,
    start: number,
    stop: number,
    /** The morphology this part follows (the subtree's root section). */
    readonly morphology: Morphology,
    /** Absolute index of compartment 0 of the morphology's tree (its cell's first compartment). */
    readonly offset: number,
  ) {
    super(neuron, start, stop);
  }

  /** The subtrees below this part as properties (`neuron.dend.b1`). */
  override extraAttribute(name: string): unknown {
    return spatialAccess.attribute(this, this.morphology, this.offset, false, name);
  }

  /** This part's first section alone, without its subtrees (Brian's `.main`). */
  get main(): SpatialSubgroup {
    return spatialAccess.main(this.neuron, this.morphology, this.offset);
  }

  /** The subtree at `path` below this part (`'dend.b1'`, `'LR'`), as `neuron.dend.b1`. */
  subtree(path: string): SpatialSubgroup {
    return spatialAccess.subtree(this.neuron, this.morphology, this.offset, path);
  }

  /** One compartment: its number in this part, a distance along its first section, or a compartment of the morphology. */
  override at(item: CompartmentPosition | Compartments | ArrayLike<number>): Subgroup {
    return spatialAccess.at(this, this.morphology, this.offset, item);
  }

  /** Compartments `start` to `stop` of this part: numbers (stop excluded) or distances along its first section. */
  override slice(start?: CompartmentPosition, stop?: CompartmentPosition): Subgroup {
    return spatialAccess.slice(this, this.morphology, this.offset, start, stop);
  }
}

/** The spatial addressing shared by SpatialNeuron and SpatialSubgroup (Brian's `spatialneuron_attribute` and `_segment`). */
export const spatialAccess = {
  /**
   * `group.axon`, `group.LRL` (Brian's `spatialneuron_attribute`): the subtree of that name or
   * path below `morphology`, or MISSING for other names.
   */
  attribute(group: Group, morphology: Morphology, offset: number, multi: boolean, name: string): unknown {
    if (!morphology.children.has(name) && !/^[LR1-9]+$/.test(name)) return MISSING;
    if (multi) throw multiCellError(name);
    return spatialAccess.subtree(rootOf(group), morphology, offset, name);
  },

  main(neuron: SpatialGroup, morphology: Morphology, offset: number): SpatialSubgroup {
    checkUnchanged(neuron);
    const start = offset + morphology.startIndex();
    return new SpatialSubgroup(neuron, start, start + morphology.n, morphology, offset);
  },

  subtree(neuron: SpatialGroup, morphology: Morphology, offset: number, path: string): SpatialSubgroup {
    checkUnchanged(neuron);
    const sub = morphology.subtree(path);
    const start = offset + sub.startIndex();
    return new SpatialSubgroup(neuron, start, start + sub.totalCompartments, sub, offset);
  },

  at(
    group: Group,
    morphology: Morphology,
    offset: number,
    item: CompartmentPosition | Compartments | ArrayLike<number>,
  ): Subgroup {
    const root = rootOf(group);
    checkUnchanged(root);
    if (typeof item === 'object' && 'length' in item && typeof item.length === 'number') {
      return contiguous(group, root, item as ArrayLike<number>);
    }
    if (item instanceof Compartments) {
      // Indices of a morphology are relative to its cell: ambiguous on a group of several cells.
      if (!(group instanceof SpatialSubgroup) && root.flatMorphology.cells > 1) {
        throw multiCellError('a part of the morphology');
      }
      return part(root, offset, item);
    }
    if (item instanceof Quantity) {
      const k = offset + morphology.indexAt(item);
      return new Subgroup(root, k, k + 1);
    }
    if (typeof item !== 'number' || !Number.isInteger(item)) {
      throw new BrianError(
        'bad_argument',
        `A compartment is a number, a distance or a part of the morphology, got ${describeValue(item)}.`,
      );
    }
    const k = item < 0 ? item + group.N : item;
    if (k < 0 || k >= group.N) {
      throw new BrianError(
        'index_out_of_range',
        `Index ${item} is out of range for ${group.name} of ${group.N} compartments.`,
      );
    }
    return new Subgroup(root, group.start + k, group.start + k + 1);
  },

  slice(
    group: Group,
    morphology: Morphology,
    offset: number,
    start?: CompartmentPosition,
    stop?: CompartmentPosition,
  ): Subgroup {
    const root = rootOf(group);
    checkUnchanged(root);
    if (start instanceof Quantity || stop instanceof Quantity) {
      const indices = morphology.slice(start, stop).indices();
      if (indices.length === 0) throw emptySegment(start, stop);
      return new Subgroup(root, offset + indices[0], offset + indices[indices.length - 1] + 1);
    }
    const lengths = new Float64Array(group.N);
    const [i, j] = compartmentRange(lengths, start, stop);
    if (i >= j) throw emptySegment(start, stop);
    return new Subgroup(root, group.start + i, group.start + j);
  },

  /** Absolute indices of `item` (relative to its morphology's root) in every cell. */
  inEveryCell(neuron: SpatialGroup, item: Compartments): Int32Array {
    checkUnchanged(neuron);
    const relative = item.indices();
    const starts = neuron.flatMorphology.cellStart;
    const out: number[] = [];
    for (let c = 0; c < neuron.flatMorphology.cells; c++) for (const k of relative) out.push(starts[c] + k);
    return Int32Array.from(out);
  },
};

/** Brian's `to_start_stop` for a list of indices (relative to `group`): they must be consecutive. */
function contiguous(group: Group, root: SpatialGroup, indices: ArrayLike<number>): Subgroup {
  const list = Array.from(indices);
  if (list.length === 0 || list.some((k, n) => k !== list[0] + n)) {
    throw new BrianError('index_out_of_range', 'Subgroups can only be made of contiguous indices.');
  }
  const start = list[0] < 0 ? list[0] + group.N : list[0];
  if (start < 0 || start + list.length > group.N) {
    throw new BrianError(
      'index_out_of_range',
      `Indices ${list[0]}…${list[list.length - 1]} are out of range for ${group.name}.`,
    );
  }
  return new Subgroup(root, group.start + start, group.start + start + list.length);
}

function rootOf(group: Group): SpatialGroup {
  return (group instanceof SpatialSubgroup ? group.neuron : group) as SpatialGroup;
}

/** The compartments of `item` (a section's main part or a SubMorphology) as a subgroup. */
function part(root: SpatialGroup, offset: number, item: Compartments): Subgroup {
  const indices = item.indices();
  return new Subgroup(root, offset + indices[0], offset + indices[indices.length - 1] + 1);
}

/** A morphology changed after the neuron was made no longer matches its compartments. */
function checkUnchanged(neuron: SpatialGroup): void {
  const flat = neuron.flatMorphology;
  neuron.morphologies.forEach((m, k) => {
    if (m.totalCompartments !== flat.cellStart[k + 1] - flat.cellStart[k]) {
      throw new BrianError(
        'bad_argument',
        `The morphology of ${neuron.name} was changed after the neuron was created: its compartments no longer match.`,
        { hint: 'build the morphology completely before creating the SpatialNeuron' },
      );
    }
  });
}

function multiCellError(what: string): BrianError {
  return new BrianError(
    'bad_argument',
    `${what}: this SpatialNeuron holds several cells, so a part of the morphology names compartments in each of them.`,
    {
      hint: 'select a cell first (neuron.cellAt(k).axon), or use neuron.indicesIn(morpho.axon) for all cells',
    },
  );
}

function emptySegment(start: unknown, stop: unknown): BrianError {
  return new BrianError(
    'index_out_of_range',
    `Illegal start/end values for a subgroup: ${describeValue(start)} to ${describeValue(stop)} is empty.`,
  );
}
