import type { Kernel, KernelKind } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import { CodeWriter } from '../code-writer.ts';
import { ptr } from './emit-block.ts';
import { jsComment, jsIdentifierPart, jsString } from './escape.ts';
import { group_variable_set } from './kernels/group-variable-set.ts';
import { poisson_input } from './kernels/poisson-input.ts';
import { ratemonitor } from './kernels/ratemonitor.ts';
import { reset } from './kernels/reset.ts';
import { spatialstateupdate } from './kernels/spatialstateupdate.ts';
import { spikegenerator } from './kernels/spikegenerator.ts';
import { spikemonitor } from './kernels/spikemonitor.ts';
import { statemonitor } from './kernels/statemonitor.ts';
import { stateupdate } from './kernels/stateupdate.ts';
import { summed_variable } from './kernels/summed-variable.ts';
import { SYNAPSES_MODULE_STATE, synapses } from './kernels/synapses.ts';
import { synapses_create_generator } from './kernels/synapses-create.ts';
import { threshold } from './kernels/threshold.ts';

/**
 * The JavaScript target: one emitter per kernel kind. A kernel kind without an emitter is a
 * clear error at generation time ("not available on the runtime device"), never a no-op.
 */
// biome-ignore lint/suspicious/noExplicitAny: each emitter narrows the params of its own kind.
export type Emitter = (w: CodeWriter, kernel: Kernel<any>, declared: Set<string>) => void;

export const JS_KERNELS: Readonly<Partial<Record<KernelKind, Emitter>>> = {
  stateupdate,
  threshold,
  reset,
  group_variable_set,
  statemonitor,
  spikemonitor,
  ratemonitor,
  synapses,
  summed_variable,
  synapses_create_generator,
  spikegenerator,
  poisson_input,
  spatialstateupdate,
};

/** Module-level state a kind's kernels keep between calls, declared before the kernel function. */
const MODULE_STATE: Readonly<Partial<Record<KernelKind, readonly string[]>>> = {
  synapses: SYNAPSES_MODULE_STATE,
};

/**
 * The source of a kernel factory: called once with the device's arrays and helpers, it binds
 * static arrays and returns the per-step function `(t, dt, _timestep, _call) => void`. A kernel
 * that draws random numbers makes one draws object per call site (`_r0`, `_r1`, … from the
 * device's DrawState `_rng`) and keys them at each call: by the time step, or by `_call`, the
 * number of a one-off call (setters, connect), which the device passes. `randomStream` is the
 * kernel's stream number (DrawState.stream), needed when it draws. `body` replaces the kind's
 * emitter (the SIMD state update prints its scalar block and a call of `_wasm`).
 */
export function generateJsKernel(kernel: Kernel, randomStream?: number, body?: Emitter): string {
  const emitter = body ?? JS_KERNELS[kernel.kind];
  if (!emitter) throw new Error(`kernel ${kernel.kind} is not available on the runtime device`);
  const w = new CodeWriter();
  w.line(`// kernel ${kernel.kind}: ${jsComment(kernel.name)}`);
  w.line("'use strict';");
  for (const info of [...kernel.arrays.values()].sort((a, b) => a.arrayId.localeCompare(b.arrayId))) {
    if (!info.dynamic) w.line(`const ${ptr(info.arrayId)} = _arrays.get(${jsString(info.arrayId)}).data;`);
  }
  const sites = randomSites(kernel);
  for (let k = 0; k < sites.count; k++) w.line(`const _r${k} = _rng.site();`);
  for (const line of MODULE_STATE[kernel.kind] ?? []) w.line(line);
  w.block(
    `return function ${kernelFunctionName(kernel.name)}(t, dt, _timestep, _call)`,
    () => {
      if (sites.count > 0) {
        if (randomStream === undefined)
          throw new Error(`internal: ${kernel.name} draws without a stream number`);
        w.line(
          `const _key = _rng.invocation(${randomStream}, _call === undefined ? _timestep : _call, _call !== undefined);`,
        );
        for (let k = 0; k < sites.count; k++) w.line(`_r${k}.begin(_key, ${k});`);
      }
      for (const info of kernel.arrays.values()) {
        if (info.dynamic) w.line(`const ${ptr(info.arrayId)} = _arrays.get(${jsString(info.arrayId)}).data;`);
      }
      emitter(w, kernel, new Set(['t', 'dt', '_timestep']));
    },
    '};',
  );
  return w.toString();
}

/** The kernel's name on the generated function (`_k_neurongroup_stateupdater`), so that V8's traces and profiles show it. */
function kernelFunctionName(name: string): string {
  return `_k_${jsIdentifierPart(name)}`;
}
