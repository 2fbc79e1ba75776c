import type { Kernel } from '../../../ir/kernel.ts';
import { type CableSolverParams, emitCableSetup, emitCableSolve } from '../../cable-solver.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock, ptr } from '../emit-block.ts';

const JS = { int: 'let', float: 'let', ptr };

/**
 * The cable equation of a SpatialNeuron for one step (Brian's `spatialstateupdate`): the
 * linearised membrane current of every compartment (the vector block), then the implicit
 * solve (see cable-solver.ts).
 */
export function spatialstateupdate(
  w: CodeWriter,
  kernel: Kernel<CableSolverParams>,
  declared: Set<string>,
): void {
  const p = kernel.params;
  emitCableSetup(w, p, JS);
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block(`for (let _idx = 0; _idx < ${p.n}; _idx++)`, () => {
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.line(`${ptr(p.vPrevious)}[_idx] = ${ptr(p.v)}[_idx];`);
  });
  emitCableSolve(w, p, JS);
}
