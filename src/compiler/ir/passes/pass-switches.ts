/**
 * Switches for measuring what each optimisation buys, read at each kernel compilation (so a
 * benchmark child process can set them in its environment):
 * - `BRIAN_DISABLE_PASSES=cse,powers` turns passes off (`fold`, `powers`, `cse`,
 *   `timestep-bounds`, and the JS printer's `inline-timestep`);
 * - `BRIAN_ENABLE_PASSES=reciprocal` turns on passes that are off by default because they
 *   change results by an ulp where the default code is bit-identical to Brian's numpy target
 *   (`reciprocal`: division by literals as multiplication, what Brian's `-ffast-math` targets do);
 * - `BRIAN_NO_OPTIMISE=1` turns off every IR pass.
 * Not a user-facing option yet.
 */
const OFF_BY_DEFAULT = new Set(['reciprocal']);

export function passEnabled(name: string): boolean {
  const listed = (variable: string) =>
    (process.env[variable] ?? '')
      .split(',')
      .map((n) => n.trim())
      .includes(name);
  if (listed('BRIAN_DISABLE_PASSES')) return false;
  return !OFF_BY_DEFAULT.has(name) || listed('BRIAN_ENABLE_PASSES');
}
