/**
 * The playground in a real browser: headless Chromium (Debian's, driven by playwright-core)
 * opens the built page and runs models in its Web Worker. Run by `npm run test:e2e` (and
 * .ci/run, which installs chromium); CHROMIUM overrides the browser's path. Artefacts go to
 * out/e2e/: screenshots and speed.json (CUBA 4000 in Chromium and in Node).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildOptions } from '../../web/build.ts';
import { readBack } from '../io/python.ts';
import { nodeRun } from './node-run.ts';
import { serveDirectory } from './static-server.ts';

const web = fileURLToPath(new URL('../../web/', import.meta.url));
const artefacts = fileURLToPath(new URL('../../out/e2e/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The flags this machine's closed network needs (see the machine notes): no background traffic. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUN_TIMEOUT = 300_000;

let browser: Browser;
let server: Server;
let url: string;

before(async () => {
  mkdirSync(artefacts, { recursive: true });
  await esbuild.build(buildOptions());
  ({ url, server } = await serveDirectory(web));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page with the preset loaded; page errors fail the test. */
async function open(preset: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 950 }, acceptDownloads: true });
  page.on('pageerror', (error) => assert.fail(`error in the page: ${error.message}`));
  await page.goto(`${url}?preset=${preset}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

async function runUntil(page: Page, states: string[]): Promise<string> {
  await page.click('#run');
  const handle = await page.waitForFunction(
    (wanted) => {
      const state = document.querySelector('#status')?.getAttribute('data-state') ?? '';
      return wanted.includes(state) ? state : false;
    },
    states,
    { timeout: RUN_TIMEOUT, polling: 100 },
  );
  return (await handle.jsonValue()) as string;
}

async function stats(page: Page) {
  const data = await page.$eval('#status', (e) => ({ ...(e as HTMLElement).dataset }));
  return { spikes: Number(data.spikes), simulated: Number(data.simulated), seconds: Number(data.seconds) };
}

test('CUBA with a fixed seed: the page gives the spike count of Node; its CSV, .npz and HDF5 have every spike', async () => {
  const page = await open('cuba');
  await page.fill('#seed', '7');
  assert.equal(
    await runUntil(page, ['finished', 'error']),
    'finished',
    (await page.textContent('#diagnostic')) ?? '',
  );
  const inBrowser = await stats(page);
  await page.screenshot({ path: `${artefacts}playground-cuba.png` });

  const inNode = await nodeRun('cuba', { seed: 7 });
  console.log(`CUBA 4000, seed 7: ${inBrowser.spikes} spikes in Chromium, ${inNode.spikes} in Node`);
  assert.ok(inBrowser.spikes > 1000, `${inBrowser.spikes} spikes`);
  assert.equal(inBrowser.spikes, inNode.spikes);
  assert.equal(inBrowser.simulated, 1);

  await page.selectOption('#export-format', 'spikes-csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  assert.equal(csv[0], 'i,t (s)');
  assert.equal(csv.length - 1, inNode.spikes);
  assert.deepEqual(
    csv.slice(1, 4),
    inNode.firstSpikes.map(([i, t]) => `${i},${t}`),
  );

  // The whole model as .npz and as HDF5 (h5wasm, a chunk loaded on first use), read by numpy and h5py.
  for (const [exporter, kind] of [
    ['npz', 'npz'],
    ['hdf5', 'hdf5'],
  ] as const) {
    await page.selectOption('#export-format', exporter);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const back = readBack(kind, (await file.path())!);
    const t = back.arrays[`${inNode.monitorName}/t`];
    const i = back.arrays[`${inNode.monitorName}/i`];
    assert.ok(t && i, `${exporter}: no ${inNode.monitorName}/t, /i in ${Object.keys(back.arrays)}`);
    assert.equal(t.values.length, inNode.spikes, exporter);
    assert.deepEqual(
      inNode.firstSpikes.map((_, k) => [i.values[k], t.values[k]]),
      inNode.firstSpikes.map(([n, s]) => [n, s]),
      exporter,
    );
    assert.equal(back.units[`${inNode.monitorName}/t`], 's', exporter);
  }

  // Speed of the same model in both, runs interleaved (the machine may be shared): the best of 2.
  const browserSeconds = [inBrowser.seconds];
  const nodeSeconds = [inNode.seconds];
  const nodeAsyncSeconds = [(await nodeRun('cuba', { seed: 7, async: true })).seconds];
  assert.equal(await runUntil(page, ['finished']), 'finished');
  browserSeconds.push((await stats(page)).seconds);
  nodeSeconds.push((await nodeRun('cuba', { seed: 7 })).seconds);
  const speed = {
    model: 'CUBA, 4000 neurons, 1 s, seed 7 (web/src/presets/cuba.ts)',
    unit: 'wall-clock s per biological s (best of 2)',
    chromium: Math.min(...browserSeconds),
    chromiumVersion: browser.version(),
    nodeRun: Math.min(...nodeSeconds),
    nodeRunAsync: Math.min(...nodeAsyncSeconds),
    nodeVersion: process.version,
  };
  console.log(JSON.stringify(speed));
  writeFileSync(`${artefacts}speed.json`, `${JSON.stringify(speed, null, 2)}\n`);
  await page.close();
});

test('a broken equation shows its coded diagnostic with the code frame under the editor', async () => {
  const page = await open('cuba');
  const equations = await page.inputValue('#equations');
  await page.fill('#equations', equations.replace('-gi/taui', '-gi/tau_i'));
  assert.equal(await runUntil(page, ['error', 'finished']), 'error');
  const diagnostic = page.locator('#diagnostic');
  assert.equal(await diagnostic.isVisible(), true);
  assert.equal(await diagnostic.getAttribute('data-code'), 'unknown_identifier');
  const text = (await diagnostic.textContent()) ?? '';
  assert.match(text, /^\[unknown_identifier\]/);
  assert.match(
    text,
    /3 \| dgi\/dt = -gi\/tau_i : volt\n\s*\| {14}\^{5}\n/,
    'the code frame underlines the name',
  );
  await page.screenshot({ path: `${artefacts}playground-diagnostic.png` });

  // A parameter error points into the parameters editor; fixing it runs the model.
  await page.fill('#equations', equations);
  await page.fill(
    '#parameters',
    (await page.inputValue('#parameters')).replace('taue = 5*ms', 'taue = 5*mss'),
  );
  await page.fill('#duration', '10*ms');
  assert.equal(await runUntil(page, ['error', 'finished']), 'error');
  assert.equal(await diagnostic.getAttribute('data-code'), 'unknown_identifier');
  assert.match((await diagnostic.textContent()) ?? '', /in parameters, line 3/);
  await page.fill('#parameters', (await page.inputValue('#parameters')).replace('5*mss', '5*ms'));
  assert.equal(await runUntil(page, ['error', 'finished']), 'finished');
  assert.equal(await diagnostic.isVisible(), false);
  await page.close();
});

test('a long run is cancelled: the page keeps the data up to the last completed step', async () => {
  const page = await open('cuba');
  await page.fill('#duration', '100*second');
  await page.click('#run');
  // Wait until the run has produced data (progress), then cancel it.
  await page.waitForFunction(
    () => Number((document.querySelector('#progress') as HTMLProgressElement).value) > 0,
    null,
    {
      timeout: RUN_TIMEOUT,
    },
  );
  await page.click('#cancel');
  await page.waitForSelector('#status[data-state="cancelled"]', { timeout: 60_000 });
  const { simulated, spikes } = await stats(page);
  assert.ok(simulated > 0 && simulated < 100, `cancelled at t = ${simulated} s`);
  assert.ok(spikes > 0);
  assert.match((await page.textContent('#status')) ?? '', /^Cancelled at/);
  await page.screenshot({ path: `${artefacts}playground-cancelled.png` });
  await page.close();
});
