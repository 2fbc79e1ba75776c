import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { Quantity } from '../../units/quantity.ts';
import { describeValue } from '../../validation/describe-value.ts';
import { Children, treeChanges, unknownSubtree } from './children.ts';
import { Compartments, metresScalar } from './compartments.ts';
import type { FromPointsOptions, MorphologyPoint } from './from-points.ts';
import { type GenerateCoordinatesOptions, generateCoordinates } from './generate-coordinates.ts';
import { compartmentCount } from './lengths.ts';
import { type CompartmentPosition, compartmentAt, compartmentRange } from './position.ts';
import type { SectionPoints } from './section.ts';
import { SubMorphology } from './sub-morphology.ts';
import { topologyString } from './topology.ts';

/** Names made of `L`, `R` and `1`–`9` address subtrees by path: `morpho.LRL` is `morpho.L.R.L`. */
const SHORTHAND = /^[LR1-9]{2,}$/;

/** Property names JavaScript machinery probes (promises, JSON, test libraries): never subtrees. */
const NOT_SUBTREES = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', '$$typeof']);

/**
 * A neuronal morphology (Brian's `Morphology`): a tree of unbranched sections, each made of
 * `n` compartments with their geometry. Create a `Soma`, `Section` or `Cylinder` and attach
 * subtrees by name: `morpho.axon = new Cylinder(…)`, `morpho.dend.b1 = …`, or by the path
 * shorthand `morpho.LR = …` (children named `L`/`R`, or numbered `1`–`9` in attachment order).
 * `morpho.axon` reads a subtree, `delete morpho.axon` removes it; reading a subtree that does
 * not exist is an `unknown_section` error.
 */
export abstract class Morphology extends Compartments {
  // Subtrees are read and attached as properties (`morpho.axon`); the index signature lets
  // scripts do so without casts, as in Brian.
  // biome-ignore lint/suspicious/noExplicitAny: dynamic subtree properties
  [subtree: string]: any;

  /** The section's type (`'soma'`, `'axon'`, `'dend'` …), or undefined. */
  type: string | undefined;
  private readonly nCompartments: number;
  private readonly childList: Children;
  private parentSection: Morphology | undefined = undefined;

  protected constructor(n: unknown, type?: string) {
    super();
    this.nCompartments = compartmentCount(n);
    this.type = type;
    const proxy = new Proxy(this, {
      get(target, key, receiver) {
        if (typeof key !== 'string' || key in target || key.startsWith('_') || NOT_SUBTREES.has(key)) {
          return Reflect.get(target, key, receiver);
        }
        return target.subtree(key);
      },
      set(target, key, value, receiver) {
        if (typeof key === 'string' && !(key in target) && value instanceof Morphology) {
          target.setSubtree(key, value);
          return true;
        }
        if (typeof key === 'string' && !Object.hasOwn(target, key) && value instanceof Morphology) {
          // `morpho.__proto__ = …`, `morpho.toString = …`: a method or an Object property, which
          // the assignment replaced (the prototype, for __proto__) instead of attaching a subtree.
          throw new BrianError(
            'bad_argument',
            `"${key}" cannot name a subtree: it is a property of every morphology.`,
            {
              hint: `attach it with morpho.setSubtree(${JSON.stringify(key)}, subtree), or choose another name`,
            },
          );
        }
        return Reflect.set(target, key, value, receiver);
      },
      deleteProperty(target, key) {
        if (typeof key === 'string' && !(key in target)) {
          target.removeSubtree(key);
          return true;
        }
        return Reflect.deleteProperty(target, key);
      },
    });
    // Children know their parent as the proxy: the object scripts hold and compare.
    this.childList = new Children(proxy);
    // biome-ignore lint/correctness/noConstructorReturn: the proxy makes subtrees properties
    return proxy;
  }

  get n(): number {
    return this.nCompartments;
  }

  /** The subtrees attached to the end of this section (Brian's `morpho.children`), by name and number. */
  get children(): Children {
    return this.childList;
  }

  /** The section this one is attached to (Brian's `morpho.parent`); undefined for the root. */
  get parent(): Morphology | undefined {
    return this.parentSection;
  }

  /** Called by `Children` when this subtree is attached to (or removed from) a section. */
  attachTo(parent: Morphology | undefined): void {
    this.parentSection = parent;
  }

  /** Compartments in this subtree: this section's and those of all sections below it. */
  get totalCompartments(): number {
    let total = 0;
    for (const s of this.sections()) total += s.n;
    return total;
  }

  /** Number of sections in this subtree, this one included (Brian's `total_sections`). */
  get totalSections(): number {
    return this.sections().length;
  }

  /** This section and every section below it, in the flattened order (depth first, children in order). */
  sections(): Morphology[] {
    const out: Morphology[] = [];
    const stack: Morphology[] = [this];
    while (stack.length > 0) {
      const s = stack.pop()!;
      out.push(s);
      const kids = [...s.children];
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
    return out;
  }

  /** Whether this section is a `Soma` (an isopotential sphere). */
  abstract get isSoma(): boolean;

  /** Distance from the root to the end of this section. */
  abstract get endDistance_(): number;

  /** Path distance from the root to the end of this section (Brian's `end_distance`). */
  get endDistance(): Quantity {
    return metresScalar(this.endDistance_);
  }

  /** A copy of this section alone (no parent, no children). */
  abstract copySection(): Morphology;

  /** A copy of this section alone at new points (see `generateCoordinates`); `straight`: may stay a Cylinder. */
  abstract withPoints(points: SectionPoints, straight: boolean): Morphology;

  /** A copy of this (soma) section alone, centred at `position` (metres). */
  abstract placedAt(position: readonly [number, number, number]): Morphology;

  /**
   * A copy of the tree with coordinates filled in where sections have none (Brian's
   * `generate_coordinates`, angles in degrees): for drawing; electrically the same.
   */
  generateCoordinates(options: GenerateCoordinatesOptions = {}): Morphology {
    return generateCoordinates(this, options);
  }

  // --- subtrees ---------------------------------------------------------------------------

  /** The subtree called `name`, or at the path `name` (`'LRL'`, `'121'`). */
  subtree(name: string): Morphology {
    if (SHORTHAND.test(name)) return this.childList.get(name[0]).subtree(name.slice(1));
    if (this.childList.has(name)) return this.childList.get(name);
    throw unknownSubtree(name);
  }

  /** Attaches `child` as `name` (a path attaches below the subtree it names). */
  setSubtree(name: string, child: Morphology): void {
    if (!(child instanceof Morphology)) {
      throw new BrianError(
        'bad_argument',
        `Only a morphology can be attached as a subtree, got ${describeValue(child)}.`,
      );
    }
    if (SHORTHAND.test(name)) this.childList.get(name[0]).setSubtree(name.slice(1), child);
    else this.childList.add(name, child);
  }

  /** Removes the subtree called `name` (or at the path `name`). */
  removeSubtree(name: string): void {
    if (SHORTHAND.test(name)) this.childList.get(name[0]).removeSubtree(name.slice(1));
    else this.childList.remove(name);
  }

  // --- compartments -----------------------------------------------------------------------

  /** One compartment: by number, or the one at a distance along this section (Brian's `morpho[10*um]`). */
  at(item: CompartmentPosition): SubMorphology {
    const k = compartmentAt(this.length_, item);
    return new SubMorphology(this, k, k + 1);
  }

  /** Compartments `start` to `stop`: two numbers (stop excluded) or two distances along this section. */
  slice(start?: CompartmentPosition, stop?: CompartmentPosition): SubMorphology {
    const [i, j] = compartmentRange(this.length_, start, stop);
    return new SubMorphology(this, i, j);
  }

  /** Index of the first compartment of this section in the flattened morphology of its root. */
  startIndex(): number {
    let root: Morphology = this;
    while (root.parent) root = root.parent;
    const start = root.layout().get(this);
    if (start === undefined) throw new Error('internal: a section is not in the tree of its root');
    return start;
  }

  /** First compartment of every section of this (root's) tree, recomputed when any tree changed. */
  private layout(): ReadonlyMap<Morphology, number> {
    if (this.starts?.version !== treeChanges.count) {
      const map = new Map<Morphology, number>();
      let index = 0;
      for (const s of this.sections()) {
        map.set(s, index);
        index += s.n;
      }
      this.starts = { version: treeChanges.count, map };
    }
    return this.starts.map;
  }

  private starts: { readonly version: number; readonly map: ReadonlyMap<Morphology, number> } | undefined =
    undefined;

  indices(): Int32Array {
    const start = this.startIndex();
    return Int32Array.from({ length: this.n }, (_, k) => start + k);
  }

  /** The index of one compartment (Brian's `morpho.indices[item]`). */
  indexAt(item: CompartmentPosition): number {
    return this.at(item).index;
  }

  // --- reading morphologies (set by builders.ts, which can import the section classes) -------

  /** A morphology from points `[index, name, x, y, z, diameter, parent]` in µm (Brian's `from_points`). */
  declare static fromPoints: (points: readonly MorphologyPoint[], options?: FromPointsOptions) => Morphology;
  /** A morphology from the text of an SWC file. */
  declare static fromSwc: (text: string, options?: FromPointsOptions & { label?: string }) => Morphology;
  /** A morphology from an SWC file (Brian's `from_file`; the only format, as in Brian). */
  declare static fromFile: (filename: string, options?: FromPointsOptions) => Morphology;
  /** Same as `fromFile` (Brian's `from_swc_file`). */
  declare static fromSwcFile: (filename: string, options?: FromPointsOptions) => Morphology;

  /** A drawing of the tree, one line per section (Brian's `topology()`, after NEURON's). */
  topology(): string {
    return topologyString(this);
  }
}
