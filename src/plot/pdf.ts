/**
 * Figures as PDF (vector): the SVG document from {@link renderSvg} drawn into a one-page PDF by
 * PDFKit and svg-to-pdfkit, both optional packages loaded only when a PDF is asked for. Text uses
 * PDF's built-in Helvetica, so the file needs no embedded fonts and opens anywhere.
 */
import { concatBytes } from '../core/bytes.ts';
import { BrianError } from '../diagnostics/index.ts';
import type { ModuleLoader } from './dependencies.ts';
import { type RenderOptions, renderSvg } from './render.ts';
import type { Figure, Panel } from './types.ts';

/** The npm packages PDF output needs. */
export const PDF_PACKAGES = {
  /** PDFKit writes the file. */
  pdf: 'pdfkit',
  /** svg-to-pdfkit draws the SVG into it. */
  svg: 'svg-to-pdfkit',
} as const;

interface PdfDocument {
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end', listener: () => void): void;
  end(): void;
}
type PdfDocumentClass = new (options: Record<string, unknown>) => PdfDocument;
type SvgToPdf = (
  doc: PdfDocument,
  svg: string,
  x: number,
  y: number,
  options: Record<string, unknown>,
) => void;

/**
 * A figure or single panel as PDF bytes: one page the size of the figure (1 SVG px = 1 pt), vector
 * lines and text.
 * @example
 * writeFileSync('out/raster.pdf', await renderPdf(raster(M)));
 */
export async function renderPdf(what: Figure | Panel, options: RenderOptions = {}): Promise<Uint8Array> {
  const svg = await renderSvg(what, options);
  return svgToPdf(svg, options);
}

/** An SVG document (from {@link renderSvg}) as PDF bytes. */
export async function svgToPdf(svg: string, options: RenderOptions = {}): Promise<Uint8Array> {
  const [PDFDocument, toPdf] = await Promise.all([
    loadDefault<PdfDocumentClass>(PDF_PACKAGES.pdf, options.loader),
    loadDefault<SvgToPdf>(PDF_PACKAGES.svg, options.loader),
  ]);
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!size) throw new BrianError('bad_argument', 'svgToPdf(): the SVG has no width and height.');
  const doc = new PDFDocument({ size: [Number(size[1]), Number(size[2])], margin: 0, compress: true });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  toPdf(doc, svg, 0, 0, { assumePt: true });
  doc.end();
  await done;
  return concatBytes(chunks);
}

async function loadDefault<T>(specifier: string, loader: ModuleLoader | undefined): Promise<T> {
  let module: unknown;
  try {
    module = await (loader ? loader(specifier) : import(specifier));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new BrianError(
      'missing_dependency',
      `PDF output needs the npm package '${specifier}', but it could not be loaded (${reason}).`,
      { hint: `npm install ${Object.values(PDF_PACKAGES).join(' ')}` },
    );
  }
  // Both packages are CommonJS: under ESM their export sits on `default`.
  return ((module as { default?: T }).default ?? module) as T;
}
