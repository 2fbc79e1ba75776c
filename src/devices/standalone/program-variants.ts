import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { KernelCalls, KernelFunction } from '../device.ts';
import type { KernelCompiler } from './kernel-compiler.ts';
import type { CppFunction, Operation } from './program.ts';

type CallOperation = Extract<Operation, { kind: 'call' }>;

/** One version of the program being recorded: its operations and the C++ functions they call. */
export interface ProgramVariant {
  readonly name: string;
  readonly ops: Operation[];
  readonly compiler: KernelCompiler;
  /** The C++ function each kernel function the API holds was compiled to in this variant. */
  readonly functionNames: WeakMap<KernelFunction, string>;
}

/** Which failures of a variant drop it instead of failing the script, and who hears of it. */
export interface DropPolicy {
  mayDrop(variant: string, error: unknown): boolean;
  dropped?(variant: string, error: unknown): void;
}

/**
 * The program as the script records it, in one or several variants at once. A plain standalone
 * program has one. The MPI device with `distributeSynapses: 'auto'` records two (synapses stored
 * where they live, and every synapse on every process), because whether the model allows the
 * first is only known once the whole script is recorded: a variant whose recording throws an
 * error that the policy's `mayDrop` accepts is dropped on the spot, and `build()` writes the first variant
 * left. Both are recorded at the same moment, so they see the same array declarations.
 */
export class ProgramVariants {
  private list: ProgramVariant[];

  constructor(
    names: readonly string[],
    newCompiler: (variant: string) => KernelCompiler,
    private readonly policy: DropPolicy = { mayDrop: () => false },
  ) {
    if (names.length === 0) throw new Error('internal: a program with no variant');
    this.list = names.map((name) => ({
      name,
      ops: [],
      compiler: newCompiler(name),
      functionNames: new WeakMap(),
    }));
  }

  /** The variant `build()` writes: the first one not dropped. */
  get chosen(): ProgramVariant {
    return this.list[0];
  }

  get all(): readonly ProgramVariant[] {
    return this.list;
  }

  get(name: string): ProgramVariant {
    const v = this.list.find((x) => x.name === name);
    if (!v) throw new Error(`internal: no program variant ${name} (dropped?)`);
    return v;
  }

  /** A C++ function of a variant by its name. */
  compiledFunction(name: string, variant = this.chosen.name): CppFunction | undefined {
    return this.get(variant).compiler.functions.find((f) => f.name === name);
  }

  /**
   * Compiles `kernel` in every variant as the C++ function that `call` (the function the API
   * holds) stands for there; whether it draws random numbers (the same in every variant).
   */
  compile(call: KernelFunction, kernel: Kernel, calls: KernelCalls): boolean {
    let draws = false;
    this.record((v) => {
      const fn = v.compiler.compile(kernel, calls);
      draws = fn.draws;
      v.functionNames.set(call, fn.name);
    });
    return draws;
  }

  /** A call of `call`, in every variant under the name of its C++ function there. */
  pushCall(call: KernelFunction, op: Omit<CallOperation, 'kind' | 'fn'>): void {
    for (const v of this.list) {
      const fn = v.functionNames.get(call);
      if (fn === undefined) throw new Error(`internal: a kernel function not compiled in ${v.name}`);
      v.ops.push({ kind: 'call', fn, ...op });
    }
  }

  /** The same operation in every variant. */
  push(op: Operation): void {
    for (const v of this.list) v.ops.push(op);
  }

  /**
   * Records something in every variant. A variant that fails with an error the policy accepts is
   * dropped when another variant succeeds; any other failure, or every variant failing, is the
   * script's error (the last variant's: the one with the fewest restrictions).
   */
  record(each: (variant: ProgramVariant) => void): void {
    const failed: [ProgramVariant, unknown][] = [];
    for (const v of this.list) {
      try {
        each(v);
      } catch (e) {
        failed.push([v, e]);
      }
    }
    if (failed.length === 0) return;
    const fatal = failed.find(([v, e]) => !this.policy.mayDrop(v.name, e));
    if (fatal) throw fatal[1];
    if (failed.length === this.list.length) throw failed[failed.length - 1][1];
    this.list = this.list.filter((v) => !failed.some(([f]) => f === v));
    for (const [v, e] of failed) this.policy.dropped?.(v.name, e);
  }
}
