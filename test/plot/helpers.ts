/** Shared helpers for the plotting tests. */
import { PLOT_PACKAGES } from '../../src/plot/index.ts';

/** Whether the optional plotting packages are installed; render tests are skipped otherwise. */
export async function plottingAvailable(): Promise<boolean> {
  try {
    await Promise.all(Object.values(PLOT_PACKAGES).map((p) => import(p)));
    return true;
  } catch {
    return false;
  }
}

/** The `skip` option for render tests: false, or the reason to skip. */
export const skipUnlessPlotting = (await plottingAvailable())
  ? false
  : 'optional plotting packages not installed';

/** How often `needle` occurs in `text`. */
export function count(text: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return text.split(needle).length - 1;
  return (text.match(new RegExp(needle.source, 'g')) ?? []).length;
}

/** The `<g class="…">…</g>` group of a mark, by its class name (first match). */
export function markGroup(svg: string, className: string): string {
  const start = svg.indexOf(`class="${className}"`);
  if (start < 0) return '';
  const open = svg.lastIndexOf('<g', start);
  return svg.slice(open, svg.indexOf('</g>', start) + 4);
}

/** Every mark group with this class name. */
export function markGroups(svg: string, className: string): string[] {
  const out: string[] = [];
  let rest = svg;
  for (;;) {
    const g = markGroup(rest, className);
    if (!g) return out;
    out.push(g);
    rest = rest.slice(rest.indexOf(g) + g.length);
  }
}
