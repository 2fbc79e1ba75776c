/**
 * Re-renders the markdown table of a results file (after an interrupted run, or after editing
 * the table code):  npx tsx bench/render.ts bench/results/<timestamp>.jsonl
 * Writes <timestamp>.md beside it and prints it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SHARED_BRIAN_DIR } from './lib/brian.ts';
import type { RunRecord } from './lib/record.ts';
import { renderMarkdown } from './lib/table.ts';

const file = process.argv[2];
if (!file?.endsWith('.jsonl')) {
  console.error('usage: npx tsx bench/render.ts bench/results/<timestamp>.jsonl');
  process.exit(2);
}
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as RunRecord);
const markdown = renderMarkdown(records, SHARED_BRIAN_DIR);
writeFileSync(file.replace(/\.jsonl$/, '.md'), markdown);
process.stdout.write(markdown);
