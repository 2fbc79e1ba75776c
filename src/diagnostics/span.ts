/**
 * Positions in user text. Every syntax node carries a Span; diagnostics point at one.
 * Offsets are UTF-16 indices into `SourceText.text`; `end` is exclusive.
 */
export interface Span {
  /** Offset of the first character in the source text. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  /** The text the offsets point into; absent only for nodes made up without user text. */
  readonly source?: SourceText;
}

/** A piece of user text (an equation block, an expression, a statement block) with a label for messages. */
export class SourceText {
  constructor(
    /** The user's text (equations, a threshold, a setter…). */
    readonly text: string,
    /** What the text is, for messages: "equations of neurongroup", "threshold", "setter of v"… */
    readonly label: string = 'code',
  ) {}

  /** 1-based line and column of an offset. */
  locate(offset: number): {
    /** 1-based line number. */
    line: number;
    /** 1-based column number. */
    column: number;
  } {
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

  /** The part of the text a span covers. */
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
