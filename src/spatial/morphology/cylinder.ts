import { BrianError } from '../../diagnostics/diagnostic.ts';
import { metresScalar } from './compartments.ts';
import {
  compartmentCount,
  type LengthValue,
  lengthArray,
  linspace,
  metres,
  scalarLength,
  withDiameter,
} from './lengths.ts';
import type { Morphology } from './morphology.ts';
import {
  checkGeometry,
  pointDistances,
  Section,
  type SectionGeometry,
  type SectionOptions,
  type SectionPoints,
} from './section.ts';

/** The options of `new Cylinder(options)`: Brian's keyword arguments of `Cylinder`. */
export interface CylinderOptions {
  /** One diameter for the whole cylinder. */
  readonly diameter?: LengthValue;
  /** Number of compartments (default 1). */
  readonly n?: number;
  /** The total length (or give coordinates instead). */
  readonly length?: LengthValue;
  /** Start and end point (two values), relative to the end of the parent section. */
  readonly x?: LengthValue;
  /** Start and end y coordinates (two values), relative to the end of the parent section; 0 when only other axes are given. */
  readonly y?: LengthValue;
  /** Start and end z coordinates (two values), relative to the end of the parent section; 0 when only other axes are given. */
  readonly z?: LengthValue;
  /** The section's type (`'axon'`, `'dend'`…), Brian's `type`; undefined by default. */
  readonly type?: string;
}

/**
 * A cylindrical section of `n` equal compartments (Brian's `Cylinder`), given by its total
 * length or by its start and end points.
 *
 *     new Cylinder({ diameter: um(1), length: um(100), n: 10 })   new Cylinder(um(1), { n: 2, length: um(20) })
 */
export class Cylinder extends Section {
  constructor(diameter: LengthValue | CylinderOptions, options: CylinderOptions = {}) {
    const opts = withDiameter(diameter, options);
    super(opts as SectionOptions, {}, cylinderGeometry(opts));
  }

  override copySection(): Morphology {
    const p = this.points;
    const ends = (axis: Float64Array) => metres([axis[0], axis[axis.length - 1]]);
    return new Cylinder({
      diameter: metresScalar(this.diameters[0]),
      n: this.n,
      length: p ? undefined : metresScalar(this.lengths.reduce((a, b) => a + b, 0)),
      x: p && ends(p[0]),
      y: p && ends(p[1]),
      z: p && ends(p[2]),
      type: this.type,
    });
  }

  /** Straight: still a Cylinder (from its end points); otherwise a Section of cylinders. */
  override withPoints(points: SectionPoints, straight: boolean): Morphology {
    const ends = (axis: Float64Array) => metres([axis[0], axis[axis.length - 1]]);
    if (!straight) {
      return new Section({
        diameter: metres(new Float64Array(this.n + 1).fill(this.diameters[0])),
        n: this.n,
        x: metres(points[0]),
        y: metres(points[1]),
        z: metres(points[2]),
        type: this.type,
      });
    }
    return new Cylinder({
      diameter: metresScalar(this.diameters[0]),
      n: this.n,
      x: ends(points[0]),
      y: ends(points[1]),
      z: ends(points[2]),
      type: this.type,
    });
  }

  /** Diameter at the start of each compartment, in metres: the cylinder's one diameter. */
  override get startDiameter_(): Float64Array {
    return this.diameters.slice();
  }
  /** Diameter at the end of each compartment, in metres: the cylinder's one diameter. */
  override get endDiameter_(): Float64Array {
    return this.diameters.slice();
  }
  override get diameter_(): Float64Array {
    return this.diameters.slice();
  }
  override get area_(): Float64Array {
    return this.diameters.map((d, k) => Math.PI * d * this.lengths[k]);
  }
  override get volume_(): Float64Array {
    return this.diameters.map((d, k) => {
      const r = d / 2;
      return Math.PI * (r * r) * this.lengths[k];
    });
  }
  override get rLength1_(): Float64Array {
    return this.diameters.map((d, k) => ((Math.PI / 2) * (d * d)) / this.lengths[k]);
  }
  override get rLength2_(): Float64Array {
    return this.rLength1_;
  }

  override toString(): string {
    let s = `Cylinder(diameter=${metresScalar(this.diameters[0])}`;
    if (this.n !== 1) s += `, n=${this.n}`;
    const p = this.points;
    if (p) {
      const ends = (axis: Float64Array) => metres([axis[0], axis[axis.length - 1]]);
      s += `, x=${ends(p[0])}, y=${ends(p[1])}, z=${ends(p[2])}`;
    } else s += `, length=${metresScalar(this.lengths.reduce((a, b) => a + b, 0))}`;
    if (this.type !== undefined) s += `, type='${this.type}'`;
    return `${s})`;
  }
}

/** Brian's Cylinder arguments: one diameter, one total length or two points per axis. */
function cylinderGeometry(opts: CylinderOptions): SectionGeometry {
  const n = compartmentCount(opts.n ?? 1);
  if (opts.diameter === undefined) throw new BrianError('bad_argument', 'A Cylinder needs a diameter.');
  const d = scalarLength(opts.diameter, 'The diameter argument of a Cylinder');
  const diameters = new Float64Array(n).fill(d);
  if (checkGeometry(opts, 'Cylinder') === 'length') {
    const total = scalarLength(opts.length, 'The length argument of a Cylinder');
    return { diameters, lengths: new Float64Array(n).fill(total / n), points: undefined };
  }
  const axis = (v: LengthValue | undefined, name: string) => {
    if (v === undefined) return new Float64Array(n + 1);
    const [a, b] = lengthArray(v, `${name} (start and end point) of a Cylinder`, 2);
    return linspace(a, b, n + 1);
  };
  const points = [axis(opts.x, 'x'), axis(opts.y, 'y'), axis(opts.z, 'z')] as const;
  return { diameters, lengths: pointDistances(points), points };
}
