/**
 * The strip above each panel's axes: the title on the left, then the key (coloured swatches with
 * labels) and notes, wrapped onto further lines when they do not fit. Drawn as plain SVG, because
 * Observable Plot's own legends are HTML and disappear from a standalone SVG file.
 */
import { FONT, INK, MARGIN, MUTED, textWidth } from './style.ts';
import type { LegendEntry } from './types.ts';

const LINE_HEIGHT = 18;
const SWATCH = 18;
const GAP = 14;

interface Item {
  readonly width: number;
  readonly svg: (x: number, baseline: number) => string;
}

/** SVG for the header of a panel `width` px wide, and its height. */
export function panelHeader(
  width: number,
  title: string | undefined,
  legend: readonly LegendEntry[],
  notes: readonly string[],
): { svg: string; height: number } {
  const items = [...legend.map(legendItem), ...notes.map(noteItem)];
  if (!title && items.length === 0) return { svg: '', height: 6 };
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const parts: string[] = [];
  if (title) {
    parts.push(
      `<text x="${left}" y="${LINE_HEIGHT - 5}" font-size="${FONT.panelTitle}" font-weight="bold" fill="${INK}">${escapeXml(title)}</text>`,
    );
  }
  // First line: what fits right of the title; further lines use the full width.
  const titleEnd = title ? left + textWidth(title, FONT.panelTitle) * 1.05 + 2 * GAP : left;
  const lines: Item[][] = [[]];
  let room = right - titleEnd;
  for (const item of items) {
    const line = lines[lines.length - 1];
    const need = item.width + (line.length ? GAP : 0);
    if (need > room && (line.length > 0 || lines.length === 1)) {
      lines.push([item]);
      room = right - left - item.width;
    } else {
      line.push(item);
      room -= need;
    }
  }
  lines.forEach((line, row) => {
    // Right-aligned, like a key in the upper right corner of the axes.
    let x = right - line.reduce((sum, item, k) => sum + item.width + (k ? GAP : 0), 0);
    for (const item of line) {
      parts.push(item.svg(x, (row + 1) * LINE_HEIGHT - 5));
      x += item.width + GAP;
    }
  });
  return { svg: parts.join(''), height: lines.length * LINE_HEIGHT + 4 };
}

function legendItem(entry: LegendEntry): Item {
  const label = escapeXml(entry.label);
  return {
    width: SWATCH + 5 + textWidth(entry.label, FONT.legend),
    svg: (x, baseline) => {
      const y = baseline - FONT.legend * 0.35;
      const swatch =
        entry.symbol === 'dot'
          ? `<circle cx="${x + SWATCH / 2}" cy="${y}" r="3" fill="${entry.color}"/>`
          : `<line x1="${x}" x2="${x + SWATCH}" y1="${y}" y2="${y}" stroke="${entry.color}" stroke-width="2"${
              entry.symbol === 'dash' ? ' stroke-dasharray="4,3"' : ''
            }/>`;
      return `${swatch}<text x="${x + SWATCH + 5}" y="${baseline}" font-size="${FONT.legend}" fill="${INK}">${label}</text>`;
    },
  };
}

function noteItem(note: string): Item {
  return {
    width: textWidth(note, FONT.note),
    svg: (x, baseline) =>
      `<text x="${x}" y="${baseline}" font-size="${FONT.note}" font-style="italic" fill="${MUTED}">${escapeXml(note)}</text>`,
  };
}

/** Text made safe for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
