import { cppString } from '../../compiler/4-generate/cpp/names.ts';
import { kernelAccess } from '../../compiler/4-generate/cpp-mpi/kernel-access.ts';
import {
  kernelPartition,
  ownershipExtern,
  ownershipName,
} from '../../compiler/4-generate/cpp-mpi/partition.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { KernelCalls, SynapsesConnected } from '../device.ts';
import { arrayFileName } from '../standalone/array-declarations.ts';
import { CppStandaloneDevice } from '../standalone/cpp-standalone-device.ts';
import type { RunOperation } from '../standalone/distribution-hooks.ts';
import type { Launcher } from '../standalone/execute.ts';
import type { DistributedKernel } from '../standalone/kernel-compiler.ts';
import type { StandaloneOptions } from '../standalone/options.ts';
import type { Operation } from '../standalone/program.ts';
import type { DropPolicy } from '../standalone/program-variants.ts';
import type { DistributedProgram } from '../standalone/write-project.ts';
import { type ExchangeStatistics, readExchange } from './exchange.ts';
import { checkTool, mpiLauncher } from './launch.ts';
import { LocalSynapseSets, localName } from './local-synapses.ts';
import { checkMpiOptions, type MpiOptions } from './options.ts';
import { planRun } from './run-plan.ts';
import { SynapseRegistry } from './synapse-sets.ts';

/** The program variants (program-variants.ts): synapses stored where they live, or everywhere. */
const DISTRIBUTED = 'synapses distributed';
const REPLICATED = 'synapses replicated';

/**
 * The C++ standalone device with MPI (`setDevice('cpp_standalone', { mpi: { processes } })`):
 * the same recorded program, built with `mpicxx` and started under `mpirun`. Every process holds
 * every array (with `distributeSynapses`, only its own synapses: local-synapses.ts); in the step loop each computes the neurons it owns (a contiguous block of every
 * group) and the synapses of those neurons (synapses live with their target), and the processes
 * exchange what the others need: spikes (once per minimum delay where the model allows it:
 * spike-blocks.ts), arrays that kernels read at
 * elements another process computed (presynaptic variables of graded synapses and gap
 * junctions, monitored variables), the contributions of summed variables onto presynaptic
 * neurons. Outside the loop (setters, connect(), store/restore) all processes do the same, and
 * the first one writes the results, so scripts read them as on one process, and they are the
 * single process's to the bit: every random number is keyed by its element, not drawn from a
 * stream (core/random), and every sum adds its terms in the same order.
 */
export class MpiStandaloneDevice extends CppStandaloneDevice {
  readonly mpi: MpiOptions;
  private readonly sets: SynapseRegistry;
  /** Unless `distributeSynapses: false`: the synapse sets each process stores only its own synapses of. */
  private readonly local?: LocalSynapseSets;
  /** `distributeSynapses: 'auto'`: what made the program hold every synapse on every process. */
  private replicatedFor?: BrianError;

  constructor(options: StandaloneOptions & { mpi: MpiOptions }) {
    const mpi = checkMpiOptions(options.mpi);
    super({
      ...options,
      compiler: options.compiler ?? 'mpicxx',
      extraCompileArgs: [...(options.extraCompileArgs ?? []), '-DBRIAN_MPI'],
    });
    this.mpi = mpi;
    if (mpi.distributeSynapses !== false) this.local = new LocalSynapseSets();
    this.sets = new SynapseRegistry((id) => {
      const decl = this.current(id);
      return decl.dynamic ? undefined : decl.size;
    });
  }

  override synapsesConnected(spec: SynapsesConnected): void {
    this.sets.add(spec);
    this.local?.add(spec);
    super.synapsesConnected(spec);
  }

  override reinit(): void {
    super.reinit();
    this.sets?.clear();
    this.local?.clear();
    this.replicatedFor = undefined;
  }

  /**
   * Whether the program stores each synapse on its target's process only (`distributeSynapses`:
   * true, or 'auto' with nothing in the script that this storage refuses) rather than every
   * synapse on every process. Known as the script is recorded, final when it is built.
   */
  get synapsesDistributed(): boolean {
    return this.chosenVariant === DISTRIBUTED;
  }

  /**
   * With `distributeSynapses: 'auto'` (the default) and synapses not distributed: the first thing
   * in the script that distributed storage refuses (its `mpi_not_supported` error), hence every
   * process holds every synapse.
   */
  get synapsesReplicatedBecause(): BrianError | undefined {
    return this.replicatedFor;
  }

  /** Synapses stored apart, every synapse everywhere, or both until the script decides ('auto'). */
  protected override programVariants(): readonly string[] {
    const mode = this.mpi.distributeSynapses ?? 'auto';
    return mode === 'auto' ? [DISTRIBUTED, REPLICATED] : mode ? [DISTRIBUTED] : [REPLICATED];
  }

  /** 'auto': what distributed storage refuses makes the program hold every synapse everywhere. */
  protected override variantPolicy(): DropPolicy {
    return {
      mayDrop: (variant, error) =>
        variant === DISTRIBUTED &&
        (this.mpi.distributeSynapses ?? 'auto') === 'auto' &&
        error instanceof BrianError &&
        error.code === 'mpi_not_supported',
      dropped: (_variant, error) => {
        this.replicatedFor = error as BrianError;
        if (this.options.verbose) {
          console.log(
            `brian-ts MPI: every process holds every synapse (distributeSynapses 'auto'): ${this.replicatedFor.message}`,
          );
        }
      },
    };
  }

  private localIn(variant: string): LocalSynapseSets | undefined {
    return variant === DISTRIBUTED ? this.local : undefined;
  }

  protected override distributedOperation(op: Operation, variant: string): Operation {
    const local = this.localIn(variant);
    return local ? local.operation(op) : op;
  }

  override build(...args: Parameters<CppStandaloneDevice['build']>): void {
    checkTool(this.options.compiler ?? 'mpicxx', 'the MPI C++ compiler');
    super.build(...args);
  }

  /** Each process queues its own synapses (owned, at the exchange's step): its pathways read the due lists the step loop pops. */
  protected override runsQueues(): boolean {
    return false;
  }

  /** Each process runs its steps with a parallel region per loop: its kernels are not team kernels (cpp/team.ts). */
  protected override stepRegions(): boolean {
    return false;
  }

  protected override distributedKernel(
    kernel: Kernel,
    calls: KernelCalls,
    variant: string,
  ): DistributedKernel | undefined {
    const localSets = this.localIn(variant);
    const local = localSets?.access(kernel);
    const localPart = local ? { localSynapses: local.access, externs: [local.extern] } : undefined;
    // Pathways loop over the due synapses of their spike queue, which holds this process's only.
    if (calls === 'once' && local && kernel.kind === 'summed_variable') {
      // Only the step loop exchanges the terms: once, each process would sum its own terms only.
      throw new Error(`internal: ${kernel.name} called once over synapses stored apart`);
    }
    if (calls === 'once' || kernel.kind === 'synapses') return localPart;
    const access = kernelAccess(kernel, this.sets);
    const extern = ownershipExtern(access.space);
    const summed = localSets?.summedToSource(kernel);
    return {
      partition: kernelPartition(
        access.space,
        access.gathered !== undefined,
        access.space.kind === 'synapses' && localSets?.has(access.space.set)
          ? `(int32_t)${this.current(access.space.set).cppName}.size()`
          : undefined,
        summed,
      ),
      localSynapses: local?.access,
      externs: [
        ...(extern ? [extern] : []),
        ...(local ? [local.extern] : []),
        ...(summed ? [`extern brian::mpi::SummedToSource ${summed};`] : []),
      ],
    };
  }

  protected override distributedRun(op: RunOperation, variant: string): RunOperation {
    return planRun(op, {
      kernelOf: (fn) => {
        const compiled = this.compiledFunction(fn, variant);
        if (!compiled) throw new Error(`internal: no compiled function ${fn}`);
        return compiled.kernel;
      },
      sets: this.sets,
      localSets: this.localIn(variant),
      decl: (id) => this.current(id),
    });
  }

  protected override distributedProgram(variant: string): DistributedProgram {
    // Per-synapse arrays stored apart: process 0 writes them in global order, gathered in slices.
    const gathered = (this.localIn(variant)?.entries() ?? []).map(([id, set]) => ({
      decl: this.current(id),
      set,
    }));
    return {
      brianlibSources: ['distributed.cpp', 'distributed_spikes.cpp', 'distributed_summed.cpp'],
      main: {
        globals: [
          '#include "brianlib/distributed.h"',
          ...this.sets.all().map((s) => `brian::mpi::Ownership ${ownershipName(s.pre)};`),
          ...(this.localIn(variant)?.globals() ?? []),
        ],
        beforeResults: gathered.map(
          ({ decl, set }) =>
            `brian::mpi::write_gathered(results_dir + ${cppString(`/${arrayFileName(decl.cppName)}`)}, ${decl.cppName}, ${localName(set)});`,
        ),
        writtenApart: new Map(gathered.map((g) => [g.decl.cppName, localName(g.set)])),
        start: ['brian::mpi::init(&argc, &argv);'],
        afterRandomSeed: ['brian::mpi::broadcast_seed(brian::_draws.seed_lo, brian::_draws.seed_hi);'],
        writesResults: 'brian::mpi::rank == 0',
        peakMemory: ['_usage.ru_maxrss = (long)brian::mpi::max_over_processes((double)_usage.ru_maxrss);'],
        end: ['brian::mpi::write_exchange(results_dir);', 'brian::mpi::finalize();'],
      },
    };
  }

  /** What the last run's exchanges between processes cost (undefined before a run). */
  get exchange(): ExchangeStatistics | undefined {
    const directory = this.resultsDirectory;
    return directory === undefined ? undefined : readExchange(directory);
  }

  protected override launcher(): Launcher {
    return mpiLauncher(this.mpi);
  }
}
