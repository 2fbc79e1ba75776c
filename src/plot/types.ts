/**
 * The two values the plotting functions pass around: a {@link Panel} (one set of axes) and a
 * {@link Figure} (panels laid out together). Both are plain descriptions; nothing is drawn and
 * no plotting package is loaded until `renderSvg`, `renderPng` or `saveFigure` is called.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { SvgToolkit } from './dependencies.ts';

/** One entry of a panel's key: a coloured swatch and its text. Drawn as SVG text, never as HTML. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** `line` for a line sample (default), `dash` for a dashed reference line, `dot` for markers. */
  readonly symbol?: 'line' | 'dash' | 'dot';
}

/** What a panel's builder returns when the figure is drawn. */
export interface PanelDrawing {
  readonly options: PlotOptions;
  /** Remarks decided while drawing, e.g. that overlapping raster dots were merged. */
  readonly notes?: readonly string[];
}

/** One set of axes, made by `raster`, `traces`, `rates`, `line` or `histogram`. */
export interface Panel {
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
  /**
   * Makes the Observable Plot options for a panel `width` px wide. Called at render time, once the
   * plotting packages are loaded; not meant to be called by users.
   */
  readonly draw: (toolkit: SvgToolkit, width: number) => PanelDrawing;
}

/** Panels laid out in a grid (one column by default), with an optional overall title. */
export interface Figure {
  readonly type: 'figure';
  readonly panels: readonly Panel[];
  readonly title?: string;
  /** Total width in px. */
  readonly width: number;
  /** Panels per row; rows are filled left to right. */
  readonly columns: number;
}

/** Options every panel function accepts. */
export interface PanelOptions {
  /** Bold text above the axes. */
  title?: string;
  /** Height of the axes area in px (each kind has its own default). */
  height?: number;
}

/** One named series of values, e.g. `v` of neuron 3. */
export interface Series {
  readonly label: string;
  readonly values: ArrayLike<number>;
}
