// Builds the npm package into dist/ from src/ without the tests, with two tsc runs side by side:
// the declarations (.d.ts, with their doc comments, for editors), and the ESM JavaScript without
// comments plus source maps that carry the TypeScript sources (src/ is not shipped; the comments
// are in those sources, so the .js files need not hold them a second time). The generated unit
// table's map is left without its source (300 kB of generated text nobody steps through). Then
// the files the Node-only parts read at run time are copied beside their modules (the C++ support
// library of the standalone device, the native loader's C source).
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ASSETS = ['devices/standalone/brianlib', 'devices/runtime/native/loader.c'];
const WITHOUT_SOURCES = ['dist/units/unit-table.generated.js.map'];

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const passes = [
  ['--emitDeclarationOnly'],
  ['--declaration', 'false', '--removeComments', '--sourceMap', '--inlineSources'],
];
const statuses = await Promise.all(
  passes.map(
    (flags) =>
      new Promise((resolve) => {
        // stdout to stderr: `npm pack --json` runs this as prepack, and its stdout is JSON.
        const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...flags], {
          stdio: ['ignore', 2, 2],
        });
        child.on('close', resolve);
      }),
  ),
);
if (statuses.some((s) => s !== 0)) process.exit(1);
for (const file of WITHOUT_SOURCES) {
  const map = JSON.parse(readFileSync(file, 'utf8'));
  delete map.sourcesContent;
  writeFileSync(file, JSON.stringify(map));
}
for (const asset of ASSETS) cpSync(`src/${asset}`, `dist/${asset}`, { recursive: true });
console.error('built dist/');
