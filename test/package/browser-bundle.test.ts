/**
 * The core (`src/index.ts`, what `brian-ts` resolves to in a bundler for the browser) bundles
 * with esbuild for the browser with no Node built-in, no warning and no shim, reads neither
 * `process` nor `import.meta`, and runs a simulation in a bare JavaScript context (no `process`,
 * no `require`, no `Buffer`). The gzip size is printed and held under the 170 kB budget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
// 150 kB until Brian's synapse and monitor features (issue 13) and the option schemas (issue 14)
// landed: 157 kB measured then (units 141 kB minified, mostly the unit table; compiler 89 kB; valibot
// 8 kB). The budget keeps growth a decision, not an accident.
const BUDGET_GZIP = 170 * 1024;

async function bundle(format: 'esm' | 'iife', minify: boolean) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format,
    globalName: format === 'iife' ? 'brian' : undefined,
    target: 'es2022',
    minify,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0].text, warnings: result.warnings, meta: result.metafile };
}

test('the core bundles for the browser: no Node built-ins, no warnings, under the gzip budget', async () => {
  const { text, warnings, meta } = await bundle('esm', true);
  assert.deepEqual(
    warnings.map((w) => w.text),
    [],
  );
  const inputs = Object.keys(meta.inputs);
  // src/, and the runtime dependencies package.json declares (valibot, for argument checks).
  const dependencies = Object.keys(packageJson.dependencies ?? {}).map((d) => `node_modules/${d}/`);
  assert.deepEqual(
    inputs.filter(
      (p) => p.startsWith('node:') || !(p.startsWith('src/') || dependencies.some((d) => p.startsWith(d))),
    ),
    [],
    'only modules of src/ and of the declared dependencies are bundled',
  );
  for (const nodeOnly of ['src/platform/node.ts', 'src/devices/standalone/', 'src/devices/runtime/native/']) {
    assert.ok(!inputs.some((p) => p.startsWith(nodeOnly)), `${nodeOnly} is not in the core bundle`);
  }
  const gzip = gzipSync(text).length;
  console.log(
    `core bundle for the browser: ${(text.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzip`,
  );
  assert.ok(gzip < BUDGET_GZIP, `core bundle is ${gzip} B gzip, over the ${BUDGET_GZIP} B budget`);
});

test('the core reads neither process nor import.meta', async () => {
  const { text } = await bundle('esm', false);
  // `process` appears in prose (messages) only; a member access would be a use.
  assert.deepEqual(text.match(/\bprocess\s*\??\.\s*[a-zA-Z]+/g) ?? [], []);
  assert.deepEqual(text.match(/\bimport\.meta\b/g) ?? [], []);
  assert.deepEqual(text.match(/\brequire\s*\(/g) ?? [], []);
});

test('the core bundle runs a network in a context without Node globals; Node-only parts are coded errors', async () => {
  const { text } = await bundle('iife', true);
  const lines: string[] = [];
  const context = {
    console: { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s), warn() {} },
    performance: { now: () => performance.now() },
    setTimeout,
    clearTimeout,
    result: undefined as unknown,
  };
  runInNewContext(
    `${text}
    const { NeuronGroup, SpikeMonitor, run, ms, mV } = brian;
    const G = new NeuronGroup(3, 'dv/dt = (v0 - v)/(10*ms) : volt\\nv0 : volt', {
      threshold: 'v > -50*mV', reset: 'v = -60*mV', method: 'exact' });
    G.v = mV(-60);
    G.v0 = '-40*mV - i*5*mV';
    const M = new SpikeMonitor(G);
    run(ms(50), { report: 'text' });
    const code = (f) => { try { f(); } catch (e) { return e.code; } };
    result = JSON.stringify({
      spikes: Array.from(M.count),
      refused: [
        code(() => brian.setDevice('cpp_standalone')),
        code(() => brian.setDevice('runtime', { target: 'cpp' })),
        code(() => brian.store('default', 'state.json')),
      ],
    });`,
    context,
  );
  // From -60 mV towards v0 = -40 and -45 mV, v crosses -50 mV every 10 ms·ln 2 = 6.9 ms and
  // 10 ms·ln 3 = 11.0 ms; towards -50 mV never.
  assert.deepEqual(JSON.parse(String(context.result)), {
    spikes: [7, 4, 0],
    // what needs Node is a coded error here, not a crash at import
    refused: ['not_available_on_platform', 'not_available_on_platform', 'not_available_on_platform'],
  });
  assert.match(lines[0], /^Starting simulation at t=0\. s for a duration of 50\. ms$/);
});
