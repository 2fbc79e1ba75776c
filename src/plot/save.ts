/**
 * Writing figures to disk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type PngOptions, renderSvg, svgToPng } from './render.ts';
import type { Figure, Panel } from './types.ts';

/** The files {@link saveFigure} wrote. */
export interface SavedFigure {
  readonly svg: string;
  readonly png: string;
}

/**
 * Writes `<path>.svg` and `<path>.png` (white background, zoom 2 unless `zoom` says otherwise),
 * creating missing folders. A trailing `.svg` or `.png` on `path` is ignored.
 * @example
 * const { png } = await saveFigure(figure([raster({ t, i })]), 'results/raster');
 * // results/raster.svg and results/raster.png
 */
export async function saveFigure(
  what: Figure | Panel,
  path: string,
  options: PngOptions = {},
): Promise<SavedFigure> {
  const base = path.replace(/\.(svg|png)$/i, '');
  const svg = await renderSvg(what, options);
  const png = await svgToPng(svg, options);
  await mkdir(dirname(base), { recursive: true });
  const written = { svg: `${base}.svg`, png: `${base}.png` };
  await Promise.all([writeFile(written.svg, svg), writeFile(written.png, png)]);
  return written;
}
