/**
 * Writing figures to disk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BrianError } from '../diagnostics/index.ts';
import { svgToPdf } from './pdf.ts';
import { type PngOptions, renderSvg, svgToPng } from './render.ts';
import type { Figure, Panel } from './types.ts';

/** The file formats {@link saveFigure} writes. */
export type FigureFormat = 'svg' | 'png' | 'pdf';

/** Options of {@link saveFigure}. */
export interface SaveOptions extends PngOptions {
  /** Which files to write; default `['svg', 'png']`. */
  formats?: readonly FigureFormat[];
}

/** The files {@link saveFigure} wrote, by format (only those asked for). */
export interface SavedFigure {
  /** Path of the SVG file. */
  readonly svg?: string;
  /** Path of the PNG file. */
  readonly png?: string;
  /** Path of the PDF file. */
  readonly pdf?: string;
}

/**
 * Writes `<path>.svg` and `<path>.png` (white background, zoom 2 unless `zoom` says otherwise), or
 * the `formats` asked for (`pdf` for a vector PDF), creating missing folders. A trailing `.svg`,
 * `.png` or `.pdf` on `path` is ignored.
 * @example
 * const { png } = await saveFigure(figure([raster(M)]), 'results/raster');
 * // results/raster.svg and results/raster.png
 * await saveFigure(raster(M), 'results/raster', { formats: ['pdf'] }); // results/raster.pdf
 */
export async function saveFigure(
  what: Figure | Panel,
  path: string,
  options: SaveOptions = {},
): Promise<SavedFigure> {
  const formats = options.formats ?? ['svg', 'png'];
  const unknown = formats.filter((f) => !['svg', 'png', 'pdf'].includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new BrianError(
      'bad_argument',
      `saveFigure(): 'formats' must list some of 'svg', 'png', 'pdf', got [${formats.join(', ')}].`,
    );
  }
  const base = path.replace(/\.(svg|png|pdf)$/i, '');
  const svg = await renderSvg(what, options);
  const files: Record<string, string | Uint8Array> = {};
  if (formats.includes('svg')) files.svg = svg;
  if (formats.includes('png')) files.png = await svgToPng(svg, options);
  if (formats.includes('pdf')) files.pdf = await svgToPdf(svg, options);
  await mkdir(dirname(base), { recursive: true });
  const written: Record<string, string> = {};
  await Promise.all(
    Object.entries(files).map(([format, data]) => {
      written[format] = `${base}.${format}`;
      return writeFile(written[format], data);
    }),
  );
  return written as SavedFigure;
}
