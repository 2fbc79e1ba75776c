import { RandomStream } from '../../core/random/stream.ts';
import type { Morphology } from './morphology.ts';
import type { SectionPoints } from './section.ts';

/** The options of `morpho.generateCoordinates(options)`: Brian's keyword arguments of `generate_coordinates`. */
export interface GenerateCoordinatesOptions {
  /**
   * Randomness of each section's direction: the β (in degrees) of the exponential distribution
   * of its deviation from the parent's direction. 0 (default): a deterministic layout.
   */
  readonly sectionRandomness?: number;
  /** Same for each compartment's deviation from its section's direction. 0: straight sections. */
  readonly compartmentRandomness?: number;
  /** Give new coordinates to sections that have some (default: only to those without). */
  readonly overwriteExisting?: boolean;
  /** Seed of the random directions (default: a random seed). */
  readonly seed?: number;
}

type Vec = readonly [number, number, number];

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scale = (a: Vec, s: number): Vec => [a[0] * s, a[1] * s, a[2] * s];
const norm = (a: Vec) => Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);

/** Rodrigues' rotation of `vec` around the unit `axis` (Brian's `_rotate`, same formula and signs). */
function rotate(vec: Vec, axis: Vec, angle: number): Vec {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const cross: Vec = [
    axis[1] * vec[2] - axis[2] * vec[1],
    axis[2] * vec[0] - axis[0] * vec[2],
    axis[0] * vec[1] - axis[1] * vec[0],
  ];
  const d = dot(axis, vec);
  return [0, 1, 2].map((k) => vec[k] * c - cross[k] * s + axis[k] * d * (1 - c)) as unknown as Vec;
}

/** Brian's `_perturb`: turns `vec` by an exponentially distributed angle around a random axis. */
function perturb(vec: Vec, sigma: number, rng: RandomStream): Vec {
  if (sigma === 0) return vec;
  let orthogonal: Vec = vec[1] !== 0 || vec[0] !== 0 ? [vec[1], vec[0], 0] : [1, 0, 0];
  orthogonal = rotate(orthogonal, vec, rng.rand() * Math.PI * 2);
  const angle = -Math.log(1 - rng.rand()) * sigma;
  return rotate(vec, orthogonal, angle);
}

/**
 * A copy of `morphology` with coordinates where it has none (Brian's `generate_coordinates`),
 * for drawing it; electrically it is the same. Children of a section fan out around its
 * direction (around the soma: in a circle in the x–y plane); with randomness, directions are
 * perturbed by exponentially distributed angles. Sections with coordinates are copied as
 * they are unless `overwriteExisting`.
 */
export function generateCoordinates(
  morphology: Morphology,
  options: GenerateCoordinatesOptions = {},
): Morphology {
  const rng = new RandomStream(options.seed);
  const settings = {
    section: ((options.sectionRandomness ?? 0) * Math.PI) / 180,
    compartment: ((options.compartmentRandomness ?? 0) * Math.PI) / 180,
    overwrite: options.overwriteExisting ?? false,
    rng,
  };
  return place(morphology, undefined, undefined, 0, 0, settings);
}

interface Settings {
  readonly section: number;
  readonly compartment: number;
  readonly overwrite: boolean;
  readonly rng: RandomStream;
}

function place(
  orig: Morphology,
  parent: Morphology | undefined,
  name: string | undefined,
  nthChild: number,
  totalChildren: number,
  settings: Settings,
): Morphology {
  let sectionDir: Vec = [0, 0, 0];
  if (parent) {
    const last = parent.n - 1;
    sectionDir = [
      parent.endX_![last] - parent.startX_![0],
      parent.endY_![last] - parent.startY_![0],
      parent.endZ_![last] - parent.startZ_![0],
    ];
    const length = norm(sectionDir);
    sectionDir = length !== 0 ? scale(sectionDir, 1 / length) : [0, 0, 0];
  }
  let section: Morphology;
  if (!settings.overwrite && orig.x_ !== undefined) {
    section = orig.copySection();
  } else if (orig.isSoma) {
    section = orig.placedAt(sectionDir);
  } else {
    sectionDir = sectionDirection(sectionDir, nthChild, totalChildren, settings);
    const origin: Vec = parent?.isSoma ? scale(sectionDir, parent.diameter_[0] / 2) : [0, 0, 0];
    const points: [number[], number[], number[]] = [[origin[0]], [origin[1]], [origin[2]]];
    let current = origin;
    for (const length of orig.length_) {
      let dir = perturb(sectionDir, settings.compartment, settings.rng);
      dir = scale(dir, 1 / norm(dir));
      current = [current[0] + length * dir[0], current[1] + length * dir[1], current[2] + length * dir[2]];
      for (let k = 0; k < 3; k++) points[k].push(current[k]);
    }
    const sectionPoints = points.map((p) => Float64Array.from(p)) as unknown as SectionPoints;
    section = orig.withPoints(sectionPoints, settings.compartment === 0);
  }
  if (parent) parent.children.add(name, section);
  const children = [...orig.children];
  children.forEach((child, k) => {
    place(child, section, orig.children.name(child), k, children.length, settings);
  });
  return section;
}

/** Brian's choice of a section's direction from its parent's. */
function sectionDirection(parentDir: Vec, nthChild: number, totalChildren: number, settings: Settings): Vec {
  let dir = parentDir;
  if (dot(dir, dir) === 0) {
    // No direction to start from (the root is a soma): spread the children around a circle in the x–y plane.
    // (Brian divides by zero for a root that is not a soma; such a root points along y.)
    const increment = totalChildren > 0 ? (2 * Math.PI) / totalChildren : 0;
    dir = rotate([1, 0, 0], [0, 0, 1], Math.PI / 2 + increment * nthChild);
  } else {
    const axis: Vec = settings.section === 0 && dir[2] === 0 ? [0, 0, 1] : [-dir[1], dir[2], 0];
    if (settings.section === 0) {
      const increment = Math.PI / (totalChildren + 1);
      dir = rotate(dir, axis, -Math.PI / 2 + increment * (nthChild + 1));
    }
  }
  if (settings.section > 0) dir = perturb(dir, settings.section, settings.rng);
  return scale(dir, 1 / norm(dir));
}
