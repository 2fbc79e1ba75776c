/**
 * bench:check's rule "compiled kernels are never slower than JavaScript kernels beyond the noise
 * band" (bench/lib/compiled-vs-js.ts), on made-up records: no timing happens here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compiledSlowerThanJs, MIN_BAND, MIN_RUNS } from '../../bench/lib/compiled-vs-js.ts';
import type { RunRecord } from '../../bench/lib/record.ts';

function record(target: string, sim: number, cpu: number | null, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    model: 'stdp',
    N: 1000,
    duration_s: 2,
    impl: 'brian-ts',
    target,
    threads: 1,
    status: 'ok',
    sim_s_per_bio_s: sim,
    sim_cpu_s: cpu,
    ...extra,
  } as RunRecord;
}

/** `MIN_RUNS` identical records: a row the rule judges, with no spread of its own. */
function rows(target: string, sim: number, cpu: number | null, extra: Partial<RunRecord> = {}): RunRecord[] {
  return Array.from({ length: MIN_RUNS }, () => record(target, sim, cpu, extra));
}

test('a compiled row slower than its JavaScript row beyond the band is reported, with the CPU measure', () => {
  // CPU s per bio s: JavaScript 0.05, compiled 0.08 (×1.6); wall times say the opposite
  const slow = compiledSlowerThanJs([...rows('runtime', 0.4, 0.1), ...rows('runtime_cpp', 0.3, 0.16)]);
  assert.equal(slow.length, 1);
  assert.equal(slow[0].measure, 'CPU');
  assert.equal(slow[0].what, 'stdp N=1000 (2 s)');
  assert.ok(Math.abs(slow[0].compiled / slow[0].js - 1.6) < 1e-12);
  assert.equal(slow[0].band, MIN_BAND);
});

test('within the band, faster, other thread counts and failed runs pass', () => {
  assert.deepEqual(compiledSlowerThanJs([...rows('runtime', 1, 0.1), ...rows('runtime_cpp', 1, 0.12)]), []);
  assert.deepEqual(compiledSlowerThanJs([...rows('runtime', 1, 0.1), ...rows('runtime_cpp', 1, 0.05)]), []);
  assert.deepEqual(
    compiledSlowerThanJs([...rows('runtime', 1, 0.1), ...rows('runtime_cpp', 9, 0.9, { threads: 2 })]),
    [],
  );
  assert.deepEqual(
    compiledSlowerThanJs([...rows('runtime', 1, 0.1), ...rows('runtime_cpp', 9, 0.9, { status: 'failed' })]),
    [],
  );
});

test('the band widens to the rows’ own spread, and wall time is used when CPU time is missing', () => {
  // JavaScript runs spread by 100 %: a compiled median 1.8× the JavaScript one is within it
  const noisy = [
    record('runtime', 1, null),
    record('runtime', 2, null),
    record('runtime', 1, null),
    ...rows('runtime_cpp', 1.8, null),
  ];
  assert.deepEqual(compiledSlowerThanJs(noisy), []);
  const slow = compiledSlowerThanJs([...rows('runtime', 1, null), ...rows('runtime_cpp', 1.3, null)]);
  assert.equal(slow.length, 1);
  assert.equal(slow[0].measure, 'wall');
});

test('fewer than MIN_RUNS runs of a row are not judged: one run has no spread to tell noise by', () => {
  const few = [...rows('runtime', 1, 0.1), ...rows('runtime_cpp', 1, 0.5).slice(0, MIN_RUNS - 1)];
  assert.deepEqual(compiledSlowerThanJs(few), []);
  assert.equal(compiledSlowerThanJs([...few, record('runtime_cpp', 1, 0.5)]).length, 1);
});
