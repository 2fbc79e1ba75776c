// Builds the playground (web/) with esbuild: the page script and the simulation worker, each
// bundled for the browser from TypeScript; the models import brian-ts's core, src/index.ts (what
// `import … from 'brian-ts'` gives a bundler for the browser: no Node). `tsx web/build.ts` writes web/build/;
// `--serve` (npm run web) rebuilds on change and serves web/ on http://127.0.0.1:5173.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import * as esbuild from 'esbuild';

const web = fileURLToPath(new URL('.', import.meta.url));

/** esbuild options for the page and the worker (used by the end-to-end test too). */
export function buildOptions({ minify = true } = {}): BuildOptions {
  return {
    absWorkingDir: web,
    entryPoints: { main: 'src/main.ts', worker: 'src/worker.ts' },
    outdir: 'build',
    // h5wasm (4 MB, for HDF5 downloads) becomes a chunk of its own, loaded when first used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: 'es2022',
    minify,
    sourcemap: true,
    logLevel: 'warning' as const,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--serve')) {
    const port = Number(process.env.PORT ?? 5173);
    const context = await esbuild.context(buildOptions({ minify: false }));
    await context.watch();
    const { hosts, port: actual } = await context.serve({ servedir: web, host: '127.0.0.1', port });
    console.log(`brian-ts playground: http://${hosts[0]}:${actual}/`);
  } else {
    const result = await esbuild.build({ ...buildOptions(), metafile: true });
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}: ${(output.bytes / 1024).toFixed(1)} kB`);
    }
  }
}
