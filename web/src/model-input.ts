import { BrianError, type Namespace, type Quantity, q, SourceText, second } from '../../src/index.ts';

/**
 * The parameters editor's text as a namespace: one `name = quantity` per line, `#` comments,
 * each value read by `q()` with the names defined above it (`we = 60*0.27/10*mV`,
 * `p = 80/N`). An error points into the whole text (line and column of the editor).
 */
export function parseParameters(text: string): Namespace {
  const source = new SourceText(text, 'parameters');
  const values: Record<string, Quantity | number> = {};
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = line.replace(/#.*/, '');
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(code);
    if (m) {
      const [, name, expression] = m;
      const at = offset + code.indexOf(expression, code.indexOf('=') + 1);
      try {
        const value = q(expression, values);
        values[name] = value.dim.isDimensionless ? value.value : value;
      } catch (error) {
        throw relocate(error, source, at);
      }
    } else if (code.trim() !== '') {
      throw new BrianError('syntax_error', 'Each parameter line is `name = value`, e.g. `taum = 20*ms`.', {
        span: { start: offset, end: offset + line.length, source },
      });
    }
    offset += line.length + 1;
  }
  return values;
}

/** The run length, e.g. `1*second` or `500*ms`. */
export function parseDuration(text: string): Quantity {
  const source = new SourceText(text, 'run length');
  let value: Quantity;
  try {
    value = q(text);
  } catch (error) {
    throw relocate(error, source, 0);
  }
  if (value.dim !== second.dim || !(value.value > 0)) {
    throw new BrianError('bad_argument', `The run length must be a positive time, got ${value}.`, {
      span: { start: 0, end: text.length, source },
      hint: 'e.g. 1*second or 500*ms',
    });
  }
  return value;
}

/** A coded error of a piece of `source` (from `at` on) re-pointed into the whole source. */
function relocate(error: unknown, source: SourceText, at: number): unknown {
  if (!(error instanceof BrianError) || !error.span) return error;
  return new BrianError(error.code, error.summary, {
    span: { start: at + error.span.start, end: at + error.span.end, source },
    hint: error.hint,
  });
}
