/** Morphologies: sections, trees, coordinates, SWC files. */
import './builders.ts';

export { Children } from './children.ts';
export { Compartments } from './compartments.ts';
export { Cylinder, type CylinderOptions } from './cylinder.ts';
export type { FromPointsOptions, MorphologyPoint } from './from-points.ts';
export type { GenerateCoordinatesOptions } from './generate-coordinates.ts';
export { Morphology } from './morphology.ts';
export type { CompartmentPosition } from './position.ts';
export { Section, type SectionOptions } from './section.ts';
export { Soma, type SomaOptions } from './soma.ts';
export { SubMorphology } from './sub-morphology.ts';
