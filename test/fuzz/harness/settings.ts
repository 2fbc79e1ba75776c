/**
 * How much the fuzz suite does: a fixed seed (FUZZ_SEED overrides it; the output prints it so a
 * failure found with another seed can be replayed) and FUZZ_RUNS cases over the whole suite
 * (default 10 000), shared among the files by weight. FUZZ_CASE=k runs only case k of each file
 * (to replay a failure: the failure line names its file, seed and case). A case over
 * FUZZ_CASE_LIMIT_S seconds (default 10: generous, for loaded machines) is a hang; one that has
 * not returned after FUZZ_KILL_S (default 30) is stopped; a file stops at FUZZ_DEADLINE_S (default 240).
 */

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, got ${raw}`);
  return value;
}

export const FUZZ_SEED = Math.floor(envNumber('FUZZ_SEED', 14_14_2025));
export const FUZZ_RUNS = Math.floor(envNumber('FUZZ_RUNS', 10_000));
export const FUZZ_CASE = process.env.FUZZ_CASE ? Math.floor(envNumber('FUZZ_CASE', 0)) : undefined;
export const CASE_LIMIT_MS = envNumber('FUZZ_CASE_LIMIT_S', 10) * 1000;
export const KILL_MS = envNumber('FUZZ_KILL_S', 30) * 1000;
export const DEADLINE_MS = envNumber('FUZZ_DEADLINE_S', 240) * 1000;

/** Each file's share of FUZZ_RUNS (the shares add up to 1, and each file rounds up). */
export const SHARES = {
  expressions: 0.32,
  equations: 0.26,
  options: 0.27,
  names: 0.15,
} as const;

export type FuzzFile = keyof typeof SHARES;

export function runsOf(file: FuzzFile): number {
  return Math.ceil(FUZZ_RUNS * SHARES[file]);
}

/** Each file draws from its own stream of the seed. */
export function seedOf(file: FuzzFile): number {
  return (FUZZ_SEED + Object.keys(SHARES).indexOf(file) * 1_000_003) >>> 0;
}
