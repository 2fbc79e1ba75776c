// Builds the npm package into dist/: tsc emits ESM, .d.ts, declaration maps and source maps
// (sources inlined, since src/ is not shipped) from src/ without the tests; then the files
// that the Node-only parts read at run time are copied beside their modules (the C++ support
// library of the standalone device, the native loader's C source).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const ASSETS = ['devices/standalone/brianlib', 'devices/runtime/native/loader.c'];

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: ['ignore', 2, 2] });
if (result.status !== 0) process.exit(result.status ?? 1);
for (const asset of ASSETS) cpSync(`src/${asset}`, `dist/${asset}`, { recursive: true });
console.error('built dist/'); // stderr: `npm pack --json` runs this as prepack; its stdout is JSON
