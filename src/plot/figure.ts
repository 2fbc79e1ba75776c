/**
 * Putting panels together.
 */
import { BrianError } from '../diagnostics/index.ts';
import { DEFAULT_WIDTH } from './style.ts';
import type { Figure, Panel } from './types.ts';

/** Options of {@link figure}. */
export interface FigureOptions {
  /** Large bold text above all panels. */
  title?: string;
  /** Total width in px; default 800. PNG files are written at twice this. */
  width?: number;
  /** Panels per row, filled left to right; default 1 (panels stacked vertically). */
  columns?: number;
  /**
   * Give every panel with a time axis (raster, traces, rates) the same time range, the union of
   * their data (as matplotlib's `sharex=True`); a panel's own `tRange` still wins. Default false.
   */
  shareTime?: boolean;
}

/**
 * Lays panels out in a grid: stacked vertically by default, or `columns` per row.
 * @example
 * const fig = figure([raster({ t, i }), traces({ t: tv, series, unit: 'V' })], { title: 'CUBA network' });
 * await saveFigure(fig, 'out/cuba');
 */
export function figure(panels: readonly Panel[], options: FigureOptions = {}): Figure {
  if (!Array.isArray(panels) || panels.length === 0 || panels.some((p) => p?.type !== 'panel')) {
    throw new BrianError(
      'bad_argument',
      'figure(): expects a non-empty array of panels (from raster(), traces()…).',
    );
  }
  const width = options.width ?? DEFAULT_WIDTH;
  const columns = options.columns ?? 1;
  if (!(Number.isInteger(columns) && columns >= 1)) {
    throw new BrianError('bad_argument', `figure(): 'columns' must be a whole number ≥ 1, got ${columns}.`);
  }
  if (!(Number.isFinite(width) && width >= 200 * columns)) {
    throw new BrianError(
      'bad_argument',
      `figure(): 'width' must be at least 200 px per column (${200 * columns} px here), got ${width}.`,
    );
  }
  return {
    type: 'figure',
    panels: [...panels],
    title: options.title,
    width,
    columns,
    shareTime: options.shareTime ?? false,
  };
}

/** A figure as it is, or a single panel wrapped in a default figure. */
export function asFigure(what: Figure | Panel): Figure {
  if (what?.type === 'figure') return what;
  if (what?.type === 'panel') return figure([what]);
  throw new BrianError(
    'bad_argument',
    'expected a figure (from figure()) or a panel (from raster(), traces()…).',
  );
}
