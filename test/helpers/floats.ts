/** Helpers for tests of floating-point functions. */

const buffer = new Float64Array(1);
const bits = new BigInt64Array(buffer.buffer);

/** Distance in units in the last place between two finite doubles of the same sign. */
export function ulps(a: number, b: number): number {
  buffer[0] = a;
  const x = bits[0];
  buffer[0] = b;
  const d = x - bits[0];
  return Number(d < 0n ? -d : d);
}

/** A reproducible stream of numbers in [0, 1) (a 32-bit linear congruential generator). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
