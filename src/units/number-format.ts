/**
 * numpy's way of printing float64 arrays (numpy 1.24 defaults: precision 8, floatmode 'maxprec',
 * threshold 1000, edgeitems 3, linewidth 75), because Brian prints quantities through it:
 * `20. ms`, `[1.  2.5 3. ] mV`, `[1.e-03 1.e+03] mV`, `[0. 1. 2. ... 997. 998. 999.] ms`.
 *
 * The port follows numpy/core/arrayprint.py (FloatingFormat, _formatArray, _extendLine) line by
 * line. Digits come from JS's shortest round-trip repr (the same digits as numpy's Dragon4
 * "unique" mode); where numpy cuts them at `precision`, the exact binary value is rounded
 * half-to-even with BigInt arithmetic, as Dragon4 does.
 */

export interface PrintOptions {
  /** Maximum digits after the decimal point (positional) or after the first digit (scientific). */
  readonly precision: number;
  /** Arrays with more elements than this are summarised with `...`. */
  readonly threshold: number;
  /** Elements shown at each end of a summarised axis. */
  readonly edgeitems: number;
  /** Line width at which rows wrap. */
  readonly linewidth: number;
}

/** numpy's default print options, the ones Brian's output is made with. */
export const DEFAULT_PRINT_OPTIONS: PrintOptions = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
});

/** Brian's `_short_str` options for values quoted in error messages. */
export const SHORT_PRINT_OPTIONS: PrintOptions = Object.freeze({
  ...DEFAULT_PRINT_OPTIONS,
  edgeitems: 2,
  threshold: 5,
});

// ---------------------------------------------------------------------------------------------
// Exact decimal rounding of a double

const view = new DataView(new ArrayBuffer(8));

/** round(a * 10^k), half to even, for a finite a > 0, computed exactly. */
function scaledRound(a: number, k: number): bigint {
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let num = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    num |= 1n << 52n;
    exp2 = biased - 1075;
  }
  let den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2);
  else den <<= BigInt(-exp2);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** Shortest round-trip digits of a finite a > 0: a = 0.D × 10^(exp + 1), i.e. D[0].D[1..] × 10^exp. */
function shortestDigits(a: number): { digits: string; exp: number } {
  const s = a.toExponential();
  const e = s.indexOf('e');
  return { digits: s.slice(0, e).replace('.', ''), exp: Number(s.slice(e + 1)) };
}

type Trim = '.' | 'k';

interface Parts {
  readonly int: string;
  readonly frac: string;
}

/** Dragon4 positional, unique mode: at most `precision` fractional digits (-1: no limit). */
function positionalParts(x: number, precision: number, minDigits: number, trim: Trim): Parts {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  let int: string;
  let frac: string;
  if (a === 0) {
    int = '0';
    frac = '';
  } else {
    const { digits, exp } = shortestDigits(a);
    const fracLen = Math.max(0, digits.length - 1 - exp);
    if (precision >= 0 && fracLen > precision) {
      const q = scaledRound(a, precision)
        .toString()
        .padStart(precision + 1, '0');
      int = q.slice(0, q.length - precision);
      frac = q.slice(q.length - precision);
    } else if (exp >= 0) {
      int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      frac = digits.slice(exp + 1);
    } else {
      int = '0';
      frac = '0'.repeat(-exp - 1) + digits;
    }
  }
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  if (trim === '.') frac = frac.replace(/0+$/, '');
  return { int: sign + int, frac };
}

interface SciParts extends Parts {
  /** Signed exponent digits, at least two: `+05`, `-12`, `+100`. */
  readonly exp: string;
}

/** Dragon4 scientific, unique mode: at most `precision` digits after the first (-1: no limit). */
function scientificParts(
  x: number,
  precision: number,
  minDigits: number,
  trim: Trim,
  expDigits: number,
): SciParts {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  let digits = '0';
  let exp = 0;
  if (a !== 0) {
    ({ digits, exp } = shortestDigits(a));
    if (precision >= 0 && digits.length - 1 > precision) {
      // Round the exact value to precision + 1 significant digits; the shortest repr may
      // overestimate the decimal exponent (1e23 is really 9.99…e22), and rounding may carry.
      let q = scaledRound(a, precision - exp).toString();
      if (q.length < precision + 1) {
        exp -= 1;
        q = scaledRound(a, precision - exp).toString();
      }
      if (q.length > precision + 1) {
        exp += 1;
        q = q.slice(0, precision + 1);
      }
      digits = q;
    }
  }
  let frac = digits.slice(1);
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  if (trim === '.') frac = frac.replace(/0+$/, '');
  const expAbs = String(Math.abs(exp)).padStart(Math.max(expDigits, 2), '0');
  return { int: sign + digits[0], frac, exp: (exp < 0 ? '-' : '+') + expAbs };
}

// ---------------------------------------------------------------------------------------------
// FloatingFormat: one format for all (shown) elements of an array

/** numpy's FloatingFormat with floatmode 'maxprec', sign '-', suppress_small False. */
export class FloatFormat {
  private readonly expFormat: boolean;
  private readonly padLeft: number;
  private readonly padRight: number;
  private readonly precision: number;
  private readonly minDigits: number;
  private readonly trim: Trim;
  private readonly expSize: number;

  constructor(data: ArrayLike<number>, precision = DEFAULT_PRINT_OPTIONS.precision) {
    const finite: number[] = [];
    let hasNonFinite = false;
    let hasNegInf = false;
    let maxAbs = 0;
    let minAbs = Number.POSITIVE_INFINITY;
    for (let k = 0; k < data.length; k++) {
      const x = data[k];
      if (Number.isFinite(x)) {
        finite.push(x);
        const a = Math.abs(x);
        if (a !== 0) {
          if (a > maxAbs) maxAbs = a;
          if (a < minAbs) minAbs = a;
        }
      } else {
        hasNonFinite = true;
        if (x === Number.NEGATIVE_INFINITY) hasNegInf = true;
      }
    }
    this.expFormat = maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 0.0001 || maxAbs / minAbs > 1000);

    let padLeft = 0;
    let padRight = 0;
    if (finite.length === 0) {
      this.precision = precision;
      this.trim = '.';
      this.expSize = -1;
      this.minDigits = -1;
    } else if (this.expFormat) {
      let expSize = 0;
      let fracMax = 0;
      for (const x of finite) {
        const p = scientificParts(x, precision, -1, '.', -1);
        expSize = Math.max(expSize, p.exp.length - 1);
        fracMax = Math.max(fracMax, p.frac.length);
        padLeft = Math.max(padLeft, p.int.length);
      }
      this.expSize = expSize;
      this.trim = 'k';
      this.precision = fracMax;
      this.minDigits = fracMax;
      padRight = expSize + 2 + fracMax;
    } else {
      for (const x of finite) {
        const p = positionalParts(x, precision, 0, '.');
        padLeft = Math.max(padLeft, p.int.length);
        padRight = Math.max(padRight, p.frac.length);
      }
      this.expSize = -1;
      this.precision = precision;
      this.trim = '.';
      this.minDigits = 0;
    }
    if (hasNonFinite) {
      const offset = padRight + 1;
      padLeft = Math.max(padLeft, 3 - offset, 3 + (hasNegInf ? 1 : 0) - offset);
    }
    this.padLeft = padLeft;
    this.padRight = padRight;
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return ' '.repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    if (this.expFormat) {
      const p = scientificParts(x, this.precision, this.minDigits, this.trim, this.expSize);
      return `${p.int.padStart(this.padLeft)}.${p.frac}e${p.exp}`;
    }
    const p = positionalParts(x, this.precision, this.minDigits, this.trim);
    return `${p.int.padStart(this.padLeft)}.${p.frac.padEnd(this.padRight)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Arrays

export interface ArrayFormatOptions {
  readonly options?: Partial<PrintOptions>;
  /** Between elements: ' ' for str(), ', ' for repr(). */
  readonly separator?: string;
  /** Text that will precede the array (e.g. 'array('): continuation lines are indented by its length. */
  readonly prefix?: string;
  /** Text that will follow the array (e.g. ')'): its length is taken off the line width. */
  readonly suffix?: string;
}

/**
 * numpy's `array2string` for a row-major float64 array of the given shape (1-D or more).
 * `format(values, [3])` → `[1. 2. 3.]`.
 */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  how: ArrayFormatOptions = {},
): string {
  const opts = { ...DEFAULT_PRINT_OPTIONS, ...how.options };
  const separator = how.separator ?? ' ';
  const prefix = how.prefix ?? '';
  const lineWidth = opts.linewidth - (how.suffix ?? '').length;
  const size = shape.reduce((a, b) => a * b, 1);
  if (size === 0) return '[]';
  const strides = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
  const summaryInsert = size > opts.threshold ? '...' : '';
  const edge = opts.edgeitems;
  const shown = summaryInsert ? leadingTrailing(values, shape, strides, edge) : values;
  const fmt = new FloatFormat(shown, opts.precision);
  const sepTrimmed = separator.trimEnd();

  const recurse = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    if (axis === shape.length) return fmt.format(values[offset]);
    const nextHangingIndent = `${hangingIndent} `;
    const nextWidth = currWidth - 1;
    const len = shape[axis];
    const showSummary = summaryInsert !== '' && 2 * edge < len;
    const leading = showSummary ? edge : 0;
    const trailing = showSummary ? edge : len;
    const child = (i: number) => recurse(axis + 1, offset + i * strides[axis], nextHangingIndent, nextWidth);
    let s = '';
    if (axis === shape.length - 1) {
      const elemWidth = currWidth - Math.max(sepTrimmed.length, 1);
      let line = hangingIndent;
      const extend = (word: string) => {
        const needsWrap = line.length + word.length > elemWidth && line.length > hangingIndent.length;
        if (needsWrap) {
          s += `${line.trimEnd()}\n`;
          line = hangingIndent;
        }
        line += word;
      };
      for (let i = 0; i < leading; i++) {
        extend(child(i));
        line += separator;
      }
      if (showSummary) {
        extend(summaryInsert);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        extend(child(len - i));
        line += separator;
      }
      extend(child(len - 1));
      s += line;
    } else {
      const lineSep = sepTrimmed + '\n'.repeat(shape.length - axis - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(len - i) + lineSep;
      s += hangingIndent + child(len - 1);
    }
    return `[${s.slice(hangingIndent.length)}]`;
  };
  return recurse(0, 0, ' '.repeat(1 + prefix.length), lineWidth);
}

/** The elements numpy shows of a summarised array (its `_leading_trailing`), row-major. */
function leadingTrailing(
  values: ArrayLike<number>,
  shape: readonly number[],
  strides: readonly number[],
  edge: number,
): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(values[offset]);
      return;
    }
    const len = shape[axis];
    const indices =
      len > 2 * edge
        ? [
            ...Array.from({ length: edge }, (_, i) => i),
            ...Array.from({ length: edge }, (_, i) => len - edge + i),
          ]
        : Array.from({ length: len }, (_, i) => i);
    for (const i of indices) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

/** The elements numpy would show for this shape and options (all of them unless summarised). */
export function shownElements(
  values: ArrayLike<number>,
  shape: readonly number[],
  options?: Partial<PrintOptions>,
) {
  const opts = { ...DEFAULT_PRINT_OPTIONS, ...options };
  const size = shape.reduce((a, b) => a * b, 1);
  if (size <= opts.threshold) return values;
  const strides = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
  return leadingTrailing(values, shape, strides, opts.edgeitems);
}

/**
 * A scalar as Brian prints it: numpy's format of a one-element array without the brackets
 * (`20.`, `1.5`, `0.33333333`, `1.e-05`, `nan`, `-inf`).
 */
export function formatScalar(x: number, precision = DEFAULT_PRINT_OPTIONS.precision): string {
  return new FloatFormat([x], precision).format(x).trim();
}

/** A plain JS number in an error message, like Python's str of an int or float (`3`, `0.5`). */
export function formatPlainNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
}
