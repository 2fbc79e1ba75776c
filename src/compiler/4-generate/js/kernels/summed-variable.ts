import type { ScalarType } from '../../../functions.ts';
import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws, ptr } from '../emit-block.ts';
import { jsString } from '../escape.ts';
import { type RangeParams, stopExpr } from './loops.ts';

export interface SummedVariableParams {
  /** The target group's variable, set to the sum over its synapses. */
  readonly target: string;
  /** Its type: an integer variable receives the sum of its synapses' values, truncated as it is stored. */
  readonly targetType: ScalarType;
  readonly targetStart: number;
  /** Synapses as the target (synapses on synapses): their current number. */
  readonly targetStop: RangeParams['stop'];
  /** Each synapse's target element (relative), and the target's offset in its storage. */
  readonly postIndex: string;
  readonly postOffset: number;
  /** Local holding the synapse's contribution. */
  readonly value: string;
}

/** `x_post = expr : unit (summed)`: every step, the target variable becomes the sum of `expr` over its synapses. */
export function summed_variable(
  w: CodeWriter,
  kernel: Kernel<SummedVariableParams>,
  declared: Set<string>,
): void {
  const p = kernel.params;
  w.line(`const _target = ${ptr(p.target)};`);
  w.line(`_target.fill(0, ${p.targetStart}, ${stopExpr(p.targetStop)});`);
  w.line(`const _post = ${ptr(p.postIndex)};`);
  w.line(`const _nsyn = _arrays.get(${jsString(p.postIndex)}).length;`);
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block('for (let _idx = 0; _idx < _nsyn; _idx++)', () => {
    emitElementDraws(w, kernel, '_idx');
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.line(`_target[_post[_idx] + ${p.postOffset}] += ${p.value};`);
  });
}
