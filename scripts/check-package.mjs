// The npm package as a user gets it (called by .ci/run; `npm run check:package`): packs the
// tarball (which builds dist/), checks its size and contents, installs it into a fresh project
// in a temporary directory and there runs a .mjs script under plain node, a .cjs one
// (require of the ESM package), `tsc --strict --noEmit` with module nodenext, and
// brian-ts/plot; then publint and @arethetypeswrong/cli on the tarball. Exit status 1 on the
// first failure.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** 1 MB. The largest part is the TypeScript sources inside the source maps (scripts/build.mjs). */
const MAX_TARBALL_BYTES = 1_000_000;
const root = resolve(import.meta.dirname, '..');
const consumerFiles = join(root, 'test', 'package', 'consumer');
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'brian-ts-package-check-'));

function sh(command, args, cwd, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}${cwd === root ? '' : `   (in ${cwd})`}`);
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options,
  });
}

try {
  // 1. The tarball.
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], root))[0];
  const tarball = join(work, packed.filename);
  console.log(
    `${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${packed.entryCount} files`,
  );
  if (packed.size >= MAX_TARBALL_BYTES) throw new Error(`the tarball is ${packed.size} B, over 1 MB`);
  const paths = packed.files.map((f) => f.path);
  const unexpected = paths.filter(
    (p) =>
      !/^(dist\/|LICENSE$|README\.md$|package\.json$)/.test(p) ||
      /\.test\.|\/fixtures\/|\/testdata\//.test(p),
  );
  if (unexpected.length) throw new Error(`unexpected files in the tarball: ${unexpected.join(', ')}`);
  for (const needed of [
    'LICENSE',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/node.js',
    'dist/plot/index.js',
  ]) {
    if (!paths.includes(needed)) throw new Error(`${needed} is missing from the tarball`);
  }

  // 2. A fresh project with the tarball installed (dependencies from npm's cache when there).
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'brian-ts-consumer', private: true, version: '1.0.0' }, null, 2),
  );
  for (const f of readdirSync(consumerFiles)) copyFileSync(join(consumerFiles, f), join(project, f));
  const typesNode = require(join(root, 'node_modules', '@types', 'node', 'package.json')).version;
  sh(
    'npm',
    // @observablehq/plot's own .d.ts import 'd3' types without depending on @types/d3, so a
    // project that type-checks its libraries (no skipLibCheck, as here) adds them.
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      `@types/node@${typesNode}`,
      '@types/d3@^7',
    ],
    project,
  );

  // 3. The checks in that project.
  process.stdout.write(sh('node', ['check.mjs'], project));
  process.stdout.write(sh('node', ['check.cjs'], project));
  process.stdout.write(sh('node', ['check-plot.mjs'], project));
  const tsc = require.resolve('typescript/bin/tsc');
  process.stdout.write(sh('node', [tsc, '-p', 'tsconfig.json'], project));
  console.log('tsc --strict --noEmit (module nodenext): no errors');
  process.stdout.write(sh('node', [tsc, '-p', 'tsconfig.browser.json'], project));
  console.log('tsc --strict --noEmit (bundler, browser condition, DOM, no @types/node): no errors');

  // 4. Lints of the package's metadata and types.
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  process.stdout.write(sh(bin('publint'), ['run', tarball, '--strict'], root));
  // attw models require() of ESM as an error (node16); Node >= 20.19, which `engines` asks for,
  // loads it (check.cjs above), and TypeScript's nodenext accepts it (check-require.cts).
  process.stdout.write(
    sh(
      bin('attw'),
      [tarball, '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped'],
      root,
    ),
  );
  console.log('package checks passed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
