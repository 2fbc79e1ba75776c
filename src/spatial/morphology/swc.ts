import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText, type Span } from '../../diagnostics/span.ts';
import type { MorphologyPoint, PointSpans } from './from-points.ts';

/** SWC type numbers Brian turns into section names; other types give unnamed sections. */
const SWC_TYPES: Readonly<Record<string, string>> = { '1': 'soma', '2': 'axon', '3': 'dend', '4': 'apic' };

const FIELDS = ['index', 'type', 'x', 'y', 'z', 'radius', 'parent'] as const;

/**
 * The points of an SWC file (neuromorpho.org's format, as Brian reads it): after optional
 * `#` comment lines, one point per line, `index type x y z radius parent`, lengths in µm.
 * A malformed line is a `morphology_format` error pointing at the line and field.
 */
export function parseSwc(
  text: string,
  label = 'SWC file',
): { points: MorphologyPoint[]; spans: PointSpans[] } {
  const source = new SourceText(text, label);
  const points: MorphologyPoint[] = [];
  const spans: PointSpans[] = [];
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((raw, lineNo) => {
    const start = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const fields: Span[] = [];
    const values: string[] = [];
    for (const m of raw.matchAll(/\S+/g)) {
      values.push(m[0]);
      fields.push({ start: start + m.index, end: start + m.index + m[0].length, source });
    }
    const lineSpan: Span = {
      start: start + raw.indexOf(line),
      end: start + raw.indexOf(line) + line.length,
      source,
    };
    if (values.length !== 7) {
      throw new BrianError(
        'morphology_format',
        `Each line of an SWC file has to contain 7 space-separated entries (${FIELDS.join(' ')}), but line ${lineNo + 1} contains ${values.length}.`,
        { span: lineSpan },
      );
    }
    const number = (k: number, integer: boolean): number => {
      const value = integer ? parseInteger(values[k]) : parseFloatStrict(values[k]);
      if (value === undefined) {
        throw new BrianError(
          'morphology_format',
          `Line ${lineNo + 1} of the SWC file: the ${FIELDS[k]} '${values[k]}' is not ${integer ? 'an integer' : 'a number'}.`,
          { span: fields[k] },
        );
      }
      return value;
    };
    points.push([
      number(0, true),
      SWC_TYPES[values[1]],
      number(2, false),
      number(3, false),
      number(4, false),
      2 * number(5, false),
      number(6, true),
    ]);
    spans.push({ line: lineSpan, fields });
  });
  return { points, spans };
}

/** Python's `int()` of a string: optional sign, digits (underscores between digits allowed). */
function parseInteger(text: string): number | undefined {
  if (!/^[+-]?\d+(_\d+)*$/.test(text)) return undefined;
  return Number(text.replace(/_/g, ''));
}

/** Python's `float()` of a string (decimal forms, inf, nan). */
function parseFloatStrict(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  if (!/^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+(_\d+)*)?$/.test(text))
    return undefined;
  return Number(text.replace(/_/g, ''));
}
