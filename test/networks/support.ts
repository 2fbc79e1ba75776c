/** Shared pieces of the network-statistics tests (not a test file itself). */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { checkSeedSpread, type SeedSpread } from '../helpers/network-stats.ts';
import { loadReference } from '../helpers/reference.ts';

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

const EXTRA = new URL('./brian/extra_seeds.json', import.meta.url);

/** One Brian seed's scalar statistics, and its population rate in 10 ms bins where recorded. */
export type BrianSeed = Record<string, number> & { pop_rate_10ms?: number[] };

/**
 * Brian 2.5.1's per-seed statistics for a `*_stats` reference: the reference's own seeds plus
 * the extra seeds of brian/extra_seeds.json (same scripts, other seeds; see extra_seeds.py).
 * STDP snapshot statistics are flattened as `10s.mean_w_over_gmax`.
 */
export function brianPerSeed(name: string): BrianSeed[] {
  const flatten = (record: Record<string, unknown>): BrianSeed => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'number') out[key] = value;
      else if (key === 'snapshots' && value && typeof value === 'object') {
        for (const [snap, stats] of Object.entries(value as Record<string, Record<string, unknown>>)) {
          for (const [k, v] of Object.entries(stats)) if (typeof v === 'number') out[`${snap}.${k}`] = v;
        }
      }
    }
    const pop = record.pop_rate_10ms as number[] | undefined;
    return pop ? Object.assign(out, { pop_rate_10ms: pop }) : out;
  };
  const rows = (loadReference(name).recorded.per_seed as Record<string, unknown>[]).map(flatten);
  if (existsSync(EXTRA)) {
    const extra = JSON.parse(readFileSync(EXTRA, 'utf8'))[name];
    if (extra) rows.push(...(extra.per_seed as Record<string, unknown>[]).map(flatten));
  }
  return rows;
}

/** A statistic's name, or its name and a floor for its std (a number or a function of Brian's mean). */
export type StatSpec = string | readonly [string, number | ((brianMean: number) => number)];

/** Our values of each statistic next to Brian's pooled seeds, ready for {@link assertWithinSpread}. */
export function compareStats(
  ours: readonly Record<string, number>[],
  brian: readonly Record<string, number>[],
  specs: readonly StatSpec[],
) {
  return specs.map((entry) => {
    const [name, floor] = typeof entry === 'string' ? [entry, undefined] : entry;
    // Some Brian seed batches record fewer statistics (e.g. total synapses only): use the rows that have it.
    const values = brian.map((row) => row[name]).filter((v): v is number => typeof v === 'number');
    assert.ok(
      values.length >= 3,
      `Brian's records have the statistic ${name} for only ${values.length} seeds`,
    );
    const spread = spreadOf(values);
    const minStd = typeof floor === 'function' ? floor(spread.mean) : floor;
    return { name, ours: ours.map((row) => row[name]), brian: spread, nBrian: values.length, minStd };
  });
}
