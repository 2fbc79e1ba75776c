import { Compartments } from './compartments.ts';
import type { Morphology } from './morphology.ts';

/**
 * Compartments `i…j-1` of one section (Brian's `SubMorphology`, what `morpho.axon.at(um(10))`
 * and `morpho.axon.slice(um(10), um(50))` return): its attributes are the section's, sliced.
 * Iterating gives the absolute indices, so it can be passed where indices are expected
 * (`connect({ i: 0, j: morpho.axon.at(um(25)) })`).
 */
export class SubMorphology extends Compartments {
  constructor(
    /** The section the compartments belong to. */
    readonly section: Morphology,
    /** Index of the first compartment within the section (0-based). */
    readonly first: number,
    /** Index after the last compartment within the section (exclusive). */
    readonly end: number,
  ) {
    super();
  }

  get n(): number {
    return this.end - this.first;
  }

  /** Always one section. */
  get nSections(): number {
    return 1;
  }

  indices(): Int32Array {
    const start = this.section.startIndex() + this.first;
    return Int32Array.from({ length: this.n }, (_, k) => start + k);
  }

  private part(values: Float64Array): Float64Array;
  private part(values: Float64Array | undefined): Float64Array | undefined;
  private part(values: Float64Array | undefined): Float64Array | undefined {
    return values?.slice(this.first, this.end);
  }

  get area_() {
    return this.part(this.section.area_);
  }
  get volume_() {
    return this.part(this.section.volume_);
  }
  get length_() {
    return this.part(this.section.length_);
  }
  get rLength1_() {
    return this.part(this.section.rLength1_);
  }
  get rLength2_() {
    return this.part(this.section.rLength2_);
  }
  get diameter_() {
    return this.part(this.section.diameter_);
  }
  get distance_() {
    return this.part(this.section.distance_);
  }
  get startX_() {
    return this.part(this.section.startX_);
  }
  get startY_() {
    return this.part(this.section.startY_);
  }
  get startZ_() {
    return this.part(this.section.startZ_);
  }
  get x_() {
    return this.part(this.section.x_);
  }
  get y_() {
    return this.part(this.section.y_);
  }
  get z_() {
    return this.part(this.section.z_);
  }
  get endX_() {
    return this.part(this.section.endX_);
  }
  get endY_() {
    return this.part(this.section.endY_);
  }
  get endZ_() {
    return this.part(this.section.endZ_);
  }

  override toString(): string {
    return `<compartments ${this.first}:${this.end} of ${this.section.toString()}>`;
  }
}
