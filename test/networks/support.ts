/** Shared pieces of the network-statistics tests (not a test file itself). */
import assert from 'node:assert/strict';
import { checkSeedSpread, type SeedSpread } from '../helpers/network-stats.ts';

/**
 * Long runs (more seeds, full durations) only when asked: `BRIAN_LONG_TESTS=1 npm test -- test/networks`.
 * CI runs the short forms, which must fit in a few seconds each on two shared cores.
 */
export const LONG = process.env.BRIAN_LONG_TESTS === '1';

/** Prints every statistic next to Brian's and fails with all mismatches listed. */
export function assertWithinSpread(
  title: string,
  checks: readonly {
    name: string;
    ours: readonly number[];
    brian: SeedSpread;
    nBrian: number;
    minStd?: number;
  }[],
): void {
  const results = checks.map((c) => checkSeedSpread(c.name, c.ours, c.brian, c.nBrian, { minStd: c.minStd }));
  if (process.env.BRIAN_STATS_VERBOSE === '1' || LONG) {
    console.log(`${title}\n${results.map((r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.message}`).join('\n')}`);
  }
  const failed = results.filter((r) => !r.ok);
  assert.equal(
    failed.length,
    0,
    `${title}: outside Brian's seed-to-seed spread:\n${failed.map((r) => r.message).join('\n')}`,
  );
}

/** Values of `key` across per-seed records. */
export function column<T>(rows: readonly T[], key: (row: T) => number): number[] {
  return rows.map(key);
}

/** Mean and std (ddof 1) of numbers, as in a reference's seed_summary. */
export function spreadOf(values: readonly number[]): SeedSpread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance) };
}
