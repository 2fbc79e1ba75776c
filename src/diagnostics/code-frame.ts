import type { SourceText, Span } from './span.ts';

/**
 * Renders the lines of `source` that `span` touches, with a caret line under the offending text:
 *
 *   2 | dv/dt = (El - v)/tau^2 : volt
 *     |                     ^
 */
export function codeFrame(source: SourceText, span: Span): string {
  const text = source.text;
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', Math.max(end - 1, start));
  if (lineEnd === -1) lineEnd = text.length;
  const firstLine = source.locate(lineStart).line;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const width = String(firstLine + lines.length - 1).length;
  const out: string[] = [];
  let offset = lineStart;
  lines.forEach((lineText, k) => {
    const number = String(firstLine + k).padStart(width);
    out.push(`${number} | ${lineText}`);
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + lineText.length) - offset;
    if (from <= lineText.length && (to > from || (start === end && k === 0))) {
      const caretCount = Math.max(1, to - from);
      out.push(`${' '.repeat(width)} | ${' '.repeat(from)}${'^'.repeat(caretCount)}`);
    }
    offset += lineText.length + 1;
  });
  return out.join('\n');
}
