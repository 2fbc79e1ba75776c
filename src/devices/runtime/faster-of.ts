import type { KernelFunction } from '../device.ts';

/** Calls between two rounds of timing. */
const CHECK = 1024;
/** Timed calls of each way in a round (after one untimed call of each). */
const SAMPLES = 8;

/**
 * One of two step functions with the same effect (a fused kernel and the kernels it replaces),
 * chosen by timing both, as brianlib's LoopChoice chooses between one thread and all: a round
 * runs SAMPLES + 1 calls of each way, the first of each untimed (it takes over caches the other
 * way left), and the way with the lower mean time per call runs until the next round, CHECK
 * calls later; older rounds count half. Which way is faster depends on the model and the
 * engine's register allocation (update-threshold.ts: CUBA's fused loop is faster, COBAHH's
 * slower), and the host's speed changes during a run, so it is measured, not guessed. `fixed`
 * ('a' or 'b') skips the timing (benchmarks, tests).
 */
export function fasterOf(
  a: KernelFunction,
  b: KernelFunction,
  fixed?: 'a' | 'b',
  now: () => number = () => performance.now(),
): KernelFunction {
  if (fixed) return fixed === 'a' ? a : b;
  const ways = [a, b];
  const cost = [0, 0];
  const calls = [0, 0];
  let best = 0;
  let count = 0;
  let next = 0;
  return (t, dt, timestep) => {
    const k = count++;
    if (k < next) {
      ways[best](t, dt, timestep);
      return;
    }
    const pos = k - next;
    const way = pos <= SAMPLES ? 0 : 1;
    if (pos === 0 || pos === SAMPLES + 1) {
      ways[way](t, dt, timestep);
      if (pos === 0) {
        for (const w of [0, 1]) {
          cost[w] *= 0.5;
          calls[w] *= 0.5;
        }
      }
      return;
    }
    const start = now();
    ways[way](t, dt, timestep);
    cost[way] += now() - start;
    calls[way] += 1;
    if (pos === 2 * SAMPLES + 1) {
      best = cost[1] / calls[1] < cost[0] / calls[0] ? 1 : 0;
      next = count + CHECK;
    }
  };
}
