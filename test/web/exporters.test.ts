/**
 * The playground's "Download" menu, in Node (the page's worker runs the same exporters; the e2e
 * test downloads them from Chromium): CSV of each panel, and the whole model as .npz and HDF5,
 * read back with numpy and h5py.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { collect, ms, runAsync } from '../../src/index.ts';
import { EXPORTERS, type Results } from '../../web/src/exporters.ts';
import { presetById } from '../../web/src/presets/index.ts';
import { buildPreset } from '../../web/src/presets/preset.ts';
import { readBack, skipUnlessH5py, skipUnlessNumpy } from '../io/python.ts';

const dir = mkdtempSync(join(tmpdir(), 'brian-ts-package-exporters-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function cubaResults(): Promise<Results> {
  const preset = presetById('cuba')!;
  // 100 neurons (p = 0.8): every synapse's arrays are in the export, read back as JSON.
  const parameters = preset.parameters.replace('N = 4000', 'N = 100');
  const { built } = buildPreset(preset, { ...preset, parameters, seed: 3 });
  const objects = [...collect()];
  await runAsync(ms(20));
  return { model: built, objects };
}

async function download(id: string, results: Results): Promise<string> {
  const exporter = EXPORTERS.find((e) => e.id === id)!;
  assert.ok(exporter.available(results.model), `${id} is offered`);
  const file = await exporter.write(results);
  const path = join(dir, file.filename);
  writeFileSync(path, file.bytes);
  return path;
}

test('spikes CSV: one row per spike, index and time in seconds', { skip: skipUnlessNumpy }, async () => {
  const results = await cubaResults();
  const M = results.model.spikes!.monitor;
  assert.ok(M.num_spikes > 0);
  const back = readBack('csv', await download('spikes-csv', results));
  assert.deepEqual(back.header, ['i', 't (s)']);
  assert.deepEqual(back.arrays.i.values, Array.from(M.i));
  assert.deepEqual(back.arrays['t (s)'].values, Array.from(M.t_));
});

for (const [id, kind, skip] of [
  ['npz', 'npz', skipUnlessNumpy],
  ['hdf5', 'hdf5', skipUnlessH5py],
] as const) {
  test(`everything as ${id}: every monitor and group of the model, exact values, SI units`, {
    skip,
  }, async () => {
    const results = await cubaResults();
    const M = results.model.spikes!.monitor;
    const back = readBack(kind, await download(id, results));
    assert.deepEqual(back.arrays[`${M.name}/i`].values, Array.from(M.i));
    assert.deepEqual(back.arrays[`${M.name}/t`].values, Array.from(M.t_));
    assert.equal(back.units[`${M.name}/t`], 's');
    const group = results.objects.find((o) => o.constructor.name === 'NeuronGroup')!;
    assert.equal(back.units[`${group.name}/v`], 'V');
    assert.equal(back.arrays[`${group.name}/v`].values.length, 100);
  });
}
