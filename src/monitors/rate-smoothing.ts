import { info } from '../core/log.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { second } from '../units/index.ts';
import { Quantity } from '../units/quantity.ts';

/** A predefined smoothing window with a width, or explicit weights (odd length). */
export type SmoothingWindow = 'gaussian' | 'flat' | ArrayLike<number>;

/**
 * The weights of Brian 2.5.1's `smooth_rate` window (normalised when convolving):
 * - `'gaussian'`: exp(-k²/(2·(width/dt)²)) for k in ±round(2·width/dt) (width = standard deviation);
 * - `'flat'`: `int(width/2/dt)*2 + 1` ones (truncated, then made odd; newer Brian rounds);
 * - explicit weights: a flat list of odd length, no width.
 */
export function windowWeights(
  window: SmoothingWindow,
  width: Quantity | undefined,
  dt: number,
): Float64Array {
  if (typeof window === 'string') {
    if (width === undefined) {
      throw new BrianError('bad_argument', `The '${window}' window needs a width.`, {
        hint: `e.g. smoothRate('${window}', ms(5))`,
      });
    }
    if (!(width instanceof Quantity) || width.dim !== second.dim) {
      throw new BrianError('bad_argument', `The width of the window must be a time, got ${String(width)}.`);
    }
    if (window === 'gaussian') {
      const half = roundHalfEven((2 * width.value) / dt);
      const sd = width.value / dt;
      return Float64Array.from({ length: 2 * half + 1 }, (_, k) =>
        Math.exp(-((k - half) ** 2) / (2 * sd * sd)),
      );
    }
    if (window === 'flat') {
      const n = Math.trunc(width.value / 2 / dt) * 2 + 1;
      if (Math.abs(n * dt - width.value) > 1e-6 * dt) {
        info('adjusted_width', `width adjusted from ${width} to ${new Quantity(n * dt, second.dim)}`);
      }
      return new Float64Array(n).fill(1);
    }
    throw new BrianError('bad_argument', `Unknown predefined window "${window}".`, {
      hint: "use 'gaussian', 'flat' or a list of weights",
    });
  }
  if (width !== undefined) {
    throw new BrianError('bad_argument', 'A width can only be given with a predefined window.', {
      hint: 'the width of explicit weights is their number of time steps',
    });
  }
  const list = isArrayLike(window) ? Array.from(window as ArrayLike<unknown>) : undefined;
  if (list === undefined || !list.every((x) => typeof x === 'number')) {
    throw new BrianError('bad_argument', 'The window must be a flat list of numbers (one-dimensional).');
  }
  if (list.length % 2 !== 1) {
    throw new BrianError(
      'bad_argument',
      `The window has to have an odd number of values, got ${list.length}.`,
    );
  }
  return Float64Array.from(list as number[]);
}

/** numpy.convolve(x, w / sum(w), mode='same'). */
export function convolveSame(x: ArrayLike<number>, w: Float64Array): Float64Array {
  const total = w.reduce((a, b) => a + b, 0);
  const n = x.length;
  const m = w.length;
  const full = n + m - 1;
  const outLen = Math.max(n, m);
  const offset = Math.floor((full - outLen) / 2);
  const out = new Float64Array(outLen);
  for (let k = 0; k < outLen; k++) {
    const c = k + offset;
    let s = 0;
    for (let j = Math.max(0, c - n + 1); j <= Math.min(m - 1, c); j++) s += x[c - j] * (w[j] / total);
    out[k] = s;
  }
  return out;
}

/**
 * The number of time steps in a bin of `binSize` (Brian 2.10's `binned_rate`): a whole
 * multiple of dt, else `bad_argument`.
 */
export function binSteps(binSize: Quantity, dt: number): number {
  if (!(binSize instanceof Quantity) || binSize.dim !== second.dim) {
    throw new BrianError('bad_argument', `The bin size must be a time, got ${String(binSize)}.`);
  }
  const steps = binSize.value / dt;
  if (Math.abs(steps - Math.round(steps)) > 1e-6 || Math.round(steps) < 1) {
    throw new BrianError(
      'bad_argument',
      `The bin size ${binSize} has to be a multiple of dt (${new Quantity(dt, second.dim)}).`,
    );
  }
  return Math.round(steps);
}

/** numpy's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function isArrayLike(x: unknown): boolean {
  return Array.isArray(x) || ArrayBuffer.isView(x);
}
