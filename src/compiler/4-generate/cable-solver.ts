import type { CodeWriter } from './code-writer.ts';

/**
 * The ids of the arrays the cable solver of a SpatialNeuron works on (kernel kind
 * `spatialstateupdate`, Brian's template of that name). Per compartment: the state (`v`, `Cm`,
 * `Ic`), the geometry, the linearised current of this step (`gtot`, `I0`, computed by the
 * kernel's vector block) and work arrays; per section and per node: the structure laid out by
 * `flattenMorphologies` (src/spatial/flat-morphology.ts) and the coupling system.
 */
export interface CableSolverParams {
  /** Compartments, sections, nodes (sections + cells). */
  readonly n: number;
  readonly sections: number;
  readonly nodes: number;
  /** One int32: non-zero when the matrices must be (re)built at the next call (set at the start of each run). */
  readonly setup: string;
  readonly v: string;
  readonly Cm: string;
  readonly Ic: string;
  readonly Ri: string;
  readonly area: string;
  readonly rLength1: string;
  readonly rLength2: string;
  readonly gtot: string;
  readonly I0: string;
  readonly vPrevious: string;
  /** Cm/dt of each compartment (Cm is constant during a run): computed with the matrices. */
  readonly CmDt: string;
  readonly invr: string;
  readonly abStar0: string;
  readonly abStar1: string;
  readonly abStar2: string;
  readonly bPlus: string;
  readonly bMinus: string;
  readonly vStar: string;
  readonly uPlus: string;
  readonly uMinus: string;
  readonly c: string;
  readonly starts: string;
  readonly ends: string;
  readonly sectionNode: string;
  readonly parentNode: string;
  readonly rootSection: string;
  readonly childSlot: string;
  readonly invr0: string;
  readonly invrn: string;
  readonly nodeParent: string;
  readonly childStart: string;
  readonly children: string;
  readonly PDiag: string;
  readonly PParent: string;
  readonly PChildren: string;
  readonly B: string;
}

/** How the JavaScript and C++ printers differ for this skeleton: declarations and array names. */
export interface SolverDialect {
  readonly int: string;
  readonly float: string;
  ptr(arrayId: string): string;
}

/** The names of the kernel's arrays in the printed code. */
function names(p: CableSolverParams, d: SolverDialect) {
  const out = {} as Record<Exclude<keyof CableSolverParams, 'n' | 'sections' | 'nodes'>, string>;
  for (const [key, value] of Object.entries(p)) {
    if (typeof value === 'string') out[key as keyof typeof out] = d.ptr(value);
  }
  return out;
}

/**
 * Brian's `before_code` of the spatialstateupdate template, run at the first call after a run
 * started (Cm, Ri and dt may have changed between runs): axial conductances between
 * compartments (cut at section starts), the tridiagonal matrices of the particular solution
 * (without the membrane conductance, added each step) and the right-hand sides of the two
 * homogeneous solutions.
 */
export function emitCableSetup(w: CodeWriter, p: CableSolverParams, d: SolverDialect): void {
  const a = names(p, d);
  const { int, float } = d;
  w.block(`if (${a.setup}[0] != 0)`, () => {
    w.line(`${float} _Ri = ${a.Ri}[0];`);
    w.line(
      `for (${int} _i = 1; _i < ${p.n}; _i++) ${a.invr}[_i] = 1.0/(_Ri*(1/${a.rLength2}[_i-1] + 1/${a.rLength1}[_i]));`,
    );
    w.line(`for (${int} _s = 0; _s < ${p.sections}; _s++) ${a.invr}[${a.starts}[_s]] = 0;`);
    w.line(`for (${int} _i = 0; _i < ${p.n}; _i++) ${a.CmDt}[_i] = ${a.Cm}[_i] / dt;`);
    w.line(
      `for (${int} _i = 0; _i < ${p.n}; _i++) ${a.abStar1}[_i] = (-${a.CmDt}[_i] - ${a.invr}[_i] / ${a.area}[_i]);`,
    );
    w.block(`for (${int} _i = 1; _i < ${p.n}; _i++)`, () => {
      w.line(`${a.abStar0}[_i] = ${a.invr}[_i] / ${a.area}[_i-1];`);
      w.line(`${a.abStar2}[_i-1] = ${a.invr}[_i] / ${a.area}[_i];`);
      w.line(`${a.abStar1}[_i-1] -= ${a.invr}[_i] / ${a.area}[_i-1];`);
    });
    w.block(`for (${int} _s = 0; _s < ${p.sections}; _s++)`, () => {
      w.line(`${int} _first = ${a.starts}[_s];`);
      w.line(`${int} _last = ${a.ends}[_s] - 1;`);
      w.line(`${float} _invr0 = ${a.rLength1}[_first]/_Ri;`);
      w.line(`${float} _invrn = ${a.rLength2}[_last]/_Ri;`);
      w.line(`${a.invr0}[_s] = _invr0;`);
      w.line(`${a.invrn}[_s] = _invrn;`);
      w.line(`${a.abStar1}[_first] -= (_invr0 / ${a.area}[_first]);`);
      w.line(`${a.abStar1}[_last] -= (_invrn / ${a.area}[_last]);`);
      w.line(`${a.bPlus}[_last] = -(_invrn / ${a.area}[_last]);`);
      w.line(`${a.bMinus}[_first] = -(_invr0 / ${a.area}[_first]);`);
    });
    w.line(`${a.setup}[0] = 0;`);
  });
}

/**
 * Brian's main code after the per-compartment step (which stored `gtot`, `I0` and the previous
 * v): in every section, three tridiagonal systems by the Thomas algorithm (the particular
 * solution and the two homogeneous ones, with Brian's operation order); the coupling system
 * over the nodes, eliminated from the leaves and substituted from the roots; v as the linear
 * combination; the capacitive current.
 */
export function emitCableSolve(w: CodeWriter, p: CableSolverParams, d: SolverDialect): void {
  const a = names(p, d);
  const { int, float } = d;
  w.block(`for (${int} _s = 0; _s < ${p.sections}; _s++)`, () => {
    w.line(`${int} _j_start = ${a.starts}[_s];`);
    w.line(`${int} _j_end = ${a.ends}[_s];`);
    // Brian's `_j > 0`: every compartment but the first of the cell (so that each cell of a
    // group computes exactly as it would alone).
    w.line(`${int} _cell_first = ${a.rootSection}[_s] != 0 ? _j_start : -1;`);
    // The values of the previous compartment ride in locals (not re-read from the arrays just
    // written): the sweeps are chains through them, and a store-to-load round trip per step
    // lengthened those chains. The operations are Brian's, so the bits are too.
    const prev = ['_c_prev', '_vs_prev', '_up_prev', '_um_prev'];
    const arrays = [a.c, a.vStar, a.uPlus, a.uMinus];
    w.line(`${float} ${prev.map((x) => `${x} = 0`).join(', ')};`);
    w.block('if (_j_start != _cell_first && _j_start > 0)', () => {
      for (const [k, x] of prev.entries()) w.line(`${x} = ${arrays[k]}[_j_start-1];`);
    });
    w.block(`for (${int} _j = _j_start; _j < _j_end; _j++)`, () => {
      w.line(`${float} _vs = -(${a.CmDt}[_j]*${a.v}[_j]) - ${a.I0}[_j];`);
      w.line(`${float} _up = ${a.bPlus}[_j];`);
      w.line(`${float} _um = ${a.bMinus}[_j];`);
      w.line(`${float} _bi = ${a.abStar1}[_j] - ${a.gtot}[_j];`);
      w.line(`${float} _cj = _j < ${p.n - 1} ? ${a.abStar0}[_j+1] : ${a.c}[_j];`);
      w.block('if (_j != _cell_first)', () => {
        w.line(`${float} _ai = ${a.abStar2}[_j-1];`);
        w.line(`${float} _m = 1.0/(_bi - _ai*_c_prev);`);
        w.line('_cj = _cj*_m;');
        w.line('_vs = (_vs - _ai*_vs_prev)*_m;');
        w.line('_up = (_up - _ai*_up_prev)*_m;');
        w.line('_um = (_um - _ai*_um_prev)*_m;');
      });
      w.block('else', () => {
        for (const x of ['_cj', '_vs', '_up', '_um']) w.line(`${x} = ${x}/_bi;`);
      });
      ['_cj', '_vs', '_up', '_um'].forEach((x, k) => {
        w.line(`${arrays[k]}[_j] = ${x};`);
        w.line(`${prev[k]} = ${x};`);
      });
    });
    // Back substitution from the last compartment, whose values the locals hold.
    w.block(`for (${int} _j = _j_end - 2; _j >= _j_start; _j--)`, () => {
      w.line(`${float} _cj = ${a.c}[_j];`);
      prev.slice(1).forEach((x, k) => {
        w.line(`${x} = ${arrays[k + 1]}[_j] - _cj*${x};`);
        w.line(`${arrays[k + 1]}[_j] = ${x};`);
      });
    });
  });

  // The coupling system: diagonal, one entry towards the parent node, one per child node.
  w.block(`for (${int} _s = 0; _s < ${p.sections}; _s++)`, () => {
    w.line(`${int} _parent = ${a.parentNode}[_s];`);
    w.line(`${int} _first = ${a.starts}[_s];`);
    w.line(`${int} _last = ${a.ends}[_s] - 1;`);
    w.line(`${float} _invr0 = ${a.invr0}[_s];`);
    w.line(`${float} _invrn = ${a.invrn}[_s];`);
    w.block(`if (${a.rootSection}[_s] != 0)`, () => {
      // The first section of a cell: sealed end.
      w.line(`${a.PDiag}[_parent] = ${a.uMinus}[_first] - 1;`);
      w.line(`${a.PChildren}[${a.childSlot}[_s]] = ${a.uPlus}[_first];`);
      w.line(`${a.B}[_parent] = -${a.vStar}[_first];`);
    });
    w.block('else', () => {
      w.line(`${a.PDiag}[_parent] += (1 - ${a.uMinus}[_first]) * _invr0;`);
      w.line(`${a.PChildren}[${a.childSlot}[_s]] = -${a.uPlus}[_first] * _invr0;`);
      w.line(`${a.B}[_parent] += ${a.vStar}[_first] * _invr0;`);
    });
    w.line(`${int} _node = ${a.sectionNode}[_s];`);
    w.line(`${a.PDiag}[_node] = (1 - ${a.uPlus}[_last]) * _invrn;`);
    w.line(`${a.PParent}[_node] = -${a.uMinus}[_last] * _invrn;`);
    w.line(`${a.B}[_node] = ${a.vStar}[_last] * _invrn;`);
  });
  w.block(`for (${int} _i = ${p.nodes - 1}; _i >= 0; _i--)`, () => {
    w.block(`for (${int} _k = ${a.childStart}[_i]; _k < ${a.childStart}[_i+1]; _k++)`, () => {
      w.line(`${int} _j = ${a.children}[_k];`);
      w.line(`${float} _subfac = ${a.PChildren}[_k] / ${a.PDiag}[_j];`);
      w.line(`${a.PDiag}[_i] = ${a.PDiag}[_i] - _subfac * ${a.PParent}[_j];`);
      w.line(`${a.B}[_i] = ${a.B}[_i] - _subfac * ${a.B}[_j];`);
    });
  });
  w.block(`for (${int} _i = 0; _i < ${p.nodes}; _i++)`, () => {
    w.line(`${int} _j = ${a.nodeParent}[_i];`);
    w.line(`if (_j >= 0) ${a.B}[_i] = ${a.B}[_i] - ${a.PParent}[_i] * ${a.B}[_j];`);
    w.line(`${a.B}[_i] = ${a.B}[_i] / ${a.PDiag}[_i];`);
  });

  w.block(`for (${int} _s = 0; _s < ${p.sections}; _s++)`, () => {
    w.line(`${float} _B_parent = ${a.B}[${a.parentNode}[_s]];`);
    w.line(`${float} _B_node = ${a.B}[${a.sectionNode}[_s]];`);
    w.block(`for (${int} _j = ${a.starts}[_s]; _j < ${a.ends}[_s]; _j++)`, () => {
      w.line(`${a.v}[_j] = ${a.vStar}[_j] + _B_parent * ${a.uMinus}[_j] + _B_node * ${a.uPlus}[_j];`);
    });
  });
  w.line(
    `for (${int} _i = 0; _i < ${p.n}; _i++) ${a.Ic}[_i] = ${a.Cm}[_i]*(${a.v}[_i] - ${a.vPrevious}[_i])/dt;`,
  );
}
