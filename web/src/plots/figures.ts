import type { Results } from '../results.ts';
import { done, frame, timeAxis } from './axes.ts';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

export interface Canvases {
  readonly raster: HTMLCanvasElement;
  readonly traces: HTMLCanvasElement;
  readonly rate: HTMLCanvasElement;
}

/** Draws the three figures from the results received so far. */
export function drawFigures(canvases: Canvases, results: Results): void {
  const { panels, duration } = results;
  const time = timeAxis(duration);
  const x = { min: 0, max: duration, label: time.label, scale: time.scale };
  canvases.raster.hidden = !panels.spikes;
  canvases.traces.hidden = !panels.traces;
  canvases.rate.hidden = !panels.rate;

  if (panels.spikes) {
    const size = panels.spikes.size;
    const f = frame(canvases.raster, {
      title: `${panels.spikes.label} (${results.spikeT.length} spikes)`,
      x,
      y: { min: -0.5, max: size - 0.5, label: 'neuron index' },
    });
    const i = results.spikeI.values;
    const t = results.spikeT.values;
    const dot = size > 500 ? 1.2 : 2;
    f.ctx.fillStyle = '#111';
    for (let k = 0; k < t.length; k++) f.ctx.fillRect(f.x(t[k]) - dot / 2, f.y(i[k]) - dot / 2, dot, dot);
    done(f);
  }

  if (panels.traces) {
    const { unit, names, label } = panels.traces;
    const scale = panels.traces.scale;
    const t = results.traceT.values;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const column of results.traces) {
      for (const v of column.values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(hi >= lo)) [lo, hi] = [0, 1];
    const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1 / scale;
    const f = frame(canvases.traces, {
      title: label,
      x,
      y: { min: lo - pad, max: hi + pad, label: unit ? `${label} (${unit})` : label, scale },
    });
    results.traces.forEach((column, k) => {
      const v = column.values;
      f.ctx.strokeStyle = COLORS[k % COLORS.length];
      f.ctx.beginPath();
      for (let s = 0; s < v.length; s++) {
        if (s === 0) f.ctx.moveTo(f.x(t[s]), f.y(v[s]));
        else f.ctx.lineTo(f.x(t[s]), f.y(v[s]));
      }
      f.ctx.stroke();
    });
    done(f);
    legend(canvases.traces, names);
  }

  if (panels.rate) {
    const { centres, rates } = binnedRate(results.rateT.values, results.rate.values, duration);
    let hi = 1;
    for (const r of rates) if (r > hi) hi = r;
    const f = frame(canvases.rate, {
      title: `${panels.rate.label} (bins of ${formatBin(duration / BINS)})`,
      x,
      y: { min: 0, max: hi * 1.05, label: 'rate (Hz)' },
    });
    f.ctx.strokeStyle = '#23395d';
    f.ctx.beginPath();
    for (let b = 0; b < rates.length; b++) {
      if (b === 0) f.ctx.moveTo(f.x(centres[b]), f.y(rates[b]));
      else f.ctx.lineTo(f.x(centres[b]), f.y(rates[b]));
    }
    f.ctx.stroke();
    done(f);
  }
}

const BINS = 400;

/** The per-step population rate averaged in BINS bins over the run (bins not yet reached are left out). */
function binnedRate(t: Float64Array, rate: Float64Array, duration: number) {
  const sums = new Float64Array(BINS);
  const counts = new Int32Array(BINS);
  for (let k = 0; k < t.length; k++) {
    const b = Math.min(BINS - 1, Math.floor((t[k] / duration) * BINS));
    sums[b] += rate[k];
    counts[b]++;
  }
  const centres: number[] = [];
  const rates: number[] = [];
  for (let b = 0; b < BINS; b++) {
    if (counts[b] === 0) continue;
    centres.push(((b + 0.5) * duration) / BINS);
    rates.push(sums[b] / counts[b]);
  }
  return { centres, rates };
}

function formatBin(seconds: number): string {
  return seconds < 1 ? `${Number((seconds * 1e3).toPrecision(3))} ms` : `${Number(seconds.toPrecision(3))} s`;
}

function legend(canvas: HTMLCanvasElement, names: readonly string[]): void {
  const ctx = canvas.getContext('2d')!;
  ctx.textAlign = 'right';
  let x = canvas.width - 20;
  for (let k = names.length - 1; k >= 0; k--) {
    ctx.fillStyle = COLORS[k % COLORS.length];
    ctx.fillText(names[k], x, 18);
    x -= ctx.measureText(names[k]).width + 16;
  }
}
