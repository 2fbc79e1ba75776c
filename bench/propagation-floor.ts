/**
 * The floor for CUBA 64000's spike propagation on this machine (bench/propagation-floor.cpp): ns
 * per synaptic event of a C++ program that does only the propagation's memory work, walking the
 * due synapses as a list or as rows, with the targets warm in cache or after a state update as
 * in the simulation. Compare with `npx tsx bench/operations.ts --model cuba --N 64000`, which
 * measures the generated kernels (issue 19).
 *
 *   npx tsx bench/propagation-floor.ts [--reps 7]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseToolArgs } from './lib/cli.ts';

const { values } = parseToolArgs(
  { reps: { type: 'string', default: '7' } },
  'npx tsx bench/propagation-floor.ts [--reps 7]',
);
const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 1) {
  process.stderr.write(`--reps ${values.reps}: a whole number of at least 1\n`);
  process.exit(2);
}
const source = join(dirname(fileURLToPath(import.meta.url)), 'propagation-floor.cpp');
const dir = mkdtempSync(join(tmpdir(), 'brian-ts-propagation-floor-'));
try {
  const binary = join(dir, 'propagation-floor');
  const compile = spawnSync('g++', ['-O3', '-march=native', '-std=c++17', source, '-o', binary], {
    encoding: 'utf8',
  });
  if (compile.error || compile.status !== 0) {
    process.stderr.write(`g++ failed: ${compile.error?.message ?? compile.stderr}\n`);
    process.exit(1);
  }
  const run = spawnSync(binary, [String(reps)], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`propagation-floor failed: ${run.stderr}\n`);
    process.exit(1);
  }
  const rows = run.stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { walk: string; setting: string; ns_per_event: number; min: number; max: number },
    );
  console.log(`propagation floor, CUBA 64000's layout, ${reps} repetitions (median, min–max ns per event)`);
  console.log('| walk | targets | ns per event | min–max |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    const setting = r.setting === 'warm' ? 'warm in cache' : 'after a state update';
    console.log(
      `| ${r.walk} | ${setting} | ${r.ns_per_event.toFixed(2)} | ${r.min.toFixed(2)}–${r.max.toFixed(2)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
