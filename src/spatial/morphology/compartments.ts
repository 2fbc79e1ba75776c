import { BrianError } from '../../diagnostics/diagnostic.ts';
import { metre } from '../../units/index.ts';
import { Quantity } from '../../units/quantity.ts';
import { QuantityArray } from '../../units/quantity-array.ts';
import { metres } from './lengths.ts';

/**
 * What a run of compartments tells about its geometry: the attributes Brian gives sections
 * (`Morphology`) and parts of sections (`SubMorphology`) alike. Subclasses give the raw values
 * in metres (names ending in `_`, as Brian's `x_`); the unsuffixed getters wrap them in units.
 * Coordinates are `undefined` for morphologies defined without them.
 */
export abstract class Compartments implements Iterable<number> {
  /** Number of compartments. */
  abstract get n(): number;
  /** Membrane surface area of each compartment, in m² (Brian's `area_`). */
  abstract get area_(): Float64Array;
  /** Volume of each compartment, in m³ (Brian's `volume_`). */
  abstract get volume_(): Float64Array;
  /** Length of each compartment, in metres (Brian's `length_`). */
  abstract get length_(): Float64Array;
  /** Geometric term of the axial conductance from the start to the midpoint of each compartment (Brian's `r_length_1`). */
  abstract get rLength1_(): Float64Array;
  /** Same from the midpoint to the end (Brian's `r_length_2`). */
  abstract get rLength2_(): Float64Array;
  /** Diameter at the midpoint of each compartment. */
  abstract get diameter_(): Float64Array;
  /** Distance from the root to the midpoint of each compartment. */
  abstract get distance_(): Float64Array;
  /** x coordinate at the start of each compartment, in metres; undefined without coordinates (Brian's `start_x_`). */
  abstract get startX_(): Float64Array | undefined;
  /** y coordinate at the start of each compartment, in metres; undefined without coordinates (Brian's `start_y_`). */
  abstract get startY_(): Float64Array | undefined;
  /** z coordinate at the start of each compartment, in metres; undefined without coordinates (Brian's `start_z_`). */
  abstract get startZ_(): Float64Array | undefined;
  /** x coordinate at the midpoint of each compartment, in metres; undefined without coordinates (Brian's `x_`). */
  abstract get x_(): Float64Array | undefined;
  /** y coordinate at the midpoint of each compartment, in metres; undefined without coordinates (Brian's `y_`). */
  abstract get y_(): Float64Array | undefined;
  /** z coordinate at the midpoint of each compartment, in metres; undefined without coordinates (Brian's `z_`). */
  abstract get z_(): Float64Array | undefined;
  /** x coordinate at the end of each compartment, in metres; undefined without coordinates (Brian's `end_x_`). */
  abstract get endX_(): Float64Array | undefined;
  /** y coordinate at the end of each compartment, in metres; undefined without coordinates (Brian's `end_y_`). */
  abstract get endY_(): Float64Array | undefined;
  /** z coordinate at the end of each compartment, in metres; undefined without coordinates (Brian's `end_z_`). */
  abstract get endZ_(): Float64Array | undefined;
  /** Absolute indices of the compartments in the flattened morphology (Brian's `indices[:]`). */
  abstract indices(): Int32Array;

  /** Iterates over the absolute compartment indices (as `indices()`), so a part can be spread or used in `for … of`. */
  [Symbol.iterator](): Iterator<number> {
    return this.indices()[Symbol.iterator]();
  }

  /** Membrane surface area of each compartment (Brian's `area`). */
  get area(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.area_), metre.dim.pow(2));
  }
  /** Volume of each compartment (Brian's `volume`). */
  get volume(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.volume_), metre.dim.pow(3));
  }
  /** Length of each compartment (Brian's `length`; the number of compartments is `n`). */
  get length(): QuantityArray {
    return metres(this.length_);
  }
  /** Geometric term of the axial conductance from the start to the midpoint of each compartment, a length (Brian's `r_length_1`): divided by the intracellular resistivity `Ri` it gives the conductance. */
  get rLength1(): QuantityArray {
    return metres(this.rLength1_);
  }
  /** Geometric term of the axial conductance from the midpoint to the end of each compartment, a length (Brian's `r_length_2`). */
  get rLength2(): QuantityArray {
    return metres(this.rLength2_);
  }
  /** Diameter at the midpoint of each compartment (Brian's `diameter`). */
  get diameter(): QuantityArray {
    return metres(this.diameter_);
  }
  /** Path distance from the root of the morphology to the midpoint of each compartment (Brian's `distance`). */
  get distance(): QuantityArray {
    return metres(this.distance_);
  }
  /** x coordinate at the start of each compartment; undefined without coordinates (Brian's `start_x`). */
  get startX(): QuantityArray | undefined {
    return optional(this.startX_);
  }
  /** y coordinate at the start of each compartment; undefined without coordinates (Brian's `start_y`). */
  get startY(): QuantityArray | undefined {
    return optional(this.startY_);
  }
  /** z coordinate at the start of each compartment; undefined without coordinates (Brian's `start_z`). */
  get startZ(): QuantityArray | undefined {
    return optional(this.startZ_);
  }
  /** x coordinate at the midpoint of each compartment; undefined without coordinates (Brian's `x`). */
  get x(): QuantityArray | undefined {
    return optional(this.x_);
  }
  /** y coordinate at the midpoint of each compartment; undefined without coordinates (Brian's `y`). */
  get y(): QuantityArray | undefined {
    return optional(this.y_);
  }
  /** z coordinate at the midpoint of each compartment; undefined without coordinates (Brian's `z`). */
  get z(): QuantityArray | undefined {
    return optional(this.z_);
  }
  /** x coordinate at the end of each compartment; undefined without coordinates (Brian's `end_x`). */
  get endX(): QuantityArray | undefined {
    return optional(this.endX_);
  }
  /** y coordinate at the end of each compartment; undefined without coordinates (Brian's `end_y`). */
  get endY(): QuantityArray | undefined {
    return optional(this.endY_);
  }
  /** z coordinate at the end of each compartment; undefined without coordinates (Brian's `end_z`). */
  get endZ(): QuantityArray | undefined {
    return optional(this.endZ_);
  }

  /**
   * The n+1 points of the compartments (start of the first, end of each), as rows of
   * [x, y, z] in metres, or undefined without coordinates (Brian's `coordinates_`).
   */
  get coordinates_(): Float64Array[] | undefined {
    const [sx, sy, sz, ex, ey, ez] = [
      this.startX_,
      this.startY_,
      this.startZ_,
      this.endX_,
      this.endY_,
      this.endZ_,
    ];
    if (!sx || !sy || !sz || !ex || !ey || !ez) return undefined;
    const rows = [Float64Array.of(sx[0], sy[0], sz[0])];
    for (let k = 0; k < ex.length; k++) rows.push(Float64Array.of(ex[k], ey[k], ez[k]));
    return rows;
  }

  /** The points as quantities: `coordinates[k]` is point k as [x, y, z]. */
  get coordinates(): QuantityArray[] | undefined {
    return this.coordinates_?.map((row) => metres(row));
  }

  /** The single index of a one-compartment part (`morpho.axon.at(um(25)).index`). */
  get index(): number {
    const all = this.indices();
    if (all.length !== 1) {
      throw new BrianError(
        'bad_argument',
        `This part has ${all.length} compartments, not one: use indices().`,
      );
    }
    return all[0];
  }
}

function optional(values: Float64Array | undefined): QuantityArray | undefined {
  return values === undefined ? undefined : metres(values);
}

/** A length as a quantity. */
export function metresScalar(value: number): Quantity {
  return new Quantity(value, metre.dim);
}
