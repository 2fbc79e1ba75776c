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
  abstract get area_(): Float64Array;
  abstract get volume_(): Float64Array;
  abstract get length_(): Float64Array;
  /** Geometric term of the axial conductance from the start to the midpoint of each compartment (Brian's `r_length_1`). */
  abstract get rLength1_(): Float64Array;
  /** Same from the midpoint to the end (Brian's `r_length_2`). */
  abstract get rLength2_(): Float64Array;
  /** Diameter at the midpoint of each compartment. */
  abstract get diameter_(): Float64Array;
  /** Distance from the root to the midpoint of each compartment. */
  abstract get distance_(): Float64Array;
  abstract get startX_(): Float64Array | undefined;
  abstract get startY_(): Float64Array | undefined;
  abstract get startZ_(): Float64Array | undefined;
  abstract get x_(): Float64Array | undefined;
  abstract get y_(): Float64Array | undefined;
  abstract get z_(): Float64Array | undefined;
  abstract get endX_(): Float64Array | undefined;
  abstract get endY_(): Float64Array | undefined;
  abstract get endZ_(): Float64Array | undefined;
  /** Absolute indices of the compartments in the flattened morphology (Brian's `indices[:]`). */
  abstract indices(): Int32Array;

  [Symbol.iterator](): Iterator<number> {
    return this.indices()[Symbol.iterator]();
  }

  get area(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.area_), metre.dim.pow(2));
  }
  get volume(): QuantityArray {
    return new QuantityArray(Float64Array.from(this.volume_), metre.dim.pow(3));
  }
  /** Length of each compartment (Brian's `length`; the number of compartments is `n`). */
  get length(): QuantityArray {
    return metres(this.length_);
  }
  get rLength1(): QuantityArray {
    return metres(this.rLength1_);
  }
  get rLength2(): QuantityArray {
    return metres(this.rLength2_);
  }
  get diameter(): QuantityArray {
    return metres(this.diameter_);
  }
  get distance(): QuantityArray {
    return metres(this.distance_);
  }
  get startX(): QuantityArray | undefined {
    return optional(this.startX_);
  }
  get startY(): QuantityArray | undefined {
    return optional(this.startY_);
  }
  get startZ(): QuantityArray | undefined {
    return optional(this.startZ_);
  }
  get x(): QuantityArray | undefined {
    return optional(this.x_);
  }
  get y(): QuantityArray | undefined {
    return optional(this.y_);
  }
  get z(): QuantityArray | undefined {
    return optional(this.z_);
  }
  get endX(): QuantityArray | undefined {
    return optional(this.endX_);
  }
  get endY(): QuantityArray | undefined {
    return optional(this.endY_);
  }
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
