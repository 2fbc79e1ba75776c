import type { AnalyzedEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { IndexRef } from '../compiler/2-analyze/scope.ts';
import type { ArrayVariable, Variable } from '../core/variables.ts';
import type { Device } from '../devices/device.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { DIMENSIONLESS } from '../units/dimension.ts';
import { second } from '../units/index.ts';
import { sizeVariable } from './element-count.ts';

/** What a Synapses object gives the code creating its variables. */
export interface SynapseOwner {
  readonly source: Group;
  readonly target: Group;
  readonly device: Device;
  readonly analyzed: AnalyzedEquations;
  readonly eventDriven: AnalyzedEquations['odes'];
  readonly multisynapticIndex?: string;
  readonly variables: Map<string, Variable>;
  arrayId(name: string): string;
}

/**
 * The storage of a Synapses object (Brian's `Synapses._create_variables`): the pre and post
 * index of every synapse (`i`, `j`), per-neuron counts, the multisynaptic index, the model's
 * parameters and ODE variables (one value per synapse, or one for `(shared)`), stored
 * `(constant over dt)` subexpressions, `lastupdate` for event-driven equations, and `N`
 * (an array the device writes at each connect).
 */
export class SynapseArrays {
  /** Every array of the object (store/restore). */
  readonly own: string[] = [];
  /** The dynamic arrays holding one value per synapse (grown at each connect). */
  readonly perSynapse: string[] = [];

  constructor(
    private readonly S: SynapseOwner,
    /** The Synapses' table of indices of linked-like variables (N_incoming, N_outgoing). */
    private readonly linkedIndices: Map<string, IndexRef>,
  ) {}

  /** A growing array of this object; `perSynapse`: one element per synapse (grown at connect). */
  allocateDynamic(name: string, type: ArrayVariable['type'], perSynapse = true): string {
    const id = this.S.arrayId(name);
    this.S.device.allocateDynamic(id, type);
    this.own.push(id);
    if (perSynapse) this.perSynapse.push(id);
    return id;
  }

  addArrayVariable(
    name: string,
    arrayId: string,
    v: Partial<ArrayVariable> & Pick<ArrayVariable, 'dim' | 'type'>,
  ): void {
    this.S.variables.set(name, {
      kind: 'array',
      name,
      arrayId,
      shared: false,
      constant: false,
      readOnly: false,
      dynamic: true,
      ...v,
    });
  }

  createVariables(): void {
    const S = this.S;
    const pre = this.allocateDynamic('_synaptic_pre', 'integer');
    const post = this.allocateDynamic('_synaptic_post', 'integer');
    this.addArrayVariable('_synaptic_pre', pre, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('_synaptic_post', post, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('i', pre, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    this.addArrayVariable('j', post, { dim: DIMENSIONLESS, type: 'integer', readOnly: true });
    // As in Brian, one count per neuron (not per synapse: 8 B per synapse saved), read by a
    // synapse through its post- or presynaptic index.
    for (const [name, through] of [
      ['N_incoming', '_synaptic_post'],
      ['N_outgoing', '_synaptic_pre'],
    ] as const) {
      this.addArrayVariable(name, this.allocateDynamic(name, 'integer', false), {
        dim: DIMENSIONLESS,
        type: 'integer',
        readOnly: true,
      });
      this.linkedIndices.set(name, {
        kind: 'element',
        base: '_idx',
        steps: [{ kind: 'lookup', arrayId: S.arrayId(through), dynamic: true }],
      });
    }
    if (S.multisynapticIndex) {
      this.addArrayVariable(S.multisynapticIndex, this.allocateDynamic(S.multisynapticIndex, 'integer'), {
        dim: DIMENSIONLESS,
        type: 'integer',
        readOnly: true,
      });
    }
    for (const eq of [...S.analyzed.odes, ...S.analyzed.parameters]) {
      for (const n of [S.source, S.target]) {
        if (n.variables.has(eq.name) && eq.name !== 'lastupdate' && !eq.name.startsWith('_')) {
          throw new BrianError(
            'equation_duplicate_variable',
            `The synaptic variable "${eq.name}" has the same name as a variable of ${n.name}; rename it (e.g. ${eq.name}_syn).`,
            { span: eq.line.nameSpan },
          );
        }
      }
      const shared = eq.flags.has('shared');
      let id: string;
      if (shared) {
        id = S.arrayId(eq.name);
        S.device.allocate(id, eq.type, 1);
        this.own.push(id);
      } else {
        id = this.allocateDynamic(eq.name, eq.type);
      }
      this.addArrayVariable(eq.name, id, {
        dim: eq.dim,
        type: eq.type,
        shared,
        dynamic: !shared,
        constant: eq.flags.has('constant'),
      });
    }
    for (const eq of S.analyzed.subexpressions) {
      const name = eq.flags.has('summed') ? `_summed_${eq.name}` : eq.name;
      // `(constant over dt)`: stored, one value per synapse, by the subexpression updater.
      const constantOverDt = eq.flags.has('constant over dt')
        ? { arrayId: this.allocateDynamic(eq.name, eq.type), dynamic: true }
        : undefined;
      S.variables.set(name, {
        kind: 'subexpression',
        name,
        expr: eq.line.expr!,
        dim: eq.dim,
        type: eq.type,
        shared: eq.flags.has('shared'),
        constantOverDt,
        span: eq.line.span,
      });
    }
    if (S.eventDriven.length > 0 && !S.variables.has('lastupdate')) {
      this.addArrayVariable('lastupdate', this.allocateDynamic('lastupdate', 'float'), {
        dim: second.dim,
        type: 'float',
      });
    }
    S.variables.set('t', { kind: 'auxiliary', name: 't', dim: second.dim, type: 'float', shared: true });
    S.variables.set('dt', { kind: 'auxiliary', name: 'dt', dim: second.dim, type: 'float', shared: true });
    S.variables.set('t_in_timesteps', {
      kind: 'auxiliary',
      name: '_timestep',
      dim: DIMENSIONLESS,
      type: 'integer',
      shared: true,
    });
    // Brian's `N` as an array (one element, written at each connect): the number of synapses
    // is known only inside the compiled program on a standalone device.
    S.device.allocate(S.arrayId('N'), 'integer', 1);
    this.own.push(S.arrayId('N'));

    S.variables.set('N_pre', sizeVariable(S.source, 'N_pre'));
    S.variables.set('N_post', sizeVariable(S.target, 'N_post'));
  }

  /** `N`: a constant in this process (kernels are rebuilt at every run), the array elsewhere. */
  updateSize(n: () => number): void {
    const S = this.S;
    S.variables.set(
      'N',
      S.device.inProcess
        ? { kind: 'constant', name: 'N', value: n(), dim: DIMENSIONLESS, type: 'integer' }
        : {
            kind: 'array',
            name: 'N',
            arrayId: S.arrayId('N'),
            dim: DIMENSIONLESS,
            type: 'integer',
            shared: true,
            constant: false,
            readOnly: true,
            dynamic: false,
          },
    );
  }
}
