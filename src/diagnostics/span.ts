/**
 * Positions in user text. Every syntax node carries a Span; diagnostics point at one.
 * Offsets are UTF-16 indices into `SourceText.text`; `end` is exclusive.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** The text the offsets point into; absent only for nodes made up without user text. */
  readonly source?: SourceText;
}

/** A piece of user text (an equation block, an expression, a statement block) with a label for messages. */
export class SourceText {
  constructor(
    readonly text: string,
    /** What the text is, for messages: "equations of neurongroup", "threshold", "setter of v"… */
    readonly label: string = 'code',
  ) {}

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < this.text.length; k++) {
      if (this.text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

export function span(start: number, end: number, source?: SourceText): Span {
  return { start, end, source };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  if (a.source !== b.source) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), source: a.source };
}
