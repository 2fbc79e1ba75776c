/**
 * Marks shared by the line-based panels (traces, rates, line): series lines thinned to screen
 * resolution, dashed reference lines with a text label, and the key for many series.
 */
import type * as PlotModule from '@observablehq/plot';
import type { Markish } from '@observablehq/plot';
import { decimationIndex, pick } from './decimate.ts';
import type { DisplayUnit } from './display-unit.ts';
import { seriesColors } from './palette.ts';
import { FONT, REFERENCE_LINE } from './style.ts';
import type { LegendEntry } from './types.ts';

/** A horizontal reference line, e.g. the firing threshold. `y` is in SI, like the series. */
export interface ReferenceLine {
  /** Height of the line, in SI like the series. */
  readonly y: number;
  /** Text drawn just above the line's right end. */
  readonly label?: string;
}

/** Room in px above the highest data for the label of a reference line drawn at the top. */
export function referenceInset(lines: readonly ReferenceLine[]): number {
  return lines.some((l) => l.label) ? 14 : 4;
}

/** At most this many series get one key entry each; more are summarised. */
export const MAX_LEGEND_ENTRIES = 12;

/** One line mark per series, each thinned to about two points per output pixel column. */
export function seriesLines(
  Plot: typeof PlotModule,
  x: Float64Array,
  ys: readonly Float64Array[],
  colors: readonly string[],
  plotWidth: number,
  options: { strokeWidth?: number; markers?: boolean } = {},
): Markish[] {
  const strokeWidth = options.strokeWidth ?? (ys.length > 10 ? 0.9 : 1.4);
  return ys.flatMap((y, k) => {
    const keep = decimationIndex(x, y, plotWidth * 2);
    const xs = pick(x, keep);
    const vs = pick(y, keep);
    const data = { length: keep.length };
    const marks: Markish[] = [
      Plot.line(data, { x: xs, y: vs, stroke: colors[k], strokeWidth, className: 'brian-series' }),
    ];
    if (options.markers)
      marks.push(Plot.dot(data, { x: xs, y: vs, fill: colors[k], r: 2.5, className: 'brian-marker' }));
    return marks;
  });
}

/**
 * Dashed horizontal lines, each labelled just above its right end. The rules go under the data and
 * the labels over it (with a white halo), so callers place the two parts around the series marks.
 */
export function referenceMarks(
  Plot: typeof PlotModule,
  lines: readonly ReferenceLine[],
  unit: DisplayUnit,
): { rules: Markish[]; labels: Markish[] } {
  if (lines.length === 0) return { rules: [], labels: [] };
  const ys = lines.map((l) => l.y / unit.scale);
  const labelled = lines.flatMap((l, k) => (l.label ? [{ y: ys[k], label: l.label }] : []));
  const rules = [
    Plot.ruleY(ys, {
      stroke: REFERENCE_LINE,
      strokeDasharray: '5,4',
      strokeWidth: 1,
      className: 'brian-reference',
    }),
  ];
  const labels = [
    Plot.text(labelled, {
      y: 'y',
      text: 'label',
      frameAnchor: 'right',
      textAnchor: 'end',
      dx: -4,
      dy: -7,
      fill: '#555555',
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
      fontSize: FONT.legend,
      className: 'brian-reference-label',
    }),
  ];
  return { rules, labels };
}

/** Colours for `labels.length` series and their key; many series get a first…last summary. */
export function seriesKey(labels: readonly string[]): {
  colors: string[];
  legend: LegendEntry[];
  notes: string[];
} {
  const colors = seriesColors(labels.length);
  if (labels.length <= 1) return { colors, legend: [], notes: [] };
  if (labels.length <= MAX_LEGEND_ENTRIES) {
    return { colors, legend: labels.map((label, k) => ({ label, color: colors[k] })), notes: [] };
  }
  const last = labels.length - 1;
  return {
    colors,
    legend: [
      { label: labels[0], color: colors[0] },
      { label: labels[last], color: colors[last] },
    ],
    notes: [`${labels.length} series, coloured in order`],
  };
}
