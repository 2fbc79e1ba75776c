import type {
  CppKernelContext,
  KernelPartition,
  LocalSynapsesAccess,
} from '../../compiler/4-generate/cpp/context.ts';
import { generateCppKernel, KernelNotAvailableError } from '../../compiler/4-generate/cpp/generate-kernel.ts';
import { popsOwnQueue } from '../../compiler/4-generate/cpp/kernels/synapses.ts';
import { mangleId, queueName } from '../../compiler/4-generate/cpp/names.ts';
import { queueParts } from '../../compiler/4-generate/cpp/openmp.ts';
import { teamKernel } from '../../compiler/4-generate/cpp/team.ts';
import type { SynapsesParams } from '../../compiler/4-generate/js/kernels/synapses.ts';
import type { FunctionDef } from '../../compiler/functions.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { optimiseKernel } from '../../compiler/ir/passes/optimise-kernel.ts';
import { randomSites } from '../../compiler/ir/random-sites.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { KernelCalls } from '../device.ts';
import type { ArrayDecl, CppFunction, SupportCode } from './program.ts';

/**
 * Turns kernels into C++ functions of the program: optimised as on the runtime device, printed
 * with the arrays as they are declared now, and deduplicated (the same code compiled twice, a
 * repeated setter, is one function).
 */
export class KernelCompiler {
  readonly functions: CppFunction[] = [];
  private readonly byBody = new Map<string, CppFunction>();
  private readonly usedNames = new Set<string>();

  constructor(
    /** The declaration an array id has now (the API declares arrays before kernels use them). */
    private readonly current: (arrayId: string) => ArrayDecl,
    /** Emit OpenMP pragmas for loops whose elements are independent. */
    private readonly openmp = false,
    /** fastMath builds: exp() and exprel() by brianlib's fast-math-proof implementations. */
    private readonly fastMath = false,
    /** The random stream number of a kernel that draws (DrawState.stream). */
    private readonly streamOf: (kernelName: string) => number = () => 0,
    /** A distributed program: what this process computes of a kernel (none: everything). */
    private readonly partitionOf: (
      kernel: Kernel,
      calls: KernelCalls,
    ) => DistributedKernel | undefined = () => undefined,
    /** The program runs the spike queues (not a distributed one): pathways pop theirs, and may split them per thread. */
    private readonly runsQueues = false,
    /** The step loop opens one parallel region per step: kernels are printed as team kernels where they can be (cpp/team.ts). */
    private readonly teams = false,
  ) {}

  compile(kernel: Kernel, calls: KernelCalls): CppFunction {
    const optimised = this.fastMath ? withFastFunctions(optimiseKernel(kernel)) : optimiseKernel(kernel);
    const draws = randomSites(optimised).count > 0;
    const used = new Map<string, ArrayDecl>();
    const distributed = this.partitionOf(optimised, calls);
    const ctx: CppKernelContext = {
      openmp: this.openmp,
      queues: this.runsQueues,
      team: this.teams,
      partition: distributed?.partition,
      localSynapses: distributed?.localSynapses,
      randomStream: draws ? this.streamOf(kernel.name) : undefined,
      array: (arrayId) => {
        const decl = this.current(arrayId);
        used.set(decl.cppName, decl);
        return { name: decl.cppName, type: decl.type, dynamic: decl.dynamic, size: decl.size };
      },
    };
    const support = supportCode(optimised.functions);
    let body: string;
    try {
      body = generateCppKernel(optimised, '__KERNEL__', ctx);
    } catch (e) {
      if (e instanceof KernelNotAvailableError) {
        throw new BrianError('not_available_on_device', `${kernel.name}: ${e.message}.`, {
          hint: 'run this script on the runtime device',
        });
      }
      throw e;
    }
    const split = queueParts(optimised, ctx);
    const parts = split && {
      queue: queueName(kernel.name),
      due: (optimised.params as SynapsesParams).spikes,
      keys: split.keyArray,
    };
    const pops = popsOwnQueue(optimised, ctx)
      ? { queue: queueName(kernel.name), due: (optimised.params as SynapsesParams).spikes }
      : undefined;
    const externs = [
      ...(distributed?.externs ?? []),
      ...(pops ? [`extern brian::SpikeQueue ${pops.queue};`] : []),
    ];
    const key = `${body}\n${support.map((s) => s.code).join('\n')}\n${externs.join('\n')}`;
    const known = this.byBody.get(key);
    if (known) return known;
    const name = this.uniqueName(`_run_${mangleId(kernel.name)}`);
    const fn: CppFunction = {
      name,
      source: body.replace('__KERNEL__', name),
      arrays: [...used.values()],
      support,
      draws,
      kernel: optimised,
      externs,
      queueParts: parts,
      popsQueue: pops,
      openmp: openmpRole(optimised, ctx, body),
    };
    this.byBody.set(key, fn);
    this.functions.push(fn);
    return fn;
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let k = 2; this.usedNames.has(name); k++) name = `${base}_${k}`;
    this.usedNames.add(name);
    return name;
  }
}

/**
 * How the function uses OpenMP (CppFunction.openmp): a team kernel, or one that opens parallel
 * regions of its own (every region is printed by a `#pragma omp parallel` line), or neither.
 */
function openmpRole(kernel: Kernel, ctx: CppKernelContext, body: string): CppFunction['openmp'] {
  if (teamKernel(kernel, ctx)) return 'team';
  return body.includes('#pragma omp parallel') ? 'regions' : undefined;
}

/** What one process of a distributed program computes of a kernel, and the declarations that needs. */
export interface DistributedKernel {
  readonly partition?: KernelPartition;
  /** The kernel runs over (or creates) synapses that each process stores only its own of. */
  readonly localSynapses?: LocalSynapsesAccess;
  readonly externs: readonly string[];
}

/** Functions with a faster (vectorisable, not correctly rounded) C++ implementation in brianlib. */
const FAST_IMPLEMENTATIONS: Readonly<Record<string, string>> = {
  _brian_exp: '_brian_exp_fast',
  _brian_exprel: '_brian_exprel_fast',
};

function withFastFunctions(kernel: Kernel): Kernel {
  if (![...kernel.functions].some((f) => f.cpp in FAST_IMPLEMENTATIONS && !f.user && !f.inline))
    return kernel;
  const functions = new Set(
    [...kernel.functions].map((f) =>
      f.cpp in FAST_IMPLEMENTATIONS && !f.user && !f.inline ? { ...f, cpp: FAST_IMPLEMENTATIONS[f.cpp] } : f,
    ),
  );
  return { ...kernel, functions };
}

/** The C++ code of the user and inline functions a kernel calls. */
function supportCode(functions: ReadonlySet<FunctionDef>): SupportCode[] {
  const out: SupportCode[] = [];
  for (const f of [...functions].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const inline = (f as { inline?: { cppSupport?: string } }).inline;
    if (inline) {
      if (inline.cppSupport) out.push(support(`function ${f.name}`, inline.cppSupport));
      continue;
    }
    if (!f.user) continue;
    const cpp = f.user.cpp;
    if (!cpp) {
      throw new BrianError(
        'not_available_on_device',
        `Function ${f.name} has no C++ implementation, so it cannot run on the cpp_standalone device.`,
        { hint: 'give implementation() a cpp: { code } part, or run on the runtime device' },
      );
    }
    out.push({
      label: `user function ${f.name}`,
      code: cpp.code,
      headers: cpp.headers ?? [],
      sources: cpp.sources ?? [],
      libraries: cpp.libraries ?? [],
      includeDirs: cpp.includeDirs ?? [],
      libraryDirs: cpp.libraryDirs ?? [],
      runtimeLibraryDirs: cpp.runtimeLibraryDirs ?? [],
      defineMacros: cpp.defineMacros ?? {},
    });
  }
  return out;
}

function support(label: string, code: string): SupportCode {
  return {
    label,
    code,
    headers: [],
    sources: [],
    libraries: [],
    includeDirs: [],
    libraryDirs: [],
    runtimeLibraryDirs: [],
    defineMacros: {},
  };
}
