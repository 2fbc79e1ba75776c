import { warn } from '../../core/log.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Span } from '../../diagnostics/span.ts';
import { um } from '../../units/index.ts';
import { QuantityArray } from '../../units/quantity-array.ts';
import type { Morphology } from './morphology.ts';
import { Section } from './section.ts';
import { Soma } from './soma.ts';

/**
 * One point of a morphology: `[index, name, x, y, z, diameter, parent]`, lengths in µm (Brian's
 * `from_points` format: SWC's, with a type name instead of a number and a diameter instead of
 * a radius). `parent` is -1 for the root, which comes first.
 */
export type MorphologyPoint = readonly [
  number,
  string | null | undefined,
  number,
  number,
  number,
  number,
  number,
];

/** Where each field of a point was written (SWC files), for errors that point at it. */
export interface PointSpans {
  readonly line: Span;
  readonly fields: readonly Span[];
}

interface Node {
  readonly index: number;
  readonly name: string | undefined;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly diameter: number;
  parent: Node | undefined;
  children: Node[];
  readonly spans?: PointSpans;
}

/** The options of `Morphology.fromPoints`, `fromSwc`, `fromFile` and `fromSwcFile`: Brian's `spherical_soma`. */
export interface FromPointsOptions {
  /** Model a soma as a sphere (default true): a single soma point, or a three-point soma, becomes a `Soma`. */
  readonly sphericalSoma?: boolean;
}

function formatError(message: string, spans: PointSpans | undefined, field?: number): BrianError {
  const span = spans && (field === undefined ? spans.line : spans.fields[field]);
  return new BrianError('morphology_format', message, { span });
}

/**
 * A morphology from a list of points (Brian's `Morphology.from_points`): runs of points of the
 * same type without branches become sections of truncated cones, a lone soma point (or a
 * three-point soma, see neuromorpho.org/SomaFormat.html) a spherical `Soma`. Sections are
 * named by their type (`dend`, `dend2`, …) and also `L`/`R` (one or two children) or `1`, `2`, …
 */
export function morphologyFromPoints(
  points: readonly MorphologyPoint[],
  options: FromPointsOptions = {},
  spans?: readonly PointSpans[],
): Morphology {
  const sphericalSoma = options.sphericalSoma ?? true;
  const nodes = readNodes(points, spans);
  if (nodes.size === 0) throw new BrianError('morphology_format', 'A morphology needs at least one point.');
  let root = nodes.values().next().value as Node;
  if (sphericalSoma) root = replaceThreePointSomas(root, nodes);
  const sections = nodesToSections(root, sphericalSoma);
  addStandardNames(sections);
  const somata = sections.filter((s) => s.type === 'soma').length;
  if (somata > 1) {
    warn(
      'soma_compartments',
      `The morphology has ${somata} separate soma sections; most likely only one soma (a point or a three-point soma) was meant.`,
    );
  }
  return sections[0];
}

function readNodes(points: readonly MorphologyPoint[], spans?: readonly PointSpans[]): Map<number, Node> {
  const nodes = new Map<number, Node>();
  points.forEach((point, counter) => {
    const where = spans?.[counter];
    if (point.length !== 7) {
      throw formatError(`Each point needs to be described by 7 values, got ${point.length} instead.`, where);
    }
    const [index, name, x, y, z, diameter, parentIndex] = point;
    if (nodes.has(index)) throw formatError(`Two compartments with index ${index}.`, where, 0);
    if (parentIndex === index) {
      throw formatError(`Compartment ${index} lists itself as the parent compartment.`, where, 6);
    }
    let parent: Node | undefined;
    if (!(counter === 0 && parentIndex === -1)) {
      parent = nodes.get(parentIndex);
      if (!parent) {
        throw formatError(
          `Did not find the compartment ${parentIndex} (parent compartment of compartment ${index}). Make sure that parent compartments are listed before their children.`,
          where,
          6,
        );
      }
    }
    const node: Node = {
      index,
      name: name ?? undefined,
      x,
      y,
      z,
      diameter,
      parent,
      children: [],
      spans: where,
    };
    nodes.set(index, node);
    parent?.children.push(node);
  });
  return nodes;
}

/**
 * Replaces each three-point soma (a soma point with exactly two childless soma children one
 * radius away, all of one diameter) by a single soma point. Returns the (possibly new) root.
 */
function replaceThreePointSomas(root: Node, nodes: Map<number, Node>): Node {
  let newRoot = root;
  const stack = [root];
  while (stack.length > 0) {
    let node = stack.pop()!;
    const somaChildren = node.children.filter((c) => c.name === 'soma');
    if (
      node.name === 'soma' &&
      somaChildren.length === 2 &&
      somaChildren.every((c) => c.children.length === 0)
    ) {
      const three = [node, ...somaChildren];
      if (!three.every((c) => Math.abs(c.diameter - node.diameter) < 1e-15)) {
        throw formatError(
          `Found a '3-point-soma' (lines: ${three.map((c) => c.index).join(', ')}), but not all the diameters are identical.`,
          three.find((c) => Math.abs(c.diameter - node.diameter) >= 1e-15)?.spans,
          5,
        );
      }
      const radius = node.diameter / 2;
      const distances = somaChildren.map((c) => Math.hypot(c.x - node.x, c.y - node.y, c.z - node.z));
      if (distances.some((d) => Math.abs(d - radius) > 0.01)) {
        throw formatError(
          `Cannot replace '3-point-soma' by a single point, the second and third points should be positioned one radius away from the first point. Distances are ${distances[0].toFixed(3)}um and ${distances[1].toFixed(3)}um, respectively, while the radius is ${radius.toFixed(3)}um.`,
          somaChildren[distances.findIndex((d) => Math.abs(d - radius) > 0.01)].spans,
        );
      }
      const replacement: Node = {
        ...node,
        children: node.children.filter((c) => !three.includes(c)),
      };
      for (const c of replacement.children) c.parent = replacement;
      if (node.parent) node.parent.children[node.parent.children.indexOf(node)] = replacement;
      else newRoot = replacement;
      nodes.set(node.index, replacement);
      for (const c of somaChildren) nodes.delete(c.index);
      node = replacement;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return newRoot;
}

/**
 * Merges unbranched runs of points of one type into sections, depth first (Brian's
 * `_compartments_to_sections`, without recursion so that long chains work). Each section is
 * attached to its parent's section under its type name (made unique: `dend`, `dend2`…).
 */
function nodesToSections(root: Node, sphericalSoma: boolean): Morphology[] {
  const sections: Morphology[] = [];
  const byLastNode = new Map<Node, Morphology>();
  const stack: { node: Node; run: Node[] }[] = [{ node: root, run: [] }];
  while (stack.length > 0) {
    const { node, run } = stack.pop()!;
    run.push(node);
    const kids = node.children;
    if (kids.length === 1 && kids[0].name === node.name) {
      stack.push({ node: kids[0], run });
      continue;
    }
    const parent = run[0].parent;
    const section = createSection(run, node.name, parent, sphericalSoma);
    if (parent) byLastNode.get(parent)!.children.add(node.name, section, true);
    byLastNode.set(node, section);
    sections.push(section);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k], run: [] });
  }
  return sections;
}

function createSection(
  run: Node[],
  name: string | undefined,
  parent: Node | undefined,
  sphericalSoma: boolean,
) {
  const scale = um.value;
  if (sphericalSoma && run.length === 1 && run[0].name === 'soma') {
    const s = run[0];
    const m = (v: number) => um.mul(v);
    return new Soma({ diameter: m(s.diameter), x: m(s.x), y: m(s.y), z: m(s.z) });
  }
  let diameters = run.map((c) => c.diameter);
  let xs = run.map((c) => c.x);
  let ys = run.map((c) => c.y);
  let zs = run.map((c) => c.z);
  let n: number;
  if (parent) {
    n = run.length;
    // A section starting at a soma takes its own first diameter, not the soma's.
    const startDiameter = parent.name?.toLowerCase() === 'soma' ? diameters[0] : parent.diameter;
    diameters = [startDiameter, ...diameters];
    xs = [0, ...xs.map((v) => v - parent.x)];
    ys = [0, ...ys.map((v) => v - parent.y)];
    zs = [0, ...zs.map((v) => v - parent.z)];
  } else {
    n = run.length - 1;
    if (n < 1) {
      throw formatError(
        `The root point ${run[0].index} is not a soma and has no point of its type after it: a section needs at least two points.`,
        run[0].spans,
      );
    }
  }
  const q = (values: number[]) =>
    new QuantityArray(
      Float64Array.from(values, (v) => v * scale),
      um.dim,
    );
  return new Section({ n, diameter: q(diameters), x: q(xs), y: q(ys), z: q(zs), type: name });
}

/** Adds `L`/`R` (one or two children) or `1`, `2`, … (more) to every section's names. */
function addStandardNames(sections: readonly Morphology[]): void {
  const counters = new Map<Morphology, number>();
  for (const section of sections) {
    const parent = section.parent;
    if (!parent) continue;
    const nth = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, nth);
    const name = parent.children.length <= 2 ? (nth === 1 ? 'L' : 'R') : String(nth);
    parent.children.add(name, section);
  }
}
