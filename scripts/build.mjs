// Builds the npm package into dist/ from src/ without the tests, with two tsc runs side by side:
// the declarations (.d.ts, with their doc comments, for editors), and the ESM JavaScript with its
// comments plus source maps without inlined sources (src/ is not shipped; stack traces and
// debuggers map to the TypeScript line numbers, and the comments that explain the code are in
// the .js itself). Inlining the sources would put every file in the tarball twice and take it
// over 1 MB (scripts/check-package.mjs). The generated unit table ships without a map (500 kB of
// generated mappings nobody steps through). Then the files the Node-only parts read at run time
// are copied beside their modules (the C++ support library of the standalone device, the native
// loader's C source).
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ASSETS = ['devices/standalone/brianlib', 'devices/runtime/native/loader.c'];
const WITHOUT_MAPS = ['dist/units/unit-table.generated.js'];

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const passes = [['--emitDeclarationOnly'], ['--declaration', 'false', '--sourceMap']];
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
for (const file of WITHOUT_MAPS) {
  rmSync(`${file}.map`);
  const js = readFileSync(file, 'utf8');
  const withoutLink = js.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  // A .js that still named its removed map would send debuggers to a missing file.
  if (withoutLink === js) throw new Error(`${file}: no sourceMappingURL line to remove`);
  writeFileSync(file, withoutLink);
}
for (const asset of ASSETS) cpSync(`src/${asset}`, `dist/${asset}`, { recursive: true });
console.error('built dist/');
