/**
 * The two values the plotting functions pass around: a {@link Panel} (one set of axes) and a
 * {@link Figure} (panels laid out together). Both are plain descriptions; nothing is drawn and
 * no plotting package is loaded until `renderSvg`, `renderPng` or `saveFigure` is called.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { SvgToolkit } from './dependencies.ts';
import type { PlotValues } from './inputs.ts';

/** One entry of a panel's key: a coloured swatch and its text. Drawn as SVG text, never as HTML. */
export interface LegendEntry {
  /** The text of the entry. */
  readonly label: string;
  /** CSS colour of the swatch. */
  readonly color: string;
  /** `line` for a line sample (default), `dash` for a dashed reference line, `dot` for markers. */
  readonly symbol?: 'line' | 'dash' | 'dot';
}

/** What a panel's builder returns when the figure is drawn. */
export interface PanelDrawing {
  /** The Observable Plot options of the panel. */
  readonly options: PlotOptions;
  /** Remarks decided while drawing, e.g. that overlapping raster dots were merged. */
  readonly notes?: readonly string[];
}

/** One set of axes, made by `raster`, `traces`, `rates`, `line` or `histogram`. */
export interface Panel {
  /** Tells panels from figures. */
  readonly type: 'panel';
  /** Which function made it. */
  readonly kind: string;
  /** Bold text above the axes. */
  readonly title?: string;
  /** Height in px of the axes area including tick labels (title, key and notes come on top). */
  readonly height: number;
  /** The key drawn above the axes, right-aligned. Empty for single-series panels. */
  readonly legend: readonly LegendEntry[];
  /** Small grey remarks drawn under the axes (e.g. how much data was thinned out). */
  readonly notes: readonly string[];
  /** The time range of the data in seconds, for panels with a time axis (shared by `figure({ shareTime })`). */
  readonly timeSpan?: readonly [number, number];
  /** Observable Plot options given by the user, applied over the panel's own (see {@link PanelOptions.plot}). */
  readonly plot?: PlotPassThrough;
  /**
   * Makes the Observable Plot options for a panel `width` px wide. Called at render time, once the
   * plotting packages are loaded; not meant to be called by users.
   */
  readonly draw: (toolkit: SvgToolkit, width: number, shared?: SharedAxes) => PanelDrawing;
}

/** What the panels of one figure share when drawn: the time range of `figure({ shareTime: true })`. */
export interface SharedAxes {
  /** Time axis range in seconds, the union of every time panel's range. */
  readonly timeSpan?: readonly [number, number];
}

/**
 * Observable Plot options passed through to `Plot.plot` for one panel. Top-level options replace the
 * panel's own; `x`, `y` and `color` scale options are merged into the panel's scales; `marks` are
 * drawn after (over) the panel's marks.
 */
export type PlotPassThrough = Partial<PlotOptions>;

/** Panels laid out in a grid (one column by default), with an optional overall title. */
export interface Figure {
  /** Tells figures from panels. */
  readonly type: 'figure';
  /** The panels, in reading order. */
  readonly panels: readonly Panel[];
  /** Large bold text above all panels. */
  readonly title?: string;
  /** Total width in px. */
  readonly width: number;
  /** Panels per row; rows are filled left to right. */
  readonly columns: number;
  /** Whether panels with a time axis show the same time range. */
  readonly shareTime: boolean;
}

/** Options every panel function accepts. */
export interface PanelOptions {
  /** Bold text above the axes. */
  title?: string;
  /** Height of the axes area in px (each kind has its own default). */
  height?: number;
  /**
   * Observable Plot options for this panel, passed through to `Plot.plot`, e.g.
   * `{ y: { type: 'log' }, marks: [Plot.ruleX([0.1])] }` (see {@link PlotPassThrough}).
   */
  plot?: PlotPassThrough;
}

/** One named series of values, e.g. `v` of neuron 3: `{ label: 'neuron 3', values: M.v[3] }`. */
export interface Series {
  /** Text in the key; optional for a single series. */
  readonly label?: string;
  /** A quantity array (`M.v[3]`, `G.v`) or numbers in SI units. */
  readonly values: PlotValues;
}
