// Runs every *.test.ts under src/ and test/ with node's test runner through tsx.
// Node 20 does not expand globs given to --test, so the files are listed here.
// Pass file or folder names to run a subset: `npm test -- src/units`.
//
// Without arguments there is a second pass: the behavioural tests under test/ again with the
// runtime device's compiled kernels (BRIAN_RUNTIME_TARGET=cpp), so the one suite checks both
// ways of running kernels (skipped with a message when g++ is missing). A combined summary ends
// the output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printBrian2Table } from './brian2-table.mjs';

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      collect(join(path, name), out);
    }
  } else if (path.endsWith('.test.ts')) out.push(path);
  return out;
}

const args = process.argv.slice(2);
const roots = args.length ? args : ['src', 'test'];
const files = roots.flatMap((r) => collect(r, []));
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}

const passes = [{ label: 'JavaScript kernels', files, env: {} }];
if (args.length === 0) {
  // test/standalone, test/runtime-cpp, test/threads and test/mpi compare devices and targets
  // themselves; test/fuzz too (every case on JavaScript kernels with its C++ printed and scanned,
  // a few compiled), so running its 10 000 cases again would only repeat them.
  const own = ['standalone', 'runtime-cpp', 'threads', 'mpi', 'fuzz'].map((d) => join('test', d));
  const behavioural = collect('test', []).filter((f) => !own.some((d) => f.startsWith(d)));
  if (spawnSync('g++', ['--version'], { stdio: 'ignore' }).status === 0) {
    passes.push({
      label: 'compiled runtime kernels (BRIAN_RUNTIME_TARGET=cpp)',
      files: behavioural,
      env: { BRIAN_RUNTIME_TARGET: 'cpp' },
    });
  } else {
    console.log('g++ not found: the pass with compiled runtime kernels is skipped');
  }
}

const tapDir = mkdtempSync(join(tmpdir(), 'brian-ts-tests-'));
// test/brian2's harness appends one JSON line per test and device here (the table at the end).
const brian2Results = join(tapDir, 'brian2-results.jsonl');
const brian2Skipped = join(tapDir, 'brian2-skipped.jsonl');
const totals = {};
let status = 0;
passes.forEach((pass, k) => {
  if (passes.length > 1) console.log(`\n=== pass ${k + 1} of ${passes.length}: ${pass.label} ===\n`);
  const tap = join(tapDir, `pass-${k}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      // the Node platform (cpp_standalone, g++ kernels, $BRIAN_* switches): tests import the
      // portable core src/index.ts, Node users get both from 'brian-ts' (docs/PACKAGE.md)
      '--import',
      './src/platform/node.ts',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      '--test-concurrency=2',
      ...pass.files,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, ...pass.env, BRIAN2_RESULTS: brian2Results, BRIAN2_SKIPPED: brian2Skipped },
    },
  );
  if (result.status !== 0) status = result.status ?? 1;
  // node's TAP reporter ends with "# tests N", "# pass N", … lines
  for (const m of readFileSync(tap, 'utf8').matchAll(
    /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/gm,
  )) {
    totals[m[1]] = (totals[m[1]] ?? 0) + Number(m[2]);
  }
});
printBrian2Table(brian2Results, brian2Skipped);
rmSync(tapDir, { recursive: true, force: true });
if (passes.length > 1) {
  console.log(`\n=== all ${passes.length} passes ===`);
  for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
    console.log(`ℹ ${key} ${totals[key] ?? 0}`);
  }
  console.log(`${totals.pass ?? 0} passed, ${totals.fail ?? 0} failed`);
}
process.exit(status);
