/** Trace comparison for the case-study tests (not a test file itself). */
import assert from 'node:assert/strict';

/** Every `n`th sample, to line a full-resolution record up with a reference kept every `n` steps. */
export function everyNth(a: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(Math.ceil(a.length / n));
  for (let k = 0; k < out.length; k++) out[k] = a[k * n];
  return out;
}

/**
 * Largest |actual − expected| over a trace, divided by the trace's amplitude (max |expected|).
 * Scaling by the amplitude rather than sample by sample keeps traces that pass through zero
 * (w, x, the eye position) from producing huge relative errors at their zero crossings.
 */
export function amplitudeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  assert.equal(actual.length, expected.length, `length ${actual.length} vs expected ${expected.length}`);
  let worst = 0;
  let amplitude = 0;
  for (let k = 0; k < expected.length; k++) {
    const err = Math.abs(actual[k] - expected[k]);
    if (!(err <= worst)) worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
    amplitude = Math.max(amplitude, Math.abs(expected[k]));
  }
  return amplitude === 0 ? worst : worst / amplitude;
}

/** Spike times as time-step indices. */
export function steps(t: ArrayLike<number>, dt: number): number[] {
  return Array.from(t, (x) => Math.round(x / dt));
}
