/**
 * Spike raster: one dot per spike at (time, neuron index), as Brian's `plot(M.t/ms, M.i, '.k')`.
 *
 * All dots go into a single SVG path (a zero-length round-capped segment per spike) rather than one
 * element each, which keeps 10⁵–10⁶ spikes fast to build, write and rasterise. Above
 * {@link MERGE_ABOVE} spikes, a dot whose centre falls in the same quarter-pixel cell as one
 * already drawn is skipped (invisible at the PNG's zoom of 2); above {@link COARSE_ABOVE} the cells
 * are one pixel, which bounds the number of dots by the plot area (≈ 150 000 at the default size)
 * however many spikes there are. The panel notes how many dots were skipped.
 */

import { BrianError } from '../diagnostics/index.ts';
import { describeValue } from '../validation/describe-value.ts';
import { checkHeight, extent, formatCount, requireLength } from './data.ts';
import { axisLabel, type DisplayUnit, resolveUnit, toDisplay } from './display-unit.ts';
import { isSpikeMonitor, type SpikeMonitorLike, spikeMonitorOptions } from './from-monitors.ts';
import { type PlotValues, unwrap, unwrapTimes } from './inputs.ts';
import { axis } from './style.ts';
import { integerTicks } from './ticks.ts';
import type { Panel, PanelDrawing, PanelOptions, SharedAxes } from './types.ts';

/** Spike counts above this have dots in the same quarter-pixel cell merged (see the module comment). */
export const MERGE_ABOVE = 20_000;
/** Spike counts above this have dots in the same one-pixel cell merged. */
export const COARSE_ABOVE = 200_000;

/** Options of {@link raster}. */
export interface RasterOptions extends PanelOptions {
  /** Spike times: a quantity array (`M.t`) or numbers in seconds. No spikes draws empty axes noted `no spikes`. */
  t: PlotValues;
  /** Neuron index of each spike (`M.i`), same length as `t`. */
  i: ArrayLike<number>;
  /** Unit of the time axis; default: picked from the times (`ms` for runs under 1 s). */
  timeUnit?: DisplayUnit;
  /** Time axis range in seconds, e.g. `[0, duration]`; default: from 0 (or the first spike) to the last spike. */
  tRange?: readonly [number, number];
  /** Size of the group, so that the index axis shows silent neurons too; default: up to the highest index. */
  size?: number;
  /** Index axis label; default `neuron index`. */
  yLabel?: string;
  /** Dot colour; default black. */
  color?: string;
}

/**
 * A spike raster panel.
 * @example
 * const panel = raster({ t: M.t, i: M.i, size: 100, title: 'Spikes' }); // or raster(M)
 * await saveFigure(figure([panel]), 'out/raster');
 */
export function raster(options: RasterOptions): Panel;
/** A raster of everything a SpikeMonitor recorded: `raster(M)`, `raster(M, { title })`. */
export function raster(monitor: SpikeMonitorLike, options?: Partial<RasterOptions>): Panel;
export function raster(given: RasterOptions | SpikeMonitorLike, extra?: Partial<RasterOptions>): Panel {
  const fn = 'raster';
  if (isSpikeMonitor(given)) return raster(spikeMonitorOptions(given, extra));
  const options = given;
  if (options === null || typeof options !== 'object') {
    throw new BrianError(
      'bad_argument',
      `${fn}(): expects { t, i } or a SpikeMonitor, got ${describeValue(options)}.`,
    );
  }
  const times = unwrapTimes(options.t, 't', fn, false);
  const index = unwrap(options.i, 'i', fn).values;
  requireLength(index, times.length, 'i', fn);
  checkHeight(options.height, fn);
  const n = times.length;
  const dataSpan = extent(times);
  const iSpan = extent(index);
  const lo = options.size !== undefined ? 0 : (iSpan?.[0] ?? 0);
  const hi = options.size !== undefined ? options.size - 1 : (iSpan?.[1] ?? 0);
  const yDomain: [number, number] = [lo - 0.5, hi + 0.5];
  const color = options.color ?? 'black';

  const draw = (_toolkit: unknown, _width: number, shared?: SharedAxes): PanelDrawing => {
    const range = options.tRange ?? shared?.timeSpan;
    const tSpan = range ?? dataSpan ?? [0, 1];
    const timeUnit = resolveUnit(options.timeUnit, tSpan, 's');
    const t = toDisplay(times, timeUnit);
    const xDomain = (range ? [...range] : [Math.min(0, tSpan[0]), tSpan[1]]).map((v) => v / timeUnit.scale);
    if (!(xDomain[1] > xDomain[0])) xDomain[1] = xDomain[0] + 1;
    const notes: string[] = [];
    const spikesMark = (
      _index: unknown,
      scales: { x?: (v: number) => number; y?: (v: number) => number },
      _values: unknown,
      dims: { width: number; height: number; marginTop: number; marginBottom: number; marginLeft: number },
      context: { document: Document },
    ) => {
      const sx = scales.x!;
      const sy = scales.y!;
      const plotHeight = dims.height - dims.marginTop - dims.marginBottom;
      const rowHeight = plotHeight / (yDomain[1] - yDomain[0]);
      const radius = Math.min(1.6, Math.max(0.5, rowHeight * 0.4));
      const perPx = n > COARSE_ABOVE ? 1 : 4; // merge cells per px along each axis
      const rowCells = dims.width * perPx;
      const merge = n > MERGE_ABOVE ? new Uint8Array(rowCells * dims.height * perPx) : undefined;
      const parts: string[] = [];
      let drawn = 0;
      let merged = 0;
      for (let k = 0; k < n; k++) {
        const tk = t[k];
        const ik = index[k];
        if (!(tk >= xDomain[0] && tk <= xDomain[1] && ik >= yDomain[0] && ik <= yDomain[1])) continue;
        const x = sx(tk);
        const y = sy(ik);
        if (merge) {
          const cell = Math.floor(y * perPx) * rowCells + Math.floor(x * perPx);
          if (merge[cell]) {
            merged++;
            continue;
          }
          merge[cell] = 1;
        }
        parts.push(`M${x.toFixed(2)} ${y.toFixed(2)}h0`);
        drawn++;
      }
      const g = context.document.createElementNS('http://www.w3.org/2000/svg', 'g');
      g.setAttribute('aria-label', 'spikes');
      g.setAttribute('data-spikes', String(n));
      g.setAttribute('data-marks', String(drawn));
      if (drawn > 0) {
        const path = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
        path.setAttribute('fill', 'none');
        path.setAttribute('stroke', color);
        path.setAttribute('stroke-width', (2 * radius).toFixed(2));
        path.setAttribute('stroke-linecap', 'round');
        path.setAttribute('d', parts.join(''));
        g.appendChild(path);
      }
      notes.push(spikeNote(n, merged));
      return g as unknown as SVGElement;
    };
    return {
      options: {
        x: axis(axisLabel('t', timeUnit), { domain: xDomain }),
        y: axis(options.yLabel ?? 'neuron index', {
          domain: yDomain,
          ticks: integerTicks(lo, hi),
          tickFormat: 'd',
        }),
        marks: [spikesMark],
      },
      notes,
    };
  };

  return {
    type: 'panel',
    kind: fn,
    title: options.title,
    height: options.height ?? 260,
    legend: [],
    notes: [],
    timeSpan: options.tRange ?? (dataSpan ? [Math.min(0, dataSpan[0]), dataSpan[1]] : undefined),
    plot: options.plot,
    draw,
  };
}

function spikeNote(total: number, merged: number): string {
  if (total === 0) return 'no spikes';
  const base = `${formatCount(total)} spike${total === 1 ? '' : 's'}`;
  return merged === 0 ? base : `${base} (${formatCount(merged)} hidden under overlapping dots)`;
}
