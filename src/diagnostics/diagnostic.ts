import { codeFrame } from './code-frame.ts';
import type { ErrorCode } from './codes.ts';
import type { SourceText, Span } from './span.ts';

/**
 * A user error: a stable `code` (tests assert on it), a message, and where it happened.
 * `source` + `span` point into user text (shown as a code frame); `createdAt` names the script line
 * that created the object involved, for errors found long after construction (at `run()`).
 */
export class BrianError extends Error {
  /** What kind of mistake this is, stable across versions (`unknown_identifier`, `dimension_mismatch`…; catalogued in docs/errors.md). Test this, not the message. */
  readonly code: ErrorCode;
  /** The text the error is in (equations, an expression, parameters), when it points into one. */
  readonly source?: SourceText;
  /** Where in `source` the offending text is (start and end offsets); the message underlines it. */
  readonly span?: Span;
  /** How to fix it (`did you mean …?`), shown after the message. */
  readonly hint?: string;
  /** The message without frame, hint and creation site. */
  readonly summary: string;
  /** Where the user's script created the object the error concerns (`file:line`), shown after the message. */
  createdAt?: string;

  constructor(
    code: ErrorCode,
    message: string,
    where: { span?: Span; source?: SourceText; hint?: string; createdAt?: string } = {},
  ) {
    super(message);
    this.name = 'BrianError';
    this.summary = message;
    this.code = code;
    this.source = where.source ?? where.span?.source;
    this.span = where.span;
    this.hint = where.hint;
    this.createdAt = where.createdAt;
    this.message = this.render();
  }

  private render(): string {
    const parts = [`[${this.code}] ${this.summary}`];
    if (this.source && this.span) {
      const { line, column } = this.source.locate(this.span.start);
      parts.push(`  in ${this.source.label}, line ${line}, column ${column}:`);
      parts.push(indent(codeFrame(this.source, this.span), '    '));
    }
    if (this.hint) parts.push(`  hint: ${this.hint}`);
    if (this.createdAt) parts.push(`  object created at ${this.createdAt}`);
    return parts.join('\n');
  }

  /** Adds the creation site of the user object involved and re-renders. */
  withCreationSite(site: string | undefined): this {
    if (site && !this.createdAt) {
      this.createdAt = site;
      this.message = this.render();
    }
    return this;
  }
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/**
 * The first stack frame outside brian-ts itself: where the user's script created an object.
 * Cheap enough to call in every constructor.
 */
export function userCallSite(): string | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    if (/[/\\]src[/\\]/.test(frame) && !/[/\\](examples|test)[/\\]/.test(frame)) continue;
    if (frame.includes('node:internal') || frame.includes('node_modules')) continue;
    const m = frame.match(/\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/);
    if (m) return m[1].replace(/^file:\/\//, '');
  }
  return undefined;
}
