import type { Expr } from '../compiler/1-parse/ast.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { CableSolverParams } from '../compiler/4-generate/cable-solver.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import type { Device } from '../devices/device.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import type { NeuronGroup } from '../groups/neuron-group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import type { RunContext } from '../network/brian-object.ts';
import type { FlatMorphology } from './flat-morphology.ts';

/** Per-compartment work arrays of the solver (Brian's `_ab_star0` … `_c`). */
const COMPARTMENT_ARRAYS = [
  'gtot',
  'I0',
  'vPrevious',
  'CmDt',
  'invr',
  'abStar0',
  'abStar1',
  'abStar2',
  'bPlus',
  'bMinus',
  'vStar',
  'uPlus',
  'uMinus',
  'c',
] as const;

/**
 * Solves the cable equation of a SpatialNeuron each step (Brian's SpatialStateUpdater, slot
 * `groups`, order 1: after the channel variables were updated, so that Ic and Im agree). Its
 * kernel (kind `spatialstateupdate`) computes the linearised membrane current of every
 * compartment, then v implicitly (see compiler/4-generate/cable-solver.ts). At the start of
 * each run the kernel rebuilds its matrices (Cm, Ri and dt may have changed), as Brian's
 * `before_run` does.
 */
export class CableUpdater extends KernelRunner {
  private readonly params: CableSolverParams;

  constructor(
    readonly neuron: NeuronGroup,
    flat: FlatMorphology,
  ) {
    super(neuron, `${neuron.name}_spatialstateupdater`, 'groups', 1, neuron.clock);
    this.params = allocateSolver(neuron, flat);
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.neuron;
    const p = this.params;
    const scope = g.codeScope(ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const name = (n: string): Expr => ({ kind: 'Name', name: n, span: { start: 0, end: 0 } });
    vector.addOutput(name('gtot__private'), scope, p.gtot, 'float');
    vector.addOutput(name('I0__private'), scope, p.I0, 'float');
    for (const [key, id] of Object.entries(p)) {
      if (typeof id !== 'string') continue;
      builder.noteArray(id, INTEGER_ARRAYS.has(key) ? 'integer' : 'float', false);
    }
    return {
      kind: 'spatialstateupdate',
      name: this.name,
      scalar: builder.block().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: p,
    };
  }

  override prepare(ctx: RunContext): void {
    super.prepare(ctx);
    // Brian's before_run: the matrices are rebuilt at the first step of every run.
    ctx.device.assign(this.params.setup, undefined, 1, (storage) => {
      storage[0] = 1;
    });
  }
}

const INTEGER_ARRAYS = new Set([
  'setup',
  'starts',
  'ends',
  'sectionNode',
  'parentNode',
  'rootSection',
  'childSlot',
  'nodeParent',
  'childStart',
  'children',
]);

/** The solver's arrays on the device: work arrays (zero) and the structure of the morphology. */
function allocateSolver(g: NeuronGroup, flat: FlatMorphology): CableSolverParams {
  const device: Device = g.device;
  const id = (name: string) => g.arrayId(`_${name}`);
  const filled = (name: string, type: 'integer' | 'float', values: ArrayLike<number> | number): string => {
    const arrayId = id(name);
    const size = typeof values === 'number' ? values : values.length;
    const storage = device.allocate(arrayId, type, size).data;
    if (typeof values !== 'number') storage.set(values);
    return arrayId;
  };
  const work = Object.fromEntries(COMPARTMENT_ARRAYS.map((k) => [k, filled(k, 'float', flat.n)])) as Record<
    (typeof COMPARTMENT_ARRAYS)[number],
    string
  >;
  const arrayOf = (variable: string) => g.arrayId(variable);
  return {
    n: flat.n,
    sections: flat.sections,
    nodes: flat.nodes,
    setup: filled('setup', 'integer', Int32Array.of(1)),
    v: arrayOf('v'),
    Cm: arrayOf('Cm'),
    Ic: arrayOf('Ic'),
    Ri: arrayOf('Ri'),
    area: arrayOf('area'),
    rLength1: arrayOf('r_length_1'),
    rLength2: arrayOf('r_length_2'),
    ...work,
    starts: filled('starts', 'integer', flat.starts),
    ends: filled('ends', 'integer', flat.ends),
    sectionNode: filled('section_node', 'integer', flat.sectionNode),
    parentNode: filled('parent_node', 'integer', flat.parentNode),
    rootSection: filled('root_section', 'integer', flat.rootSection),
    childSlot: filled('child_slot', 'integer', flat.childSlot),
    invr0: filled('invr0', 'float', flat.sections),
    invrn: filled('invrn', 'float', flat.sections),
    nodeParent: filled('node_parent', 'integer', flat.nodeParent),
    childStart: filled('child_start', 'integer', flat.childStart),
    children: filled('children', 'integer', flat.children),
    PDiag: filled('P_diag', 'float', flat.nodes),
    PParent: filled('P_parent', 'float', flat.nodes),
    PChildren: filled('P_children', 'float', Math.max(1, flat.sections)),
    B: filled('B', 'float', flat.nodes),
  };
}
