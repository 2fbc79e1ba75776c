/**
 * The Rallpack reference traces (test/reference/rallpack/, Bhalla et al. 1992: theory for
 * Rallpacks 1 and 2, NEURON for Rallpack 3) and the error measure of Brian's tests: RMS and
 * maximum of the difference over the whole trace, relative to the reference's range.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'rallpack');

/** Times (s) and voltages (V) of a reference file; `every` keeps every n-th row (Brian's `[::2]`). */
export function readRallpack(file: string, every = 1): { t: Float64Array; v: Float64Array } {
  const rows = readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((_, k) => k % every === 0);
  return { t: Float64Array.from(rows, (r) => r[0]), v: Float64Array.from(rows, (r) => r[1]) };
}

export interface RallpackErrors {
  /** RMS of the difference, relative to the reference's range (Brian's `rel_RMS`). */
  readonly relRMS: number;
  /** Largest difference, relative to the range (Brian's `max_rel`). */
  readonly maxRel: number;
}

export function rallpackErrors(recorded: ArrayLike<number>, reference: ArrayLike<number>): RallpackErrors {
  if (recorded.length !== reference.length) {
    throw new Error(`rallpack: ${recorded.length} recorded values for ${reference.length} reference values`);
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let worst = 0;
  for (let k = 0; k < reference.length; k++) {
    min = Math.min(min, reference[k]);
    max = Math.max(max, reference[k]);
    const d = (reference[k] - recorded[k]) ** 2;
    sum += d;
    worst = Math.max(worst, d);
  }
  const scale = max - min;
  return { relRMS: Math.sqrt(sum / reference.length) / scale, maxRel: Math.sqrt(worst) / scale };
}
