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
