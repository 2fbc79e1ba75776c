/**
 * The look shared by every panel: font, sizes, margins and axis defaults. One place to tune it.
 */
import type { PlotOptions, ScaleOptions } from '@observablehq/plot';

/** DejaVu Sans ships with most Linux systems and is what resvg finds; the rest are fallbacks. */
export const FONT_FAMILY = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export const FONT = {
  tick: 11,
  label: 12,
  panelTitle: 13,
  figureTitle: 16,
  legend: 11,
  note: 10,
} as const;

export const INK = '#222222';
export const MUTED = '#666666';
export const REFERENCE_LINE = '#999999';

/** Margins of the plot area inside a panel: room for tick labels and a rotated y label. */
export const MARGIN = { top: 8, right: 24, bottom: 42, left: 64 } as const;

/** Default figure width in px (PNG files are written at zoom 2, so twice this). */
export const DEFAULT_WIDTH = 800;

/** Rough width of a text in DejaVu Sans at `size` px (average glyph ≈ 0.6 em), for layout only. */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.6;
}

/** Axis options for a scientific look: label centred along the axis, no arrow, axis line drawn. */
export function axis(label: string, extra: ScaleOptions = {}): ScaleOptions {
  return { label, labelAnchor: 'center', labelArrow: 'none', line: true, ...extra };
}

/** The options every panel's `Plot.plot` call starts from. */
export function basePlotOptions(width: number, height: number): PlotOptions {
  return {
    width,
    height,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    style: { fontFamily: FONT_FAMILY, fontSize: `${FONT.tick}px`, color: INK, background: 'white' },
  };
}
