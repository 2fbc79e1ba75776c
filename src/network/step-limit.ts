import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Quantity } from '../units/quantity.ts';
import type { BaseClock } from './clock.ts';

/**
 * The most time steps one clock may take in one run: 10^12 steps is days of computing even for
 * the smallest network, and stays well inside the exact integers of a double (2^53) that time
 * steps are counted in. A run beyond it (`run(second(1e9))`, `dt: second(1e-300)`) could never
 * end, so it is refused before it starts instead of looping forever.
 */
export const MAX_STEPS_PER_RUN = 1e12;

export function checkStepCount(clocks: readonly BaseClock[], duration: Quantity): void {
  for (const c of clocks) {
    const steps = c.endTimestep - c.timestep;
    if (Number.isFinite(steps) && steps <= MAX_STEPS_PER_RUN) continue;
    throw new BrianError(
      'too_many_steps',
      `run(${duration}) would take ${Number.isFinite(steps) ? steps.toExponential(2) : 'infinitely many'} steps of ${c.name} (dt = ${c.dt}); the limit is ${MAX_STEPS_PER_RUN.toExponential(0)} steps per run.`,
      { hint: 'check the duration and the dt of the clocks' },
    );
  }
}
