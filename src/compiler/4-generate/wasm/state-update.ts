import type { Kernel } from '../../ir/kernel.ts';
import type { RangeParams } from '../js/kernels/loops.ts';
import { UNROLL, type VectorCode } from './vector-code.ts';

/**
 * State updates (state updaters, run_regularly, subexpression updaters) as SIMD: the whole
 * group's range, the vector block's stores written back two lanes at a time.
 */
export const stateupdate = {
  count(kernel: Kernel): number | string {
    const range = kernel.params as RangeParams;
    if (range.start !== 0 || typeof range.stop !== 'number') return 'a partial or growing range';
    return range.stop;
  },
  body(code: VectorCode): void {
    code.loopStart();
    for (let copy = 0; copy < UNROLL; copy++) {
      code.compute(copy);
      code.stores(copy);
    }
    code.loopEnd();
  },
};
