/**
 * "Compiled is never slower than JavaScript" (issue 19), checked on a results file rather than
 * in a timed test: for every (model, N, duration) with both a `runtime` row (JavaScript kernels)
 * and a `runtime_cpp` row on one thread, the compiled row's median must not exceed the JavaScript
 * row's by more than the noise band.
 *
 * The measure is the loop's CPU time per biological second where both rows have it (on this
 * shared machine a descheduled run's wall time says more about the other jobs than about the
 * code), else the wall time. The noise band is the larger relative spread (max ÷ min − 1) of the
 * two rows, and at least MIN_BAND, the spread of repeated single runs seen under load (bench/README.md).
 *
 * A configuration is judged only with MIN_RUNS runs on each side: one run has no spread to
 * measure its noise by, and a single 0.1 s run on the loaded machine was seen at 3.7× its quiet
 * time (CUBA 4000 compiled, 0.963 CPU s per bio s against 0.26 quiet, while JavaScript kernels ran
 * at 0.644), which would fail the rule by chance. The CI runs these rows three times for it.
 */
import type { RunRecord } from './record.ts';
import { median } from './stats.ts';

/** The smallest noise band: a single run on the loaded 2-core machine varies by this much. */
export const MIN_BAND = 0.25;

/** Runs of each row a verdict needs. */
export const MIN_RUNS = 3;

export interface SlowerCompiled {
  readonly what: string;
  readonly js: number;
  readonly compiled: number;
  readonly band: number;
  readonly measure: 'CPU' | 'wall';
}

/** The configurations whose compiled row is slower than the JavaScript row beyond the band. */
export function compiledSlowerThanJs(records: readonly RunRecord[]): SlowerCompiled[] {
  const rows = new Map<string, { js: RunRecord[]; cpp: RunRecord[] }>();
  for (const r of records) {
    if (r.status !== 'ok' || r.impl !== 'brian-ts' || (r.threads ?? 1) !== 1) continue;
    if (r.target !== 'runtime' && r.target !== 'runtime_cpp') continue;
    const key = `${r.model} N=${r.N} (${r.duration_s} s)`;
    let pair = rows.get(key);
    if (!pair) {
      pair = { js: [], cpp: [] };
      rows.set(key, pair);
    }
    (r.target === 'runtime' ? pair.js : pair.cpp).push(r);
  }
  const out: SlowerCompiled[] = [];
  for (const [what, { js, cpp }] of rows) {
    if (js.length < MIN_RUNS || cpp.length < MIN_RUNS) continue;
    const cpu = [...js, ...cpp].every((r) => typeof r.sim_cpu_s === 'number' && r.sim_cpu_s > 0);
    const value = (r: RunRecord) =>
      cpu ? (r.sim_cpu_s as number) / r.duration_s : (r.sim_s_per_bio_s as number);
    const spread = (xs: number[]) => Math.max(...xs) / Math.min(...xs) - 1;
    const a = js.map(value);
    const b = cpp.map(value);
    const band = Math.max(MIN_BAND, spread(a), spread(b));
    const jsMedian = median(a);
    const compiledMedian = median(b);
    if (compiledMedian > jsMedian * (1 + band)) {
      out.push({ what, js: jsMedian, compiled: compiledMedian, band, measure: cpu ? 'CPU' : 'wall' });
    }
  }
  return out;
}
