/** Helpers shared by the ports of Brian's example scripts (not a test file itself). */

/** Every `stride`-th sample of a trace (samples 0, stride, 2*stride, …), as the references keep them. */
export function strided(trace: ArrayLike<number>, stride: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < trace.length; k += stride) out.push(trace[k]);
  return out;
}
