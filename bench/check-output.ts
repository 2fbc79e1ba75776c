/**
 * Validates a results file of bench/run.ts (the CI smoke test checks the output format, not
 * the speed):
 *
 *   npx tsx bench/check-output.ts [FILE.jsonl | --latest] [--dir bench/results] [--models a,b] [--strict]
 *
 * Every line must be a record of the current schema (bench/lib/record.ts), all from one
 * invocation; the markdown twin <same name>.md must exist with the results table and a row per
 * configuration. --models: these models must appear. --strict: also fail on runs that failed or
 * timed out, and when no run succeeded. Always: a compiled-kernel row (`runtime_cpp`) slower than
 * its JavaScript row (`runtime`) beyond the noise band fails (lib/compiled-vs-js.ts). Exit status
 * 0 when valid, 1 otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseToolArgs } from './lib/cli.ts';
import { compiledSlowerThanJs } from './lib/compiled-vs-js.ts';
import { type RunRecord, SCHEMA, validateRecord } from './lib/record.ts';
import { MAIN_HEADER } from './lib/table.ts';

const { values, positionals } = parseToolArgs(
  {
    latest: { type: 'boolean', default: false },
    dir: { type: 'string', default: 'bench/results' },
    models: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
  'npx tsx bench/check-output.ts [FILE.jsonl | --latest] [--dir bench/results] [--models a,b] [--strict]',
  true,
);

function latestFile(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => /^\d{8}-\d{6}\.jsonl$/.test(f))
    .sort();
  return files.length ? join(dir, files[files.length - 1]) : undefined;
}

const file = positionals[0]
  ? resolve(positionals[0])
  : values.latest
    ? latestFile(resolve(values.dir!))
    : undefined;
if (!file) {
  console.error(
    'usage: tsx bench/check-output.ts FILE.jsonl | --latest [--dir bench/results] [--models a,b] [--strict]',
  );
  process.exit(2);
}

const errors: string[] = [];
const records: RunRecord[] = [];
if (!existsSync(file)) errors.push(`${file}: no such file`);
else {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) errors.push(`${file}: empty`);
  lines.forEach((line, k) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${k + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const problems = validateRecord(parsed);
    for (const p of problems) errors.push(`line ${k + 1}: ${p}`);
    if (problems.length === 0) records.push(parsed as RunRecord);
  });
}

const runIds = new Set(records.map((r) => r.run_id));
if (runIds.size > 1)
  errors.push(`records from ${runIds.size} invocations in one file: ${[...runIds].join(', ')}`);
const stem = basename(file, '.jsonl');
if (runIds.size === 1 && !runIds.has(stem))
  errors.push(`run_id ${[...runIds][0]} does not match the file name ${stem}`);

const mdPath = file.replace(/\.jsonl$/, '.md');
if (!existsSync(mdPath)) errors.push(`${mdPath}: missing (the markdown table)`);
else {
  const md = readFileSync(mdPath, 'utf8');
  if (!md.includes(MAIN_HEADER)) errors.push(`${mdPath}: no results table header`);
  const configs = new Set(
    records.map((r) => [r.model, r.N, r.duration_s, r.impl, r.target, r.threads ?? 1].join('|')),
  );
  const start = md.indexOf(MAIN_HEADER);
  const rows = md
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((l, k, all) => l.startsWith('| ') && all.slice(0, k).every((x) => x.startsWith('| ')));
  if (rows.length !== configs.size)
    errors.push(`${mdPath}: ${rows.length} table rows for ${configs.size} configurations`);
}

for (const m of values.models?.split(',').filter(Boolean) ?? []) {
  if (!records.some((r) => r.model === m)) errors.push(`model ${m}: no record`);
}

if (values.strict) {
  for (const r of records.filter((x) => x.status === 'failed' || x.status === 'timeout')) {
    errors.push(
      `${r.model} N=${r.N} ${r.impl} ${r.target} rep ${r.rep}: ${r.status}: ${(r.reason ?? '').split('\n')[0]}`,
    );
  }
  if (!records.some((r) => r.status === 'ok')) errors.push('no run succeeded');
}

for (const s of compiledSlowerThanJs(records)) {
  errors.push(
    `${s.what}: compiled kernels ${s.compiled.toPrecision(3)} s per bio s (${s.measure}) against JavaScript kernels' ${s.js.toPrecision(3)}, slower by more than the noise band (${Math.round(s.band * 100)} %)`,
  );
}

const counts = ['ok', 'unavailable', 'failed', 'timeout'].map(
  (s) => `${records.filter((r) => r.status === s).length} ${s}`,
);
if (errors.length) {
  console.error(`${file}: INVALID (${SCHEMA})\n  ${errors.slice(0, 50).join('\n  ')}`);
  if (errors.length > 50) console.error(`  … and ${errors.length - 50} more`);
  process.exit(1);
}
console.log(`${file}: valid ${SCHEMA}, ${records.length} records (${counts.join(', ')})`);
