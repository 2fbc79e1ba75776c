import type { Kernel } from '../../../ir/kernel.ts';
import { type CableSolverParams, emitCableSetup, emitCableSolve } from '../../cable-solver.ts';
import type { CodeWriter } from '../../code-writer.ts';
import { emitBlock } from '../emit-block.ts';
import { ptr } from '../names.ts';

const CPP = { int: 'int32_t', float: 'double', ptr };

/** The cable equation of a SpatialNeuron for one step: as the JavaScript kernel (js/kernels/spatialstateupdate.ts). */
export function spatialstateupdate(
  w: CodeWriter,
  kernel: Kernel<CableSolverParams>,
  declared: Set<string>,
): void {
  const p = kernel.params;
  emitCableSetup(w, p, CPP);
  emitBlock(w, kernel.scalar, kernel, declared);
  w.block(`for (int32_t _idx = 0; _idx < ${p.n}; _idx++)`, () => {
    emitBlock(w, kernel.vector, kernel, new Set(declared));
    w.line(`${ptr(p.vPrevious)}[_idx] = ${ptr(p.v)}[_idx];`);
  });
  emitCableSolve(w, p, CPP);
}
