/**
 * The tutorials under docs/tutorials run and print what Brian 2.5.1 prints for the same cells
 * (docs/tutorials/brian/*.out, recorded with the .py beside them). Text must match; numbers must
 * agree to 1e-7 (Brian prints 8 significant digits), and on lines starting with `~ ` (results
 * of random numbers, which brian-ts draws from its own stream) to 30 % (counts of a few tens of random events).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const NUMBER = /-?\d+(?:\.\d*)?(?:e[-+]?\d+)?/g;

function compareLine(ours: string, brian: string, where: string): void {
  const skeleton = (s: string) => s.replace(NUMBER, '#').replace(/\s+/g, ' ');
  assert.equal(
    skeleton(ours),
    skeleton(brian),
    `${where}: text differs\n  brian-ts: ${ours}\n  Brian:    ${brian}`,
  );
  const a = (ours.match(NUMBER) ?? []).map(Number);
  const b = (brian.match(NUMBER) ?? []).map(Number);
  const tolerance = brian.startsWith('~ ') ? 0.3 : 1e-7;
  a.forEach((x, k) => {
    const ok =
      Math.abs(x - b[k]) <= tolerance * Math.max(Math.abs(b[k]), 1e-300) || Math.abs(x - b[k]) < 1e-12;
    assert.ok(ok, `${where}: ${x} against Brian's ${b[k]}\n  brian-ts: ${ours}\n  Brian:    ${brian}`);
  });
}

describe('tutorials print what Brian prints', () => {
  for (const name of ['1-neurons', '2-synapses', '3-simulations']) {
    it(name, () => {
      const script = new URL(`../../docs/tutorials/${name}.ts`, import.meta.url).pathname;
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const ours = run.stdout.trimEnd().split('\n');
      const brian = readFileSync(new URL(`../../docs/tutorials/brian/${name}.out`, import.meta.url), 'utf8')
        .trimEnd()
        .split('\n');
      assert.equal(ours.length, brian.length, `lines: ${ours.length} against Brian's ${brian.length}`);
      for (const [k, line] of ours.entries()) compareLine(line, brian[k], `${name} line ${k + 1}`);
    });
  }
});
