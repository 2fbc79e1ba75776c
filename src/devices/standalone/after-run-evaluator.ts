import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { KernelCalls, KernelFunction } from '../device.ts';
import type { DeviceArray } from '../runtime/arrays.ts';
import { RuntimeDevice } from '../runtime/runtime-device.ts';

/**
 * Getters of subexpressions and conditions asked for after the program ran (`G.v_rel`,
 * `S.w['i > 2']`) are evaluated in JavaScript on the results: a runtime device holds views of
 * the result arrays. Writing anything the program computed is refused (`refuse`), since the
 * program has run and nothing would carry the write back into it.
 */
export class AfterRunEvaluator {
  private runtime?: RuntimeDevice;

  constructor(
    /** The array as the standalone device has it now (results, or a buffer allocated after the run). */
    private readonly array: (id: string) => DeviceArray,
    /** Whether `id` was allocated after the run (a getter's own buffer), so JavaScript may write it. */
    private readonly allocatedAfterRun: (id: string) => boolean,
    /** Throws the coded error of an operation on a program that already ran. */
    private readonly refuse: (what: string) => void,
  ) {}

  compile(kernel: Kernel, calls: KernelCalls): KernelFunction {
    const blocks = [kernel.scalar, kernel.vector, kernel.condition, ...Object.values(kernel.extra ?? {})];
    const written = new Set(blocks.flatMap((b) => b?.stores.map((s) => s.arrayId) ?? []));
    for (const id of written) {
      if (!this.allocatedAfterRun(id)) this.refuse(`Running ${kernel.name}`);
    }
    this.runtime ??= new RuntimeDevice();
    for (const id of kernel.arrays.keys()) this.runtime.arrays.set(id, this.array(id));
    return this.runtime.compile(kernel, calls);
  }
}
