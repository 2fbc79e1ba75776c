// brian-ts/plot from the package: a raster of a small network saved as SVG and PNG.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, mV, NeuronGroup, run, SpikeMonitor } from 'brian-ts';
import { figure, raster, saveFigure } from 'brian-ts/plot';

const G = new NeuronGroup(20, 'dv/dt = (v0 - v)/(10*ms) : volt\nv0 : volt (constant)', {
  threshold: 'v > -50*mV',
  reset: 'v = -60*mV',
  method: 'exact',
});
G.v = mV(-60);
G.v0 = '-30*mV - i*mV';
const M = new SpikeMonitor(G);
run(ms(100));
const base = join(mkdtempSync(join(tmpdir(), 'brian-ts-package-plot-')), 'raster');
const saved = await saveFigure(figure([raster({ t: M.t_, i: M.i, size: 20, title: 'Spikes' })]), base);
for (const file of [saved.svg, saved.png]) {
  if (!existsSync(file) || statSync(file).size < 1000) throw new Error(`${file} was not written`);
}
console.log(`check-plot.mjs ok: ${M.num_spikes} spikes drawn to ${saved.png}`);
