import type { Kernel } from '../../../ir/kernel.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, emitElementDraws } from '../emit-block.ts';
import { jsString } from '../escape.ts';

/** Loop bounds of kernels that visit a range of elements: fixed, or the current size of a dynamic array. */
export interface RangeParams {
  readonly start: number;
  /** A number, or the id of a dynamic array whose length is the element count (synapses). */
  readonly stop: number | { readonly sizeOf: string };
}

export function stopExpr(stop: RangeParams['stop']): string {
  return typeof stop === 'number' ? String(stop) : `_arrays.get(${jsString(stop.sizeOf)}).length`;
}

/** `for (_idx in range) { [condition; if (_cond)] vector }`, the body shared by several kernels. */
export function emitElementLoop(
  w: CodeWriter,
  kernel: Kernel,
  range: RangeParams,
  declared: Set<string>,
): void {
  w.line(`const _stop = ${stopExpr(range.stop)};`);
  w.block(`for (let _idx = ${range.start}; _idx < _stop; _idx++)`, () => {
    emitConditionalVector(w, kernel, new Set(declared));
  });
}

/** The per-element part: the optional condition block guarding the vector block. */
export function emitConditionalVector(w: CodeWriter, kernel: Kernel, declared: Set<string>): void {
  emitElementDraws(w, kernel, '_idx');
  if (kernel.condition) {
    emitBlock(w, kernel.condition, kernel, declared);
    w.block('if (_cond)', () => emitBlock(w, kernel.vector, kernel, new Set(declared)));
  } else {
    emitBlock(w, kernel.vector, kernel, declared);
  }
}
