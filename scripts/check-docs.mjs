// Builds the API reference's model with typedoc (no output files) and checks that every exported
// item has a doc comment. Items undocumented when the check was introduced are listed in
// docs/undocumented-baseline.txt: a new undocumented item fails; a listed item that is now
// documented is reported so the list can shrink (`--update`).
// `node scripts/check-docs.mjs --update` rewrites the list.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const BASELINE = 'docs/undocumented-baseline.txt';
const result = spawnSync(
  process.execPath,
  ['node_modules/typedoc/bin/typedoc', '--emit', 'none', '--logLevel', 'Warn', '--disableSources'],
  {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  },
);
const output = `${result.stdout}\n${result.stderr}`;
const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
const missing = [
  ...plain.matchAll(
    /^\[warning\] (\S+) \((\w+)\), defined in [^,]*?\/?(src\/[^,]+), does not have any documentation$/gm,
  ),
]
  .map((m) => `${m[3]} ${m[1]} (${m[2]})`)
  .sort();
const otherProblems = plain
  .split('\n')
  .filter(
    (l) =>
      /^\[(warning|error)\]/.test(l) &&
      !l.includes('does not have any documentation') &&
      !/Found \d+ errors/.test(l),
  );
if (result.status !== 0 || otherProblems.length > 0) {
  console.error(plain);
  console.error('typedoc failed or warned (see above)');
  process.exit(1);
}
if (process.argv.includes('--update')) {
  writeFileSync(BASELINE, `${missing.join('\n')}\n`);
  console.log(`${BASELINE}: ${missing.length} undocumented items listed`);
  process.exit(0);
}
const baseline = new Set(readFileSync(BASELINE, 'utf8').split('\n').filter(Boolean));
const added = missing.filter((m) => !baseline.has(m));
const fixed = [...baseline].filter((b) => !missing.includes(b));
if (added.length)
  console.error(`exported items without a doc comment (document them):\n  ${added.join('\n  ')}`);
if (fixed.length)
  console.log(
    `${fixed.length} listed items are documented now: shrink ${BASELINE} with node scripts/check-docs.mjs --update`,
  );
console.log(
  `API reference: ${missing.length} undocumented exported items, all in ${BASELINE}; ${added.length} new`,
);
process.exit(added.length ? 1 : 0);
