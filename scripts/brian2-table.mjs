// The table of Brian's translated test files (test/brian2): per file and device, how many tests
// are ported and how many pass, fail (known failures included) or are not supported there.
import { existsSync, readFileSync } from 'node:fs';

const DEVICES = ['runtime', 'runtime_cpp', 'cpp_standalone'];

function readLines(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

function emptyCounts() {
  return { ported: 0, pass: 0, fail: 0, notSupported: 0 };
}

function add(counts, outcome) {
  counts.ported++;
  if (outcome === 'pass' || outcome === 'unexpected_pass') counts.pass++;
  else if (outcome === 'not_supported') counts.notSupported++;
  else counts.fail++;
}

function cell(c) {
  return c.ported === 0 ? '—' : `${c.ported} / ${c.pass} / ${c.fail} / ${c.notSupported}`;
}

function percent(c) {
  return c.ported === 0 ? '' : `${((100 * c.pass) / c.ported).toFixed(1)} %`;
}

/** Prints the table (markdown) if the run recorded any test of test/brian2. */
export function printBrian2Table(resultsPath, skippedPath) {
  const results = readLines(resultsPath);
  if (results.length === 0) return;
  const skippedByFile = new Map();
  for (const s of readLines(skippedPath)) {
    const names = skippedByFile.get(s.file) ?? new Set();
    names.add(s.test);
    skippedByFile.set(s.file, names);
  }
  const byFile = new Map();
  const total = Object.fromEntries(DEVICES.map((d) => [d, emptyCounts()]));
  const unexpected = [];
  const failures = [];
  for (const r of results) {
    const row = byFile.get(r.file) ?? Object.fromEntries(DEVICES.map((d) => [d, emptyCounts()]));
    byFile.set(r.file, row);
    add(row[r.device], r.outcome);
    add(total[r.device], r.outcome);
    if (r.outcome === 'unexpected_pass') unexpected.push(`${r.file} ${r.test} [${r.device}]`);
    if (r.outcome === 'fail' || r.outcome === 'known_failure') {
      failures.push(`${r.file} ${r.test} [${r.device}]${r.reason ? `: ${r.reason}` : ''}`);
    }
  }
  console.log("\n=== Brian's test suite (test/brian2): ported / pass / fail / not supported ===\n");
  console.log(`| file | skipped | ${DEVICES.join(' | ')} |`);
  console.log(`|---|---|${DEVICES.map(() => '---').join('|')}|`);
  for (const file of [...byFile.keys()].sort()) {
    const row = byFile.get(file);
    const skipped = skippedByFile.get(file)?.size ?? 0;
    console.log(`| ${file} | ${skipped} | ${DEVICES.map((d) => cell(row[d])).join(' | ')} |`);
  }
  const skippedTotal = [...skippedByFile.values()].reduce((n, s) => n + s.size, 0);
  console.log(`| **all** | ${skippedTotal} | ${DEVICES.map((d) => cell(total[d])).join(' | ')} |`);
  console.log(`| pass rate | | ${DEVICES.map((d) => percent(total[d])).join(' | ')} |`);
  if (failures.length) {
    console.log(`\nfailing (${failures.length}):`);
    for (const f of failures) console.log(`  ${f}`);
  }
  if (unexpected.length) {
    console.log(`\nmarked knownFailure but passed (remove the mark): ${unexpected.length}`);
    for (const u of unexpected) console.log(`  ${u}`);
  }
}
