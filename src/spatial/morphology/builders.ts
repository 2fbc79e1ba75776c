import { BrianError } from '../../diagnostics/diagnostic.ts';
import { type FromPointsOptions, morphologyFromPoints } from './from-points.ts';
import { Morphology } from './morphology.ts';
import { readTextFile } from './read-file.ts';
import { parseSwc } from './swc.ts';

/**
 * The static builders of `Morphology`. They construct Somas and Sections, which extend
 * Morphology, so morphology.ts cannot import them (the module cycle would evaluate a subclass
 * before its base class): they are attached here, and `morphology/index.ts` loads this module.
 */
Morphology.fromPoints = (points, options) => morphologyFromPoints(points, options);

Morphology.fromSwc = (text, options = {}) => {
  const { points, spans } = parseSwc(text, options.label);
  return morphologyFromPoints(points, options, spans);
};

Morphology.fromSwcFile = (filename: string, options: FromPointsOptions = {}) =>
  Morphology.fromSwc(readTextFile(filename), { ...options, label: filename });

Morphology.fromFile = (filename: string, options: FromPointsOptions = {}) => {
  if (!filename.toLowerCase().endsWith('.swc')) {
    throw new BrianError(
      'bad_argument',
      `Cannot read ${filename}: SWC (.swc) is the only supported morphology format.`,
    );
  }
  return Morphology.fromSwcFile(filename, options);
};
