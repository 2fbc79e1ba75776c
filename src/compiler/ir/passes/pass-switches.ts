import { platform } from '../../../platform/platform.ts';

/**
 * Switches for measuring what each optimisation buys, read at each kernel compilation (so a
 * benchmark child process can set them in its environment):
 * - `BRIAN_DISABLE_PASSES=cse,powers` turns passes off (`fold`, `powers`, `cse`, `reciprocal`,
 *   `timestep-bounds`, the printers' `eager-logic` and the JS printer's `inline-timestep`).
 *   `reciprocal` (division by literals as multiplication) is the one pass that changes results,
 *   by up to 1 ulp, as Brian's own `-ffast-math` targets (Cython, C++ standalone) do; switching
 *   it off gives code bit-identical to Brian's numpy target;
 * - `BRIAN_ENABLE_PASSES=name` turns on passes listed in OFF_BY_DEFAULT (none today);
 * - `BRIAN_NO_OPTIMISE=1` turns off every IR pass.
 * Not a user-facing option yet.
 */
const OFF_BY_DEFAULT = new Set<string>([]);

export function passEnabled(name: string): boolean {
  const listed = (variable: string) =>
    (platform().env(variable) ?? '')
      .split(',')
      .map((n) => n.trim())
      .includes(name);
  if (listed('BRIAN_DISABLE_PASSES')) return false;
  return !OFF_BY_DEFAULT.has(name) || listed('BRIAN_ENABLE_PASSES');
}
