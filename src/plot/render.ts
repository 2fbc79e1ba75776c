/**
 * Drawing figures: panels → Observable Plot SVGs → one SVG document → PNG.
 *
 * Each panel is drawn by Plot as its own `<svg>` (without Plot's title or legend, which would turn
 * the output into HTML); this module nests those inside one outer `<svg>`, adding the figure title
 * and each panel's header strip. The result is a standalone SVG file that resvg turns into a PNG.
 */

import type { PlotOptions } from '@observablehq/plot';
import { loadResvg, loadSvgToolkit, type ModuleLoader, type SvgToolkit } from './dependencies.ts';
import { asFigure } from './figure.ts';
import { escapeXml, panelHeader } from './header.ts';
import { basePlotOptions, FONT, FONT_FAMILY, INK } from './style.ts';
import type { Figure, Panel, PlotPassThrough, SharedAxes } from './types.ts';

/** Options of {@link renderSvg}. */
export interface RenderOptions {
  /** How to load the plotting packages; default dynamic `import()`. Tests inject failures here. */
  loader?: ModuleLoader;
}

/** Options of {@link renderPng}. */
export interface PngOptions extends RenderOptions {
  /** Pixels per SVG px; default 2, sharp on high-resolution screens and in print. */
  zoom?: number;
}

const GAP_X = 16;
const GAP_Y = 10;
const TITLE_HEIGHT = 32;

/**
 * A figure or single panel as a standalone SVG document (a string).
 * @example
 * const svg = await renderSvg(raster({ t, i }));
 */
export async function renderSvg(what: Figure | Panel, options: RenderOptions = {}): Promise<string> {
  const fig = asFigure(what);
  const toolkit = await loadSvgToolkit(options.loader);
  const columnWidth = Math.floor((fig.width - GAP_X * (fig.columns - 1)) / fig.columns);
  const shared: SharedAxes = fig.shareTime ? { timeSpan: sharedTimeSpan(fig.panels) } : {};
  const cells = fig.panels.map((panel) => drawPanel(toolkit, panel, columnWidth, shared));
  const parts: string[] = [];
  let y = 0;
  if (fig.title) {
    parts.push(
      `<text x="${fig.width / 2}" y="${TITLE_HEIGHT - 10}" text-anchor="middle" font-size="${FONT.figureTitle}" font-weight="bold" fill="${INK}">${escapeXml(fig.title)}</text>`,
    );
    y = TITLE_HEIGHT;
  } else {
    y = 4;
  }
  for (let start = 0; start < cells.length; start += fig.columns) {
    const row = cells.slice(start, start + fig.columns);
    row.forEach((cell, k) => {
      parts.push(
        `<g class="brian-panel" transform="translate(${k * (columnWidth + GAP_X)},${y})">${cell.svg}</g>`,
      );
    });
    y += Math.max(...row.map((c) => c.height)) + GAP_Y;
  }
  const height = Math.ceil(y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fig.width}" height="${height}" viewBox="0 0 ${fig.width} ${height}"`,
    ` font-family="${FONT_FAMILY}" font-size="${FONT.tick}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    '</svg>\n',
  ].join('');
}

/**
 * A figure or single panel as PNG bytes (white background, `zoom` 2 by default).
 * @example
 * writeFileSync('raster.png', await renderPng(raster({ t, i })));
 */
export async function renderPng(what: Figure | Panel, options: PngOptions = {}): Promise<Uint8Array> {
  const svg = await renderSvg(what, options);
  return svgToPng(svg, options);
}

/** An SVG document (from {@link renderSvg}) as PNG bytes. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const Resvg = await loadResvg(options.loader);
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: options.zoom ?? 2 },
    font: { defaultFontFamily: 'DejaVu Sans', loadSystemFonts: true },
  });
  return resvg.render().asPng();
}

/** One panel as SVG markup for its grid cell: header strip, then Plot's axes nested below it. */
function drawPanel(
  toolkit: SvgToolkit,
  panel: Panel,
  width: number,
  shared: SharedAxes,
): { svg: string; height: number } {
  const drawing = panel.draw(toolkit, width, shared);
  const drawn = toolkit.Plot.plot({
    ...withPassThrough({ ...basePlotOptions(width, panel.height), ...drawing.options }, panel.plot),
    document: toolkit.document,
  }) as unknown as Element;
  // Plot wraps its <svg> in an HTML <figure> when a title or legend sneaks into the options.
  const plot = drawn.tagName.toLowerCase() === 'svg' ? drawn : drawn.querySelector('svg')!;
  // Plot gives ticks and axis labels one font size; labels read better a little larger.
  for (const g of Array.from(plot.querySelectorAll('g[aria-label$="axis label"]'))) {
    g.setAttribute('font-size', String(FONT.label));
  }
  const header = panelHeader(width, panel.title, panel.legend, [...panel.notes, ...(drawing.notes ?? [])]);
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(header.height));
  return { svg: header.svg + plot.outerHTML, height: header.height + panel.height };
}

/** The panel's options with the user's Observable Plot options laid over them (see {@link PlotPassThrough}). */
export function withPassThrough(own: PlotOptions, user: PlotPassThrough | undefined): PlotOptions {
  if (!user) return own;
  const merged: PlotOptions = { ...own, ...user };
  for (const scale of ['x', 'y', 'color'] as const) {
    if (own[scale] && user[scale]) merged[scale] = { ...own[scale], ...user[scale] };
  }
  if (user.marks) merged.marks = [...(own.marks ?? []), ...user.marks];
  return merged;
}

/** The union of the time ranges of the panels that have a time axis. */
function sharedTimeSpan(panels: readonly Panel[]): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of panels) {
    if (!p.timeSpan) continue;
    lo = Math.min(lo, p.timeSpan[0]);
    hi = Math.max(hi, p.timeSpan[1]);
  }
  return lo < hi ? [Math.min(0, lo), hi] : undefined;
}
