/**
 * Switches for measuring what each optimisation buys: `BRIAN_DISABLE_PASSES=cse,powers` turns
 * those passes off (names: `fold`, `powers`, `cse`, and the JS printer's `inline-timestep`);
 * `BRIAN_NO_OPTIMISE=1` turns off every IR pass. Read at each kernel compilation, so a benchmark
 * child process can set them in its environment. Not a user option: results with a pass off
 * are the same up to rounding (see each pass).
 */
export function passEnabled(name: string): boolean {
  const off = process.env.BRIAN_DISABLE_PASSES;
  if (!off) return true;
  return !off.split(',').some((n) => n.trim() === name);
}
