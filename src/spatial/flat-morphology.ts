import { info } from '../core/log.ts';
import type { Morphology } from './morphology/morphology.ts';

/**
 * One or more morphologies laid out as arrays (Brian's `FlatMorphology`, extended to several
 * cells): compartments of each cell in depth-first section order, cell after cell; then the
 * structure the cable solver walks.
 *
 * The solver works on the sections' end points ("nodes", Brian's `_B` entries): each cell has
 * a root node (the start of its first section) and one node per section (its end). Sections
 * couple to the node at their start (`parentNode`) and at their end (`sectionNode`); the
 * coupling system is a tree over the nodes, solved by elimination from the leaves (nodes in
 * reverse order) and substitution from the roots. With one cell the numbering is Brian's
 * (root node 0, section s ends at node s + 1).
 */
export interface FlatMorphology {
  readonly n: number;
  readonly cells: number;
  /** First compartment of each cell, and `n` at the end. */
  readonly cellStart: Int32Array;
  readonly cellOf: Int32Array;
  /** Compartment number within its cell. */
  readonly compartmentInCell: Int32Array;
  readonly length: Float64Array;
  readonly distance: Float64Array;
  readonly area: Float64Array;
  readonly diameter: Float64Array;
  readonly volume: Float64Array;
  readonly rLength1: Float64Array;
  readonly rLength2: Float64Array;
  /** Midpoints, undefined when no section has coordinates (NaN for sections without when some have). */
  readonly x?: Float64Array;
  readonly y?: Float64Array;
  readonly z?: Float64Array;
  readonly sections: number;
  /** Compartments [starts[s], ends[s]) of section s. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly sectionNode: Int32Array;
  readonly parentNode: Int32Array;
  /** 1 for the first section of a cell (its start is the sealed end at the cell's root node). */
  readonly rootSection: Uint8Array;
  readonly nodes: number;
  /** Parent node of each node, -1 for the root nodes. */
  readonly nodeParent: Int32Array;
  /** Children of node k: `children[childStart[k] … childStart[k+1]-1]`, in the order they were attached. */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  /** Position of section s's node in `children` (its entry in its parent's row). */
  readonly childSlot: Int32Array;
}

export function flattenMorphologies(cells: readonly Morphology[]): FlatMorphology {
  const perCell = cells.map((m) => m.sections());
  const n = cells.reduce((s, m) => s + m.totalCompartments, 0);
  const sections = perCell.reduce((s, list) => s + list.length, 0);
  const nodes = sections + cells.length;
  const flat = {
    n,
    cells: cells.length,
    cellStart: new Int32Array(cells.length + 1),
    cellOf: new Int32Array(n),
    compartmentInCell: new Int32Array(n),
    length: new Float64Array(n),
    distance: new Float64Array(n),
    area: new Float64Array(n),
    diameter: new Float64Array(n),
    volume: new Float64Array(n),
    rLength1: new Float64Array(n),
    rLength2: new Float64Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
    sections,
    starts: new Int32Array(sections),
    ends: new Int32Array(sections),
    sectionNode: new Int32Array(sections),
    parentNode: new Int32Array(sections),
    rootSection: new Uint8Array(sections),
    nodes,
    nodeParent: new Int32Array(nodes).fill(-1),
    childStart: new Int32Array(nodes + 1),
    children: new Int32Array(sections),
    childSlot: new Int32Array(sections),
  };
  let withCoordinates = 0;
  let compartment = 0;
  let section = 0;
  let node = 0;
  const childLists: number[][] = Array.from({ length: nodes }, () => []);
  perCell.forEach((list, cell) => {
    flat.cellStart[cell] = compartment;
    const rootNode = node++;
    const nodeOf = new Map<Morphology, number>();
    for (const s of list) {
      const count = s.n;
      const at = compartment;
      const put = (target: Float64Array, values: Float64Array) => target.set(values, at);
      put(flat.length, s.length_);
      put(flat.distance, s.distance_);
      put(flat.area, s.area_);
      put(flat.diameter, s.diameter_);
      put(flat.volume, s.volume_);
      put(flat.rLength1, s.rLength1_);
      put(flat.rLength2, s.rLength2_);
      const [x, y, z] = [s.x_, s.y_, s.z_];
      if (x && y && z) {
        withCoordinates += 1;
        put(flat.x, x);
        put(flat.y, y);
        put(flat.z, z);
      } else {
        for (const a of [flat.x, flat.y, flat.z]) a.fill(Number.NaN, at, at + count);
      }
      for (let k = 0; k < count; k++) {
        flat.cellOf[at + k] = cell;
        flat.compartmentInCell[at + k] = at + k - flat.cellStart[cell];
      }
      const own = node++;
      nodeOf.set(s, own);
      const parentNode = s.parent && nodeOf.has(s.parent) ? nodeOf.get(s.parent)! : rootNode;
      flat.starts[section] = at;
      flat.ends[section] = at + count;
      flat.sectionNode[section] = own;
      flat.parentNode[section] = parentNode;
      flat.rootSection[section] = parentNode === rootNode ? 1 : 0;
      flat.nodeParent[own] = parentNode;
      flat.childSlot[section] = childLists[parentNode].length;
      childLists[parentNode].push(own);
      compartment += count;
      section += 1;
    }
  });
  flat.cellStart[cells.length] = n;
  let position = 0;
  childLists.forEach((list, k) => {
    flat.childStart[k] = position;
    for (const c of list) flat.children[position++] = c;
  });
  flat.childStart[nodes] = position;
  // childSlot was relative to the parent's row; make it absolute.
  for (let s = 0; s < sections; s++) flat.childSlot[s] += flat.childStart[flat.parentNode[s]];
  if (withCoordinates === 0) return { ...flat, x: undefined, y: undefined, z: undefined };
  if (withCoordinates < sections) {
    info(
      'mixed_coordinates',
      'The morphology has a mix of sections with and without coordinates: the SpatialNeuron stores NaN for the coordinates of sections without. Call generateCoordinates() on the morphology first to fill them in.',
    );
  }
  return flat;
}
