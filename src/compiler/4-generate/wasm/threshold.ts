import type { ArrayAccess, Kernel } from '../../ir/kernel.ts';
import type { ThresholdParams } from '../js/kernels/threshold.ts';
import { OP, SIMD } from './simd-ops.ts';
import { UNROLL, type VectorCode } from './vector-code.ts';

/**
 * Thresholds as SIMD: the condition `_cond` for two neurons at once, and only where either lane
 * crossed (rarely: a few in ten thousand per step) the scalar work of the JavaScript kernel, in
 * the same order: the index appended to the event space, and with refractoriness
 * `not_refractory = 0` and `lastspike = t`. The second lane of the last iteration of a group of
 * odd size is padding and never records. The count goes to element `size` of the event space.
 */
export const threshold = {
  count(kernel: Kernel): number | string {
    if (kernel.vector.stores.length > 0) return 'stores in the condition';
    if (!kernel.vector.statements.some((s) => s.name === '_cond')) return 'no condition';
    return (kernel.params as ThresholdParams).size;
  },
  /** Arrays the skeleton writes besides the vector block's. */
  arrays(kernel: Kernel): string[] {
    const p = kernel.params as ThresholdParams;
    return [p.eventspace, ...(p.refractory ? [p.refractory.notRefractory, p.refractory.lastspike] : [])];
  },
  body(code: VectorCode): void {
    const p = code.typer.kernel.params as ThresholdParams;
    const count = code.local('i32');
    const element = code.local('i32');
    const b = code.b;
    const at = (arrayId: string, type: ArrayAccess['type']) =>
      code.offset({ arrayId, type, local: '', index: { kind: 'element', base: '_idx', steps: [] } });
    const eventsAt = code.offset({
      arrayId: p.eventspace,
      type: 'integer',
      local: '',
      index: { kind: 'shared' },
    });
    const record = () => {
      // events[count++] = element
      code.get(count).i32(2);
      b.byte(OP.i32Shl);
      code.get(element);
      b.byte(OP.i32Store);
      code.memarg(2, eventsAt);
      code.get(count).i32(1);
      b.byte(OP.i32Add);
      code.set(count);
      if (p.refractory) {
        code.get(element).i32(0);
        b.byte(OP.i32Store8);
        code.memarg(0, at(p.refractory.notRefractory, 'boolean'));
        code.get(element).i32(3);
        b.byte(OP.i32Shl);
        code.get(code.typer.args.indexOf('t') + 1);
        b.byte(OP.f64Store);
        code.memarg(3, at(p.refractory.lastspike, 'float'));
      }
    };
    code.loopStart();
    for (let copy = 0; copy < UNROLL; copy++) {
      code.compute(copy);
      const cond = code.slot('_cond');
      code.get(cond).simd(SIMD.v128AnyTrue);
      b.byte(OP.if, 0x40);
      for (const lane of [0, 1]) {
        // element = i + 2*copy + lane, recorded if its lane is set and it is not padding
        code.get(code.i).i32(2 * copy + lane);
        b.byte(OP.i32Add);
        code.set(element);
        code.get(cond).simd(SIMD.i64x2ExtractLane);
        b.byte(lane, OP.i64Eqz, OP.i32Eqz);
        code.get(element).get(0);
        b.byte(OP.i32LtU, OP.i32And, OP.if, 0x40);
        record();
        b.byte(OP.end);
      }
      b.byte(OP.end);
    }
    code.loopEnd();
    // events[size] = count
    code.i32(0).get(count);
    b.byte(OP.i32Store);
    code.memarg(2, eventsAt + 4 * p.size);
  },
};
