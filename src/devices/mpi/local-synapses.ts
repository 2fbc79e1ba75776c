import type { LocalSynapsesAccess } from '../../compiler/4-generate/cpp/context.ts';
import { mangleId } from '../../compiler/4-generate/cpp/names.ts';
import type { StateMonitorParams } from '../../compiler/4-generate/js/kernels/statemonitor.ts';
import type { SummedVariableParams } from '../../compiler/4-generate/js/kernels/summed-variable.ts';
import type { SynapsesCreateParams } from '../../compiler/4-generate/js/kernels/synapses-create.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { SynapsesConnected } from '../device.ts';
import type { ArrayDecl, Operation } from '../standalone/program.ts';

/** The program's global holding a synapse set's global numbers (`brian::mpi::LocalSynapses`). */
export function localName(set: string): string {
  return `_local_${mangleId(set)}`;
}

const HINT =
  "leave mpi.distributeSynapses at 'auto' (the default) or set it false: every process then holds every synapse";

function refuse(what: string): never {
  throw new BrianError(
    'mpi_not_supported',
    `${what} is not supported with mpi.distributeSynapses true: each process stores only the synapses of its own target neurons.`,
    { hint: HINT },
  );
}

/**
 * `mpi: { distributeSynapses }` (true, or 'auto' where nothing is refused): each process stores only the synapses whose target
 * neuron it owns, in compact per-synapse arrays, and each one's global number (its index in the
 * single process's arrays; `brian::mpi::LocalSynapses` in brianlib/distributed.h).
 *
 * Supported: creation by `connect()` with a condition, p, n, generators or (i, j) pairs
 * (every process runs the whole candidate loop with the same draws, or reads all pairs, and
 * keeps its own), kernels over the synapses of one set (pathways, synaptic state updates,
 * summed variables onto postsynaptic neurons and, through `summedToSource`, onto presynaptic
 * ones, string setters over all synapses, with their random numbers keyed by the global
 * number), state monitors of synapses (each process records its own, the records are merged
 * after each run), values set from the script (`S.w = 0.5`) or by runArgs, `N`, `N_incoming`,
 * `N_outgoing`, store/restore, and the results in global order. Everything else that touches a
 * per-synapse array is refused when the script records it (`refuse`): with 'auto' that makes
 * the program hold every synapse everywhere instead (mpi-device.ts).
 */
export class LocalSynapseSets {
  /** Per-synapse array → its set (named by its `_synaptic_pre` array). */
  private readonly arrays = new Map<string, string>();
  private readonly sets = new Map<string, { offset: number; nTarget: number; arrays: Set<string> }>();
  /** connect(i=…, j=…): the source array whose values the program holds until the targets come. */
  private heldSources?: ArrayDecl;
  /** Summed variables onto presynaptic neurons: their `brian::mpi::SummedToSource` globals. */
  private readonly summed = new Set<string>();

  add(spec: SynapsesConnected): void {
    if (typeof spec.targetStorageSize !== 'number') return; // refused by SynapseRegistry
    const ids = [spec.pre, spec.post, ...spec.perSynapse.map((p) => p.arrayId)];
    if (spec.multisynapticIndex) ids.push(spec.multisynapticIndex);
    const known = this.sets.get(spec.pre);
    const arrays = known?.arrays ?? new Set<string>();
    for (const id of ids) {
      arrays.add(id);
      this.arrays.set(id, spec.pre);
    }
    this.sets.set(spec.pre, { offset: spec.targetStart, nTarget: spec.targetStorageSize, arrays });
  }

  clear(): void {
    this.arrays.clear();
    this.sets.clear();
    this.heldSources = undefined;
    this.summed.clear();
  }

  /**
   * A summed variable onto the presynaptic neurons of a set stored apart: the program's global
   * that adds its terms on the processes owning the sources, in global synapse order
   * (`brian::mpi::SummedToSource`, brianlib/distributed_summed.h); undefined for other kernels.
   */
  summedToSource(kernel: Kernel): string | undefined {
    if (kernel.kind !== 'summed_variable') return undefined;
    const p = kernel.params as SummedVariableParams;
    if (!p.postIndex.endsWith('_synaptic_pre') || !this.arrays.has(p.postIndex)) return undefined;
    const name = `_summed_to_${mangleId(p.target)}`;
    this.summed.add(name);
    return name;
  }

  has(set: string): boolean {
    return this.sets.has(set);
  }

  setOf(arrayId: string): string | undefined {
    return this.arrays.get(arrayId);
  }

  /** `brian::mpi::LocalSynapses` globals, one per set, and the summed variables' `SummedToSource`. */
  globals(): string[] {
    return [
      ...[...this.sets].map(
        ([set, s]) => `brian::mpi::LocalSynapses ${localName(set)}(${s.offset}, ${s.nTarget});`,
      ),
      ...[...this.summed].map((name) => `brian::mpi::SummedToSource ${name};`),
    ];
  }

  /** Every per-synapse array id with its set. */
  entries(): [string, string][] {
    return [...this.arrays];
  }

  /**
   * What a kernel needs to run over compact synapse arrays, or undefined when it touches none;
   * refuses a kernel that reads or writes them other than element by element over its own set.
   */
  access(kernel: Kernel): { access: LocalSynapsesAccess; extern: string } | undefined {
    let set: string | undefined;
    if (kernel.kind === 'synapses_create_generator' || kernel.kind === 'synapses_create_array') {
      const p = kernel.params as SynapsesCreateParams;
      set = p.outerArray.endsWith('_synaptic_pre') ? p.outerArray : p.innerArray;
    } else {
      const touched = new Set<string>();
      for (const id of kernel.arrays.keys()) {
        const s = this.arrays.get(id);
        if (s) touched.add(s);
      }
      for (const value of Object.values((kernel.params ?? {}) as Record<string, unknown>)) {
        const id =
          typeof value === 'string'
            ? value
            : typeof value === 'object' && value !== null && 'sizeOf' in value
              ? String((value as { sizeOf: unknown }).sizeOf)
              : undefined;
        const s = id === undefined ? undefined : this.arrays.get(id);
        if (s) touched.add(s);
      }
      if (touched.size === 0) return undefined;
      if (touched.size > 1) refuse(`${kernel.name}, which reads the synapses of several Synapses objects,`);
      set = [...touched][0];
      this.check(kernel);
    }
    const local = localName(set);
    return {
      access: {
        key: (idx) => `${local}.global[${idx}]`,
        localOf: (global) => `${local}.local_of(${global})`,
        count: () => `${local}.n_global`,
        keep: (post) => `${local}.keep(${post})`,
      },
      extern: `extern brian::mpi::LocalSynapses ${local};`,
    };
  }

  /** Kernels that visit the synapses of their set one by one, each at its local position. */
  private check(kernel: Kernel): void {
    const p = kernel.params as Record<string, unknown>;
    switch (kernel.kind) {
      case 'synapses':
      case 'statemonitor': // each process records its own synapses (merged after the run: records)
        return;
      case 'stateupdate':
        if (typeof (p as { stop?: unknown }).stop === 'object') return;
        break;
      case 'group_variable_set':
        if (p.indicesArrayId) refuse(`${kernel.name}: a string setter with explicit synapse indices`);
        if (typeof (p as { stop?: unknown }).stop === 'object') return;
        break;
      case 'summed_variable':
        // Onto postsynaptic neurons every term is on its target's process; onto presynaptic ones
        // the terms travel to the source's process (summedToSource).
        if (this.arrays.has((p as unknown as SummedVariableParams).postIndex)) return;
        break;
      default:
        break;
    }
    refuse(`${kernel.name} (${kernel.kind}), which reads synaptic variables,`);
  }

  /**
   * A state monitor of synapses stored apart: its record buffers, where each process wrote its own
   * synapses' columns and left the others zero (merged by a bitwise or after the run).
   */
  records(kernel: Kernel): string[] {
    if (kernel.kind !== 'statemonitor') return [];
    if (![...kernel.arrays.keys()].some((id) => this.arrays.has(id))) return [];
    return (kernel.params as StateMonitorParams).recorded.map((r) => r.buffer);
  }

  /** An operation the script recorded on arrays: the synapses' own version, or refused. */
  operation(op: Operation): Operation {
    switch (op.kind) {
      case 'set': {
        const set = this.arrays.get(op.target.id);
        return set ? { ...op, local: localName(set) } : op;
      }
      case 'synapses_connected':
        return this.sets.has(op.pre.id) ? { ...op, local: localName(op.pre.id) } : op;
      case 'append': {
        // connect(i=…, j=…) without p appends the sources, then the targets (before the first
        // connect() its set is not known yet).
        const id = op.target.id;
        if (id.endsWith('_synaptic_pre') && !this.heldSources) {
          this.heldSources = op.target;
          return { ...op, local: { name: localName(id) } };
        }
        const pre = this.heldSources;
        if (id.endsWith('_synaptic_post') && pre && `${id.slice(0, -'post'.length)}pre` === pre.id) {
          this.heldSources = undefined;
          return { ...op, local: { name: localName(pre.id), pre } };
        }
        if (this.arrays.has(id) || /_synaptic_(pre|post)$/.test(id)) {
          refuse(`Appending to ${id} from the script`);
        }
        return op;
      }
      case 'replace':
        if (this.arrays.has(op.target.id)) refuse(`Replacing ${op.target.id}`);
        return op;
      case 'arange': {
        // A StateMonitor of every synapse: indices 0 … N-1 of the global numbering.
        const set = this.arrays.get(op.lengthOf.id);
        if (this.arrays.has(op.target.id)) refuse(`Numbering ${op.target.id}`);
        return set ? { ...op, local: localName(set) } : op;
      }
      default:
        return op;
    }
  }
}
