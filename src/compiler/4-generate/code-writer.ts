/**
 * Builds generated source line by line with indentation handled by `block()`, so no printer
 * ever counts spaces or patches markers (unlike Brian's %%START_AUTOINDENT%%).
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly indentUnit = '  ') {}

  line(text = ''): this {
    this.lines.push(text ? this.indentUnit.repeat(this.depth) + text : '');
    return this;
  }

  /** `header {` … `}` with the body indented. */
  block(header: string, body: () => void, close = '}'): this {
    this.line(`${header} {`);
    this.indent(body);
    this.line(close);
    return this;
  }

  indent(body: () => void): this {
    this.depth++;
    try {
      body();
    } finally {
      this.depth--;
    }
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
