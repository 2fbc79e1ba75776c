import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figure, histogram, line, raster, rates, renderSvg, traces } from '../../src/plot/index.ts';
import { fakeRun, randomSpikes } from './fake-data.ts';
import { count, markGroup, markGroups, skipUnlessPlotting as skip } from './helpers.ts';

const run = fakeRun(20, 0.2, 3);

describe('raster', () => {
  it('draws one dot per spike with units and index on the axes', { skip }, async () => {
    const svg = await renderSvg(raster({ t: run.spikes.t, i: run.spikes.i, size: 20, title: 'Spikes' }));
    const n = run.spikes.t.length;
    assert.ok(n > 50, `fake run has ${n} spikes`);
    assert.ok(svg.includes('>t (ms)<'), 'time axis in ms');
    assert.ok(svg.includes('>neuron index<'));
    assert.ok(svg.includes('>Spikes<'));
    assert.ok(svg.includes(`data-marks="${n}"`));
    assert.equal(count(svg, /M[\d.]+ [\d.]+h0/), n);
    assert.ok(svg.includes(`${n} spikes`), 'spike count noted');
  });

  it('uses the requested time unit and range', { skip }, async () => {
    const svg = await renderSvg(
      raster({ t: [0.1, 0.2], i: [0, 1], timeUnit: { name: 's', scale: 1 }, tRange: [0, 1], yLabel: 'cell' }),
    );
    assert.ok(svg.includes('>t (s)<') && svg.includes('>cell<'));
    assert.ok(svg.includes('>1.0<') || svg.includes('>1<'), 'axis reaches 1 s');
  });

  it('merges coincident dots of a huge raster and says so', { skip }, async () => {
    const spikes = randomSpikes(300_000, 50, 1);
    const svg = await renderSvg(raster({ t: spikes.t, i: spikes.i }));
    const drawn = Number(svg.match(/data-marks="(\d+)"/)![1]);
    assert.ok(drawn < 300_000 && drawn > 1000, `${drawn} dots drawn`);
    assert.ok(svg.includes('300,000 spikes ('), 'note says dots were merged');
  });

  it('draws an empty raster with a note instead of failing', { skip }, async () => {
    const svg = await renderSvg(raster({ t: new Float64Array(0), i: new Int32Array(0) }));
    assert.ok(svg.includes('no spikes'));
  });

  it('rejects t and i of different lengths', () => {
    assert.throws(() => raster({ t: [0.1, 0.2], i: [0] }), { code: 'bad_argument' });
    assert.throws(() => raster({ t: 5 as unknown as number[], i: [0] }), { code: 'bad_argument' });
  });
});

describe('traces', () => {
  it('draws one line per series with a key, units and a labelled threshold', { skip }, async () => {
    const series = run.state.v.map((values, k) => ({ label: `neuron ${k}`, values }));
    const svg = await renderSvg(
      traces({ t: run.state.t, series, unit: 'V', yLabel: 'v', lines: [{ y: -0.05, label: 'threshold' }] }),
    );
    assert.ok(svg.includes('>v (mV)<') && svg.includes('>t (ms)<'));
    assert.equal(markGroups(svg, 'brian-series').length, 3);
    for (const k of [0, 1, 2]) assert.ok(svg.includes(`>neuron ${k}<`), `key names neuron ${k}`);
    assert.ok(markGroup(svg, 'brian-reference-label').includes('threshold'));
    assert.equal(new Set(markGroups(svg, 'brian-series').map((g) => g.match(/stroke="(#\w+)"/)![1])).size, 3);
  });

  it('accepts an explicit display unit', { skip }, async () => {
    const svg = await renderSvg(
      traces({
        t: [0, 1e-3],
        series: [{ label: 'g', values: [1e-9, 2e-9] }],
        unit: { name: 'nS', scale: 1e-9 },
      }),
    );
    assert.ok(svg.includes('>value (nS)<'));
  });

  it('summarises the key of many series', { skip }, async () => {
    const t = Float64Array.from({ length: 100 }, (_, k) => k * 1e-4);
    const series = Array.from({ length: 30 }, (_, j) => ({ label: `n${j}`, values: t.map((x) => x * j) }));
    const svg = await renderSvg(traces({ t, series }));
    assert.equal(markGroups(svg, 'brian-series').length, 30);
    assert.ok(svg.includes('>n0<') && svg.includes('>n29<') && !svg.includes('>n15<'));
    assert.ok(svg.includes('30 series'));
  });

  it('rejects a series whose length differs from t', () => {
    assert.throws(() => traces({ t: [0, 1], series: [{ label: 'a', values: [1] }] }), {
      code: 'bad_argument',
    });
    assert.throws(() => traces({ t: [0, 1], series: [] }), { code: 'empty_data' });
  });
});

describe('rates', () => {
  it('draws the raw and the smoothed rate in Hz', { skip }, async () => {
    const svg = await renderSvg(
      rates({ t: run.rate.t, rate: run.rate.rate, smooth: run.rate.smooth, title: 'Rate' }),
    );
    assert.ok(svg.includes('>rate (Hz)<') && svg.includes('>t (ms)<'));
    assert.equal(markGroups(svg, 'brian-series').length, 2);
    assert.ok(svg.includes('>smoothed<'));
  });

  it('draws a single line without a key when there is no smoothed rate', { skip }, async () => {
    const svg = await renderSvg(rates({ t: [0, 0.001, 0.002], rate: [0, 5000, 2000] }));
    assert.ok(svg.includes('>rate (Hz)<'), 'Hz unless asked otherwise');
    const auto = await renderSvg(rates({ t: [0, 0.001, 0.002], rate: [0, 5000, 2000], rateUnit: 'Hz' }));
    assert.ok(auto.includes('>rate (kHz)<'), "'Hz' picks the prefix");
    assert.equal(markGroups(svg, 'brian-series').length, 1);
  });
});

describe('line', () => {
  it('draws lines with markers, whole-number x ticks and units', { skip }, async () => {
    const values = [-0.04, -0.055, -0.0475, -0.05125];
    const svg = await renderSvg(
      line({
        x: [1, 2, 3, 4],
        ys: [{ label: 'v_t', values }],
        xLabel: 'iteration',
        yLabel: 'threshold',
        yUnit: 'V',
      }),
    );
    assert.ok(svg.includes('>iteration<') && svg.includes('>threshold (mV)<'));
    assert.equal(count(markGroup(svg, 'brian-marker'), '<circle'), 4);
    assert.ok(!svg.includes('>1.5<'), 'no fractional iteration ticks');
  });

  it('leaves markers off for many points and shows a key for several series', { skip }, async () => {
    const x = Array.from({ length: 100 }, (_, k) => k / 10);
    const ys = [
      { label: 'a', values: x.map((v) => v) },
      { label: 'b', values: x.map((v) => 2 * v) },
    ];
    const svg = await renderSvg(line({ x, ys, xLabel: 'x', yLabel: 'y' }));
    assert.equal(markGroup(svg, 'brian-marker'), '');
    assert.equal(markGroups(svg, 'brian-series').length, 2);
    assert.ok(svg.includes('>a<') && svg.includes('>b<'));
  });
});

describe('histogram', () => {
  it('draws one bar per bin with the unit on the x axis', { skip }, async () => {
    const values = Float64Array.from({ length: 500 }, (_, k) => 0.002 + (k % 50) * 1e-3);
    const svg = await renderSvg(histogram({ values, bins: 12, unit: 's', xLabel: 'ISI', title: 'ISI' }));
    assert.ok(svg.includes('>ISI (ms)<') && svg.includes('>count<'));
    assert.equal(count(markGroup(svg, 'brian-bar'), '<rect'), 12);
  });
});

describe('figure', () => {
  it('stacks panels under one title in a single standalone SVG', { skip }, async () => {
    const fig = figure(
      [
        raster({ t: run.spikes.t, i: run.spikes.i, title: 'A' }),
        rates({ t: run.rate.t, rate: run.rate.rate, title: 'B' }),
      ],
      { title: 'Both', width: 600 },
    );
    const svg = await renderSvg(fig);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="600"'));
    assert.ok(!svg.includes('<figure') && !svg.includes('<div'), 'no HTML inside');
    assert.equal(count(svg, /<svg[ >]/), 3, 'outer svg plus one per panel');
    assert.ok(svg.includes('>Both<') && svg.includes('>A<') && svg.includes('>B<'));
    const ys = [...svg.matchAll(/<svg y="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(ys.length, 2);
  });

  it('lays panels out in columns', { skip }, async () => {
    const p = () => line({ x: [0, 1], ys: [{ label: 'y', values: [0, 1] }], xLabel: 'x', yLabel: 'y' });
    const svg = await renderSvg(figure([p(), p(), p()], { columns: 2, width: 800 }));
    assert.equal(
      count(svg, /class="brian-panel" transform="translate\(0,/),
      2,
      'two panels in the first column',
    );
    assert.equal(count(svg, /class="brian-panel" transform="translate\(408,/), 1, 'one in the second');
  });

  it('rejects bad layouts', () => {
    assert.throws(() => figure([]), { code: 'bad_argument' });
    const p = raster({ t: [0], i: [0] });
    assert.throws(() => figure([p], { columns: 0 }), { code: 'bad_argument' });
    assert.throws(() => figure([p], { width: 100 }), { code: 'bad_argument' });
  });
});
