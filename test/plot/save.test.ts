import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { figure, raster, renderPng, saveFigure, traces } from '../../src/plot/index.ts';
import { fakeRun } from './fake-data.ts';
import { skipUnlessPlotting as skip } from './helpers.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dir = mkdtempSync(join(tmpdir(), 'brian-plot-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('saveFigure', () => {
  const run = fakeRun(10, 0.1, 1);
  const fig = figure(
    [
      raster({ t: run.spikes.t, i: run.spikes.i, title: 'Spikes' }),
      traces({ t: run.state.t, series: [{ label: 'n0', values: run.state.v[0] }], unit: 'V', yLabel: 'v' }),
    ],
    { width: 500 },
  );

  it('writes <path>.svg and <path>.png at zoom 2, creating folders', { skip }, async () => {
    const written = await saveFigure(fig, join(dir, 'nested', 'deeper', 'overview'));
    assert.deepEqual(written, {
      svg: join(dir, 'nested', 'deeper', 'overview.svg'),
      png: join(dir, 'nested', 'deeper', 'overview.png'),
    });
    const svg = readFileSync(written.svg, 'utf8');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="500"'));
    const png = readFileSync(written.png);
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    const height = Number(svg.match(/height="(\d+)"/)![1]);
    assert.deepEqual(pngSize(png), [1000, 2 * height]);
  });

  it('ignores a .png or .svg extension on the path', { skip }, async () => {
    const written = await saveFigure(fig, join(dir, 'named.png'));
    assert.equal(written.png, join(dir, 'named.png'));
    assert.equal(written.svg, join(dir, 'named.svg'));
  });

  it('renders a single panel to PNG bytes at the requested zoom', { skip }, async () => {
    const png = await renderPng(raster({ t: [0.01], i: [0] }), { zoom: 1 });
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    assert.equal(pngSize(png)[0], 800);
  });
});
