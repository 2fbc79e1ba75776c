import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { QuantityArray } from '../../units/quantity-array.ts';
import { metresScalar } from './compartments.ts';
import { type LengthValue, lengthArray, metres, withDiameter } from './lengths.ts';
import { Morphology } from './morphology.ts';

/** The options of `new Section(options)`: Brian's keyword arguments of `Section` (a truncated cone per compartment). */
export interface SectionOptions {
  /** n+1 diameters: at the start of the first compartment, then at the end of each. */
  readonly diameter?: LengthValue;
  /** Number of compartments (default 1). */
  readonly n?: number;
  /** n compartment lengths (or give coordinates instead). */
  readonly length?: LengthValue;
  /** n+1 points, relative to the end of the parent section; axes not given are 0. */
  readonly x?: LengthValue;
  /** n+1 y coordinates, relative to the end of the parent section. */
  readonly y?: LengthValue;
  /** n+1 z coordinates, relative to the end of the parent section. */
  readonly z?: LengthValue;
  /** The section's type (`'axon'`, `'dend'`…), Brian's `type`; undefined by default. */
  readonly type?: string;
}

/** Coordinates of the n+1 points of a section, relative to the end of its parent. */
export type SectionPoints = readonly [Float64Array, Float64Array, Float64Array];

/** What a subclass that checks its own arguments hands to the Section constructor. */
export interface SectionGeometry {
  readonly diameters: Float64Array;
  readonly lengths: Float64Array;
  readonly points: SectionPoints | undefined;
}

/**
 * An unbranched section of truncated cones (Brian's `Section`): each compartment has its own
 * length and start and end diameters. Geometry follows Brian's formulas (and operation order,
 * so values agree to the bit): lateral surface of each cone (no end disks), volume, and the
 * axial-conductance terms from the start to the midpoint and from the midpoint to the end.
 *
 *     new Section({ n: 5, diameter: um([10, 8, 6, 4, 2, 0]), length: um([20, 20, 20, 20, 20]) })
 */
export class Section extends Morphology {
  /** Diameters (n+1 for a Section, n for a Cylinder: see the subclass). */
  protected readonly diameters: Float64Array;
  protected readonly lengths: Float64Array;
  protected readonly points: SectionPoints | undefined;

  constructor(
    diameter: LengthValue | SectionOptions,
    options: SectionOptions = {},
    geometry?: SectionGeometry,
  ) {
    const opts = withDiameter(diameter, options);
    super(opts.n ?? 1, opts.type);
    if (geometry) {
      // A Cylinder: validated and computed by the subclass.
      this.diameters = geometry.diameters;
      this.lengths = geometry.lengths;
      this.points = geometry.points;
      return;
    }
    const n = this.n;
    if (opts.diameter === undefined) throw new BrianError('bad_argument', 'A Section needs diameters.');
    this.diameters = lengthArray(opts.diameter, 'The diameter argument of a Section', n + 1);
    if (checkGeometry(opts, 'Section') === 'length') {
      this.lengths = lengthArray(opts.length, 'The length argument of a Section', n);
      this.points = undefined;
    } else {
      const axis = (v: LengthValue | undefined, name: string) =>
        v === undefined ? new Float64Array(n + 1) : lengthArray(v, `'${name}' of a Section`, n + 1);
      this.points = [axis(opts.x, 'x'), axis(opts.y, 'y'), axis(opts.z, 'z')];
      this.lengths = pointDistances(this.points);
    }
  }

  get isSoma(): boolean {
    return false;
  }

  copySection(): Morphology {
    const p = this.points;
    return new Section({
      diameter: metres(this.diameters),
      n: this.n,
      length: p ? undefined : metres(this.lengths),
      x: p && metres(p[0]),
      y: p && metres(p[1]),
      z: p && metres(p[2]),
      type: this.type,
    });
  }

  withPoints(points: SectionPoints, _straight: boolean): Morphology {
    return new Section({
      diameter: metres(this.diameters),
      n: this.n,
      x: metres(points[0]),
      y: metres(points[1]),
      z: metres(points[2]),
      type: this.type,
    });
  }

  placedAt(): Morphology {
    throw new Error('internal: a section is placed by its points, not by a centre');
  }

  /** Diameter at the start of each compartment, in metres (Brian's `start_diameter_`). */
  get startDiameter_(): Float64Array {
    return this.diameters.slice(0, -1);
  }
  /** Diameter at the end of each compartment, in metres (Brian's `end_diameter_`). */
  get endDiameter_(): Float64Array {
    return this.diameters.slice(1);
  }
  /** Diameter at the start of each compartment (Brian's `start_diameter`). */
  get startDiameter(): QuantityArray {
    return metres(this.startDiameter_);
  }
  /** Diameter at the end of each compartment (Brian's `end_diameter`). */
  get endDiameter(): QuantityArray {
    return metres(this.endDiameter_);
  }

  get length_(): Float64Array {
    return this.lengths.slice();
  }

  get diameter_(): Float64Array {
    const d1 = this.startDiameter_;
    const d2 = this.endDiameter_;
    return d1.map((a, k) => 0.5 * (a + d2[k]));
  }

  get area_(): Float64Array {
    const d1 = this.startDiameter_;
    const d2 = this.endDiameter_;
    const l = this.lengths;
    return d1.map((a, k) => {
      const b = d2[k];
      const diff = a - b;
      return (Math.PI / 2) * (a + b) * Math.sqrt((diff * diff) / 4 + l[k] * l[k]);
    });
  }

  get volume_(): Float64Array {
    const d1 = this.startDiameter_;
    const d2 = this.endDiameter_;
    const l = this.lengths;
    return d1.map((a, k) => (Math.PI * l[k] * (a * a + a * d2[k] + d2[k] * d2[k])) / 12);
  }

  get rLength1_(): Float64Array {
    const d1 = this.startDiameter_;
    const d2 = this.endDiameter_;
    return d1.map((a, k) => ((Math.PI / 2) * (a * ((a + d2[k]) * 0.5))) / this.lengths[k]);
  }

  get rLength2_(): Float64Array {
    const d1 = this.startDiameter_;
    const d2 = this.endDiameter_;
    return d1.map((a, k) => ((Math.PI / 2) * ((a + d2[k]) * 0.5 * d2[k])) / this.lengths[k]);
  }

  get distance_(): Float64Array {
    const start = this.parent ? this.parent.endDistance_ : 0;
    const out = new Float64Array(this.n);
    let sum = 0;
    for (let k = 0; k < this.n; k++) {
      sum += this.lengths[k];
      out[k] = start + sum - 0.5 * this.lengths[k];
    }
    return out;
  }

  get endDistance_(): number {
    const d = this.distance_;
    return d[this.n - 1] + 0.5 * this.lengths[this.n - 1];
  }

  /** Points k…k+n-1 (`from` 0) or 1…n (`from` 1) of one axis, offset by the parent's end. */
  private axis(k: 0 | 1 | 2, from: 0 | 1): Float64Array | undefined {
    if (!this.points) return undefined;
    const values = this.points[k].slice(from, from + this.n);
    const parentEnd = this.parent?.[(['endX_', 'endY_', 'endZ_'] as const)[k]] as Float64Array | undefined;
    if (parentEnd !== undefined) {
      const offset = parentEnd[parentEnd.length - 1];
      for (let m = 0; m < values.length; m++) values[m] = offset + values[m];
    }
    return values;
  }

  private midpoint(k: 0 | 1 | 2): Float64Array | undefined {
    const start = this.axis(k, 0);
    const end = this.axis(k, 1);
    return start && end && start.map((s, m) => s + 0.5 * (end[m] - s));
  }

  get startX_() {
    return this.axis(0, 0);
  }
  get startY_() {
    return this.axis(1, 0);
  }
  get startZ_() {
    return this.axis(2, 0);
  }
  get x_() {
    return this.midpoint(0);
  }
  get y_() {
    return this.midpoint(1);
  }
  get z_() {
    return this.midpoint(2);
  }
  get endX_() {
    return this.axis(0, 1);
  }
  get endY_() {
    return this.axis(1, 1);
  }
  get endZ_() {
    return this.axis(2, 1);
  }

  /** The section's own points (relative to its parent's end), if defined by coordinates. */
  get relativePoints(): SectionPoints | undefined {
    return this.points;
  }

  override toString(): string {
    const d1 = this.diameters[1];
    const constant = this.endDiameter_.every((d) => Math.abs(d - d1) < d1 * 1e-12);
    const diam = constant ? String(metresScalar(d1)) : metres(this.diameters).toString();
    let s = `Section(diameter=${diam}`;
    if (this.n !== 1) s += `, n=${this.n}`;
    if (this.points)
      s += `, x=${metres(this.points[0])}, y=${metres(this.points[1])}, z=${metres(this.points[2])}`;
    else s += `, length=${metresScalar(this.lengths.reduce((a, b) => a + b, 0))}`;
    if (this.type !== undefined) s += `, type='${this.type}'`;
    return `${s})`;
  }
}

/** Lengths or coordinates, not both, not neither (Brian's TypeErrors). */
export function checkGeometry(opts: SectionOptions, kind: string): 'length' | 'coordinates' {
  const coordinates = opts.x !== undefined || opts.y !== undefined || opts.z !== undefined;
  if (coordinates && opts.length !== undefined) {
    throw new BrianError('bad_argument', `A ${kind} cannot take coordinates and a length at the same time.`);
  }
  if (!coordinates && opts.length === undefined) {
    throw new BrianError(
      'bad_argument',
      `A ${kind} needs a length, or at least one of the coordinates x, y and z.`,
    );
  }
  return coordinates ? 'coordinates' : 'length';
}

/** Lengths of the n segments between n+1 points: sqrt(dx² + dy² + dz²). */
export function pointDistances([x, y, z]: SectionPoints): Float64Array {
  const out = new Float64Array(x.length - 1);
  for (let k = 0; k < out.length; k++) {
    const dx = x[k + 1] - x[k];
    const dy = y[k + 1] - y[k];
    const dz = z[k + 1] - z[k];
    out[k] = Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
  return out;
}
