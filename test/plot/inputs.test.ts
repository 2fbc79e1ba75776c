/**
 * The plot functions take what users have: monitors, quantity arrays (`M.t`, `M.v[0]`) and variable
 * views (`S.w`) directly, and anything they cannot draw is a coded error, never empty axes.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  ms,
  mV,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/index.ts';
import {
  figure,
  histogram,
  line,
  raster,
  rates,
  renderPdf,
  renderSvg,
  traces,
} from '../../src/plot/index.ts';
import { markGroups, skipUnlessPlotting as skip } from './helpers.ts';

function simulate() {
  startScope();
  const G = new NeuronGroup(4, 'dv/dt = (20*mV - v)/(10*ms) : volt', {
    threshold: 'v > 10*mV',
    reset: 'v = 0*mV',
    method: 'exact',
  });
  G.v = 'i*2*mV';
  const S = new Synapses(G, G, { model: 'w : volt', onPre: 'v += w' });
  S.connect({ condition: 'i != j' });
  S.w = 'j*0.1*mV';
  const spikes = new SpikeMonitor(G);
  const M = new StateMonitor(G, 'v', { record: [0, 1, 2] });
  const R = new PopulationRateMonitor(G);
  new Network(G, S, spikes, M, R).run(ms(20));
  return { G, S, spikes, M, R };
}

/** The points of the first line mark (`M x,y L x,y …`) in a rendered SVG. */
function linePoints(svg: string): number {
  const group = markGroups(svg, 'brian-series')[0] ?? '';
  return (group.match(/[ML]/g) ?? []).length;
}

describe('plots of quantity arrays, views and monitors', () => {
  let sim: ReturnType<typeof simulate>;
  before(() => {
    sim = simulate();
  });

  it('the documented example traces({ t: M.t, series: [{ values: M.v[0] }] }) draws the trace in mV', {
    skip,
  }, async () => {
    const { M } = sim;
    const svg = await renderSvg(traces({ t: M.t, series: [{ values: M.v[0] }] }));
    assert.ok(linePoints(svg) >= 100, `a line through the 200 samples, got ${linePoints(svg)} points`);
    assert.ok(svg.includes('>value (mV)<'), 'the unit comes from M.v');
    assert.ok(svg.includes('>t (ms)<'));
  });

  it('passes monitors straight to raster, traces and rates', { skip }, async () => {
    const { spikes, M, R } = sim;
    assert.ok(spikes.num_spikes > 0);
    const svg = await renderSvg(
      figure([raster(spikes), traces(M), traces(M, 'v', { elements: [2] }), rates(R)]),
    );
    assert.match(svg, new RegExp(`data-spikes="${spikes.num_spikes}"`));
    assert.ok(svg.includes('>v of neurongroup<'));
    assert.ok(svg.includes('>rate (Hz)<'));
  });

  it('labels the axis with the name of a variable view', { skip }, async () => {
    const { G } = sim;
    const svg = await renderSvg(
      line({ x: [0, 1, 2, 3], ys: [{ values: G.v }], xLabel: 'neuron', yLabel: 'v' }),
    );
    assert.ok(svg.includes('>v (mV)<'));
  });

  it('draws a histogram of a variable view in its unit', { skip }, async () => {
    const svg = await renderSvg(histogram({ values: sim.S.w, xLabel: 'w' }));
    assert.ok(svg.includes('>w (uV)<') || svg.includes('>w (mV)<'), 'w carries volts');
  });

  it('rejects what it cannot draw with a coded error', () => {
    const { M, spikes } = sim;
    const t = M.t;
    assert.throws(() => traces({ t, series: [] }), { code: 'empty_data' });
    assert.throws(() => traces({ t: [], series: [{ values: [] }] }), { code: 'empty_data' });
    assert.throws(() => traces({ t, series: [{ values: undefined as never }] }), { code: 'bad_argument' });
    // An array of Quantity objects is not an array of numbers.
    assert.throws(() => traces({ t, series: [{ values: Array.from(M.v[0]) as never }] }), {
      code: 'bad_argument',
    });
    assert.throws(() => traces({ t: M.v[0], series: [{ values: M.v[0] }] }), { code: 'dimension_mismatch' });
    assert.throws(() => traces({ t, series: [{ values: M.v[0] }, { values: t }] }), {
      code: 'dimension_mismatch',
    });
    assert.throws(() => traces(M, 'w'), { code: 'not_recorded' });
    assert.throws(() => traces(M, 'v', { elements: [3] }), { code: 'index_out_of_range' });
    assert.throws(() => line({ x: [], ys: [{ values: [] }], xLabel: 'x', yLabel: 'y' }), {
      code: 'empty_data',
    });
    assert.throws(() => rates({ t: [], rate: [] }), { code: 'empty_data' });
    assert.throws(() => histogram({ values: [], xLabel: 'w' }), { code: 'empty_data' });
    assert.throws(() => raster({ t: spikes.t, i: undefined as never }), { code: 'bad_argument' });
  });

  it('gives panels of one figure the same time axis with shareTime', { skip }, async () => {
    const { M } = sim;
    const short = traces({ t: M.t.slice(0, 50), series: [{ values: M.v[0].slice(0, 50) }] });
    const long = traces({ t: M.t, series: [{ values: M.v[0] }] });
    const lastTick = (svg: string, k: number) => {
      const axes = [...svg.matchAll(/aria-label="x-axis tick label"[\s\S]*?<\/g>/g)].map((m) => m[0]);
      const labels = [...axes[k].matchAll(/>([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
      return Math.max(...labels);
    };
    const separate = await renderSvg(figure([short, long]));
    assert.ok(lastTick(separate, 0) < lastTick(separate, 1), 'each panel its own range');
    const shared = await renderSvg(figure([short, long], { shareTime: true }));
    assert.equal(lastTick(shared, 0), lastTick(shared, 1));
  });

  it('passes Observable Plot options through', { skip }, async () => {
    const { M } = sim;
    const svg = await renderSvg(
      traces({
        t: M.t,
        series: [{ values: M.v[0] }],
        plot: { y: { domain: [-5, 25] }, marks: [] },
      }),
    );
    assert.ok(svg.includes('>−10<') && svg.includes('>30<'), 'the y domain asked for (made nice)');
    const { Plot } = { Plot: await import('@observablehq/plot') };
    const marked = await renderSvg(
      traces({
        t: M.t,
        series: [{ values: M.v[0] }],
        plot: { marks: [Plot.ruleX([5], { className: 'user-rule' })] },
      }),
    );
    assert.ok(marked.includes('user-rule'), 'extra marks are drawn');
    assert.ok(markGroups(marked, 'brian-series').length === 1, 'the panel keeps its own marks');
  });

  it('writes a vector PDF', { skip }, async () => {
    const pdf = await renderPdf(figure([raster(sim.spikes), traces(sim.M)]));
    const text = Buffer.from(pdf).toString('latin1');
    assert.ok(text.startsWith('%PDF-'));
    assert.match(text, /\/MediaBox \[0 0 800 \d+/);
    assert.ok(text.includes('/Helvetica'), 'text as PDF text, not pixels');
  });
});

describe('mV values given as numbers still need units for labels', () => {
  it('keeps plain numbers dimensionless unless a unit is given', { skip }, async () => {
    const svg = await renderSvg(traces({ t: [0, 0.001], series: [{ values: [0.001, 0.002] }], unit: 'V' }));
    assert.ok(svg.includes('>value (mV)<'));
    void mV;
  });
});
