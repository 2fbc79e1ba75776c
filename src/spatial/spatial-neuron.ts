import { Equations } from '../core/equations.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { NeuronGroup, type NeuronGroupOptions } from '../groups/neuron-group.ts';
import type { Subgroup } from '../groups/subgroup.ts';
import type { VariableView } from '../groups/variable-view.ts';
import type { Runner } from '../network/brian-object.ts';
import { cm, metre, ohm, uF } from '../units/index.ts';
import type { Quantity } from '../units/quantity.ts';
import { QuantityArray } from '../units/quantity-array.ts';
import { describeValue } from '../validation/describe-value.ts';
import { cableEquations } from './cable-equations.ts';
import { CableUpdater } from './cable-updater.ts';
import { type FlatMorphology, flattenMorphologies } from './flat-morphology.ts';
import { Compartments } from './morphology/compartments.ts';
import { Morphology } from './morphology/morphology.ts';
import type { CompartmentPosition } from './morphology/position.ts';
import { type SpatialGroup, SpatialSubgroup, spatialAccess } from './spatial-subgroup.ts';

/** Options of a SpatialNeuron: a NeuronGroup's, and the cable's constants and cell count. */
export interface SpatialNeuronOptions extends NeuronGroupOptions {
  /** Specific membrane capacitance (default 0.9 µF/cm²); a variable per compartment afterwards. */
  readonly Cm?: Quantity;
  /** Intracellular resistivity (default 150 Ω·cm); one value for the group, set before the first run. */
  readonly Ri?: Quantity;
  /** The one compartment where the threshold applies (default: every compartment). */
  readonly thresholdLocation?: number | Compartments;
  /** Copies of the morphology in this group (default 1); more than one adds `cell` and `compartment`. */
  readonly cells?: number;
}

/** Brian's default for SpatialNeuron: exact, then exponential Euler, RK2, Heun. */
const SPATIAL_METHODS = ['exact', 'exponential_euler', 'rk2', 'heun'] as const;

/**
 * A multicompartment neuron (Brian's SpatialNeuron): a group with one element per compartment
 * of a morphology, whose membrane potential `v` follows the cable equation
 * `Cm dv/dt = Im + axial currents`, solved implicitly each step (Brian's scheme); channel
 * equations are integrated alongside.
 *
 * Beyond Brian, one group can hold many cells: `cells: n` copies of the morphology, or a list
 * of morphologies; compartments are then numbered cell after cell and each has the variables
 * `cell` and `compartment` (its number within its cell), for per-cell parameters
 * (`neuron.gNa = 'gNa0*(1 + 0.1*cell)'`) and thresholds; `neuron.cellAt(k)` is cell k.
 *
 *     const neuron = new SpatialNeuron(morpho, 'Im = gL*(EL - v) : amp/meter**2', { Cm: uF(1).div(cm2) })
 *     neuron.axon.v = mV(-65)     neuron.at(um(25))     neuron.axon.slice(um(10), um(50))
 */
export class SpatialNeuron extends NeuronGroup implements SpatialGroup {
  /** The morphology (of the first cell when the group has several). */
  readonly morphology: Morphology;
  /** The morphology of every cell. */
  readonly morphologies: readonly Morphology[];
  /** All cells' compartments in one numbering, with the geometry the cable solver uses. */
  readonly flatMorphology: FlatMorphology;
  /** The model as the user gave it (before point currents went into Im). */
  readonly userEquations: Equations;
  /** Solves the cable equation (Brian's `diffusion_state_updater`). */
  readonly cableUpdater: CableUpdater;

  constructor(
    morphology: Morphology | readonly Morphology[],
    model: string | Equations,
    options: SpatialNeuronOptions = {},
  ) {
    const { Cm, Ri, thresholdLocation, cells, ...groupOptions } = options;
    const morphologies = cellMorphologies(morphology, cells);
    const multi = Array.isArray(morphology) || (cells ?? 1) > 1;
    const flat = flattenMorphologies(morphologies);
    const userEquations = typeof model === 'string' ? new Equations(model) : model;
    let equations = cableEquations(userEquations, flat.x !== undefined);
    if (multi) equations = equations.add('cell : integer (constant)\ncompartment : integer (constant)');
    super(flat.n, equations, {
      ...groupOptions,
      threshold: thresholdAt(groupOptions.threshold, thresholdLocation, multi),
      method: groupOptions.method ?? SPATIAL_METHODS,
      name: groupOptions.name ?? 'spatialneuron*',
    });
    this.morphology = morphologies[0];
    this.morphologies = morphologies;
    this.flatMorphology = flat;
    this.userEquations = userEquations;
    this.setState('Cm', Cm ?? uF.div(cm.pow(2)).mul(0.9));
    this.setState('Ri', Ri ?? ohm.mul(cm).mul(150));
    const metres = (values: Float64Array, power = 1) => new QuantityArray(values, metre.dim.pow(power));
    this.setState('length', metres(flat.length));
    this.setState('distance', metres(flat.distance));
    this.setState('area', metres(flat.area, 2));
    // Brian 2.5.1 leaves volume at 0; later versions (and brian-ts) store it.
    this.setState('volume', metres(flat.volume, 3));
    this.setState('diameter', metres(flat.diameter));
    this.setState('r_length_1', metres(flat.rLength1));
    this.setState('r_length_2', metres(flat.rLength2));
    if (flat.x && flat.y && flat.z) {
      this.setState('x', metres(flat.x));
      this.setState('y', metres(flat.y));
      this.setState('z', metres(flat.z));
    }
    if (multi) {
      this.setState('cell', flat.cellOf);
      this.setState('compartment', flat.compartmentInCell);
    }
    this.cableUpdater = new CableUpdater(this, flat);
  }

  /** The subtrees as properties (`neuron.axon`, `neuron.dend.b1`, `neuron.LRL`), as Brian's `__getattr__`. */
  override extraAttribute(name: string): unknown {
    return spatialAccess.attribute(this, this.morphology, 0, this.multiCell, name);
  }

  override runners(): readonly Runner[] {
    return [...super.runners(), this.cableUpdater];
  }

  /** Whether the group holds several cells (then `cell(k)` selects one). */
  get multiCell(): boolean {
    return this.variables.has('cell');
  }

  /** Cell `k` (its compartments, with its morphology for spatial access). */
  cellAt(k: number): SpatialSubgroup {
    const flat = this.flatMorphology;
    if (!Number.isInteger(k) || k < 0 || k >= flat.cells) {
      throw new BrianError(
        'index_out_of_range',
        `${this.name} has ${flat.cells} cells, there is no cell ${k}.`,
      );
    }
    return new SpatialSubgroup(
      this,
      flat.cellStart[k],
      flat.cellStart[k + 1],
      this.morphologies[k],
      flat.cellStart[k],
    );
  }

  /** The root section alone, without its subtrees (Brian's `neuron.main`). */
  get main(): SpatialSubgroup {
    return spatialAccess.main(this, this.morphology, 0);
  }

  /** The subtree at `path` (`'axon'`, `'dend.b1'` as `'dend'` then `'b1'`, or a shorthand path `'LRL'`). */
  subtree(path: string): SpatialSubgroup {
    return spatialAccess.subtree(this, this.morphology, 0, path);
  }

  /**
   * One compartment (Brian's `neuron[k]`): by number, by distance along the root section, or a
   * compartment (or section) of the morphology (`neuron.at(morpho.axon.at(um(25)))`).
   */
  override at(item: CompartmentPosition | Compartments | ArrayLike<number>): Subgroup {
    return spatialAccess.at(this, this.morphology, 0, item);
  }

  /** Compartments `start` to `stop`: numbers (stop excluded) or distances along the root section. */
  override slice(start?: CompartmentPosition, stop?: CompartmentPosition): Subgroup {
    return spatialAccess.slice(this, this.morphology, 0, start, stop);
  }

  /** Absolute indices of a part of the morphology (a section, a subtree's main section, a SubMorphology) in every cell. */
  indicesIn(part: Compartments): Int32Array {
    return spatialAccess.inEveryCell(this, part);
  }

  /** Brian's `space_constant` (length constant of each compartment). */
  get spaceConstant(): VariableView {
    return this.state('space_constant');
  }

  /** Brian's `time_constant` (Cm/gtot of each compartment). */
  get timeConstant(): VariableView {
    return this.state('time_constant');
  }

  override toString(): string {
    return `SpatialNeuron(${this.N} compartments, name='${this.name}')`;
  }
}

function cellMorphologies(
  morphology: Morphology | readonly Morphology[],
  cells: number | undefined,
): Morphology[] {
  const list =
    morphology instanceof Morphology ? [morphology] : Array.isArray(morphology) ? [...morphology] : [];
  if (list.length === 0 || !list.every((m) => m instanceof Morphology)) {
    throw new BrianError(
      'bad_argument',
      'A SpatialNeuron needs a morphology (a Soma, Section or Cylinder tree) or a list of them.',
    );
  }
  if (cells === undefined) return list;
  if (!Number.isInteger(cells) || cells < 1) {
    throw new BrianError('bad_argument', `cells must be a positive integer, got ${describeValue(cells)}.`);
  }
  if (list.length !== 1) {
    throw new BrianError(
      'bad_argument',
      'cells: n copies one morphology; with a list of morphologies, leave it out.',
    );
  }
  return new Array<Morphology>(cells).fill(list[0]);
}

/** Brian's `threshold_location`: the threshold condition ANDed with being that compartment. */
function thresholdAt(
  threshold: string | undefined,
  location: number | Compartments | undefined,
  multi: boolean,
): string | undefined {
  if (location === undefined) return threshold;
  if (threshold === undefined) {
    throw new BrianError('bad_argument', 'thresholdLocation needs a threshold condition.');
  }
  const indices =
    typeof location === 'number'
      ? [location]
      : location instanceof Compartments
        ? [...location.indices()]
        : Array.from(location as ArrayLike<number>);
  if (indices.length !== 1 || !Number.isInteger(indices[0])) {
    throw new BrianError(
      'bad_argument',
      'The threshold can only be applied at a single location (one compartment).',
    );
  }
  return `(${threshold}) and (${multi ? 'compartment' : 'i'} == ${indices[0]})`;
}
