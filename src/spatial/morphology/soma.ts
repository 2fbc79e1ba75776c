import { BrianError } from '../../diagnostics/diagnostic.ts';
import { metresScalar } from './compartments.ts';
import { type LengthValue, scalarLength, withDiameter } from './lengths.ts';
import { Morphology } from './morphology.ts';

/** The options of `new Soma(diameter, options)`: Brian's keyword arguments of `Soma`. */
export interface SomaOptions {
  /** Diameter of the sphere (Brian's `diameter`), when not given as the first argument. */
  readonly diameter?: LengthValue;
  /** Position of the soma's centre (absolute); giving any coordinate sets the others to 0. */
  readonly x?: LengthValue;
  /** y coordinate of the soma's centre (absolute). */
  readonly y?: LengthValue;
  /** z coordinate of the soma's centre (absolute). */
  readonly z?: LengthValue;
  /** Default `'soma'`. */
  readonly type?: string;
}

/**
 * A spherical, isopotential soma (Brian's `Soma`): one compartment with the surface and
 * volume of a sphere of the given diameter, and a very low axial resistance. It is a point
 * for distances and coordinates: its start, midpoint and end coincide, and a section attached
 * to it starts at distance 0 from it.
 *
 *     new Soma(um(30))   new Soma({ diameter: um(30), x: um(100) })
 */
export class Soma extends Morphology {
  private readonly d: number;
  private readonly position: Float64Array | undefined;

  constructor(diameter: LengthValue | SomaOptions, options: SomaOptions = {}) {
    const opts = withDiameter(diameter, options);
    super(1, opts.type ?? 'soma');
    if (opts.diameter === undefined) throw new BrianError('bad_argument', 'A Soma needs a diameter.');
    this.d = scalarLength(opts.diameter, 'The diameter of a Soma');
    const coords = [opts.x, opts.y, opts.z].map((c, k) =>
      c === undefined ? undefined : scalarLength(c, `The ${'xyz'[k]} coordinate of a Soma`),
    );
    this.position = coords.some((c) => c !== undefined)
      ? Float64Array.from(coords, (c) => c ?? 0)
      : undefined;
  }

  get isSoma(): boolean {
    return true;
  }

  copySection(): Soma {
    const p = this.position;
    return new Soma({
      diameter: metresScalar(this.d),
      x: p && metresScalar(p[0]),
      y: p && metresScalar(p[1]),
      z: p && metresScalar(p[2]),
      type: this.type,
    });
  }

  withPoints(): Morphology {
    throw new Error('internal: a soma is placed by its centre, not by points');
  }

  placedAt([x, y, z]: readonly [number, number, number]): Soma {
    return new Soma({
      diameter: metresScalar(this.d),
      x: metresScalar(x),
      y: metresScalar(y),
      z: metresScalar(z),
      type: this.type,
    });
  }

  get diameter_(): Float64Array {
    return Float64Array.of(this.d);
  }
  /** The "length" of a soma is its diameter. */
  get length_(): Float64Array {
    return Float64Array.of(this.d);
  }
  get area_(): Float64Array {
    return Float64Array.of(Math.PI * (this.d * this.d));
  }
  get volume_(): Float64Array {
    return Float64Array.of((Math.PI * this.d ** 3) / 6);
  }
  /** A fixed high value: a soma has a very low axial resistance. */
  get rLength1_(): Float64Array {
    return Float64Array.of(1);
  }
  get rLength2_(): Float64Array {
    return Float64Array.of(1);
  }
  get distance_(): Float64Array {
    const parent = this.parent;
    return parent ? parent.distance_.slice(-1) : Float64Array.of(0);
  }
  get endDistance_(): number {
    return this.parent ? this.parent.endDistance_ : 0;
  }

  private coordinate(k: number): Float64Array | undefined {
    return this.position ? Float64Array.of(this.position[k]) : undefined;
  }
  get startX_() {
    return this.coordinate(0);
  }
  get startY_() {
    return this.coordinate(1);
  }
  get startZ_() {
    return this.coordinate(2);
  }
  get x_() {
    return this.coordinate(0);
  }
  get y_() {
    return this.coordinate(1);
  }
  get z_() {
    return this.coordinate(2);
  }
  get endX_() {
    return this.coordinate(0);
  }
  get endY_() {
    return this.coordinate(1);
  }
  get endZ_() {
    return this.coordinate(2);
  }

  override toString(): string {
    let s = `Soma(diameter=${metresScalar(this.d)}`;
    if (this.position) {
      const [x, y, z] = Array.from(this.position, metresScalar);
      s += `, x=${x}, y=${y}, z=${z}`;
    }
    if (this.type !== 'soma') s += `, type='${this.type}'`;
    return `${s})`;
  }
}
