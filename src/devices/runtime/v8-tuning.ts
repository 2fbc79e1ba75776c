import v8 from 'node:v8';

/**
 * V8 settings for generated kernels, applied once, before the first kernel is compiled.
 *
 * Inlining budget: a state update is one large function that calls small prelude helpers
 * (`_brian.exp`, `_brian.exprel`) many times per element. V8 stops inlining into a function once
 * 920 bytes of bytecode have been inlined (`--max-inlined-bytecode-size-cumulative`), so only 4 of
 * the 12 `exp` calls of COBAHH's update were inlined and the rest were calls. With 5000 all are:
 * 88 → 54 ns per neuron-step (bench/README.md). The setting concerns how much V8 inlines, not
 * what the code computes; it applies to the whole process, and a value given on the command line
 * (`node --max-inlined-bytecode-size-cumulative=…`) is kept.
 */
const INLINED_BYTECODE_BUDGET = 5000;

let applied = false;

export function tuneV8ForKernels(): void {
  if (applied) return;
  applied = true;
  const given = process.execArgv.some((a) => a.startsWith('--max-inlined-bytecode-size-cumulative'));
  if (!given) v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
}

/**
 * Runs the step loop with V8's on-stack replacement (OSR) off, so that kernels are optimised as
 * whole functions, never entered through OSR code.
 *
 * Why: a kernel's element loop runs tens of thousands of iterations per call, so V8 compiles the
 * loop alone (OSR) during the first call. When a branch that had never run before is then taken
 * (the first refractory neuron of CUBA's state update), the optimised code is thrown away
 * ("Insufficient type feedback"), and from then on every call starts in the interpreter and
 * jumps into the cached OSR code at the loop. OSR'd code does not spend the function's interrupt
 * budget, so TurboFan never recompiles the whole function, and the OSR code reloads every
 * loop-invariant value (typed arrays, hoisted constants) at each iteration: 2–2.5× slower, in
 * some runs and not others (bench/README.md, "The JIT's slow mode"). Without OSR a kernel runs a
 * few calls in V8's baseline tiers, is then optimised as a whole, and after a deoptimisation is
 * optimised again with the new feedback. Only the step loop, where every kernel is called once
 * per step, goes without OSR: one-off long loops (connect(), initialisers) keep it. A
 * `--no-use-osr` given on Node's command line is kept everywhere.
 */
export function withoutOsr<T>(body: () => T): T {
  if (osrOffOnCommandLine()) return body();
  v8.setFlagsFromString('--no-use-osr');
  try {
    return body();
  } finally {
    v8.setFlagsFromString('--use-osr');
  }
}

let osrOff: boolean | undefined;

function osrOffOnCommandLine(): boolean {
  osrOff ??= process.execArgv.includes('--no-use-osr');
  return osrOff;
}
