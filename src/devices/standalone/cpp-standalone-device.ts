import { availableParallelism } from 'node:os';
import { queueName } from '../../compiler/4-generate/cpp/names.ts';
import type { ScalarType } from '../../compiler/functions.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { DrawState } from '../../core/random/draw-state.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { BrianObject } from '../../network/brian-object.ts';
import { checkBuildOptions, checkRerunOptions } from '../../validation/device-options.ts';
import type {
  Device,
  KernelCalls,
  KernelFunction,
  NetworkRun,
  NetworkRunResult,
  SynapsesConnected,
} from '../device.ts';
import {
  allocateTyped,
  type DeviceArray,
  DynamicArray,
  StaticArray,
  type TypedArray,
} from '../runtime/arrays.ts';
import { openmpEnvironment, resolveThreads } from '../threads.ts';
import { AfterRunEvaluator } from './after-run-evaluator.ts';
import { ArrayDeclarations } from './array-declarations.ts';
import { buildProject } from './build-project.ts';
import { buildSettings } from './build-settings.ts';
import { connectedOperation } from './connected-operation.ts';
import { moveHold, releaseDirectory } from './directory-lock.ts';
import { DistributionHooks } from './distribution-hooks.ts';
import { executeProgram } from './execute.ts';
import { KernelCompiler } from './kernel-compiler.ts';
import { KnownValues } from './known-values.ts';
import type { BuildSettings } from './makefile.ts';
import type { BuildOptions, RerunOptions, RunArgs, StandaloneOptions } from './options.ts';
import type { ArrayDecl, CppFunction, Operation } from './program.ts';
import {
  alreadyBuilt,
  notYetBuilt,
  programAlreadyRan,
  secondRunWithBuildOnRun,
  valuesNotYetComputed,
} from './program-state-errors.ts';
import { ProgramVariants } from './program-variants.ts';
import { recordRun } from './record-run.ts';
import { replayReports } from './replay-reports.ts';
import { Results } from './results.ts';
import { commandLineValues } from './run-args.ts';
import { setOperation } from './set-operation.ts';
import { runSweep, type SweepOptions, type SweepProgram } from './sweep.ts';
import { type WrittenProject, writeProject } from './write-project.ts';

/**
 * The C++ spike queues of an object's pathways (a Synapses object has them), stored with it.
 * Asked with `in`: reading an attribute a group lacks throws (unknown_variable).
 */
const pathwayQueues = (o: BrianObject): string[] =>
  'pathways' in o
    ? ((o as { pathways: readonly { name: string }[] }).pathways ?? []).map((p) => queueName(p.name))
    : [];

/** Times of the last build and run (seconds): code generation, compilation, the program. */
export interface StandaloneTimings {
  generate: number;
  compile: number;
  /** Wall time of `./main` (synapse creation, initialisation, runs, writing results). */
  binary: number;
  /** Peak resident memory of `./main` in MiB (what Brian's benchmarks report for standalone). */
  binaryPeakMemoryMb?: number;
}

/**
 * The C++ standalone device (Brian's `cpp_standalone`): the script's operations are recorded
 * — arrays, setters, connect(), seed(), runs — into one C++ program, which `build()` writes,
 * compiles with g++ and runs; its results are then read back so that `M.t`, `G.v`, `S.w` work
 * as on the runtime device. Values that only the program computes cannot be read before.
 */
export class CppStandaloneDevice extends DistributionHooks implements Device {
  readonly kind = 'cpp_standalone' as const;
  readonly inProcess = false;
  /** Host copies: declarations with initial values before the run, results after it. */
  readonly arrays = new Map<string, DeviceArray>();
  readonly timings: StandaloneTimings = { generate: 0, compile: 0, binary: 0 };
  options: StandaloneOptions;
  private decls = new ArrayDeclarations();
  /** The operations and C++ functions recorded (created at first use: subclasses name the variants). */
  private recorded?: ProgramVariants;
  private runs: { network: NetworkRun['network']; report: NetworkRun['report'] }[] = [];
  private runArgsPlaced = false;
  private stored = new Map<
    string,
    { arrays: readonly ArrayDecl[]; queues: readonly string[]; draws: readonly number[] }
  >();
  /**
   * The random state as the program will have it at each recorded operation (epochs and call
   * numbers are known now; only an unseeded program's seed is chosen when it starts).
   */
  readonly draws = new DrawState();
  private project?: WrittenProject;
  private results?: Results;
  /** Arrays allocated after the program ran (buffers of getters evaluated in JavaScript). */
  private afterRun = new Set<string>();
  private evaluator?: AfterRunEvaluator;
  /** Values known before the program runs (set by the script, not yet touched by recorded code). */
  private known = new KnownValues();

  /** OpenMP threads of the program (0: built without OpenMP), from `options.threads`. */
  readonly threads: number;

  constructor(options: StandaloneOptions = {}) {
    super();
    this.options = options;
    this.threads = resolveThreads(options.threads, availableParallelism(), "setDevice('cpp_standalone')");
  }

  private get program(): ProgramVariants {
    this.recorded ??= new ProgramVariants(
      this.programVariants(),
      (variant) =>
        new KernelCompiler(
          (id) => this.current(id),
          this.threads > 0,
          this.options.fastMath ?? false,
          (name) => this.draws.stream(name),
          (kernel, calls) => this.distributedKernel(kernel, calls, variant),
          this.runsQueues(),
          this.threads > 0 && this.stepRegions(),
        ),
      this.variantPolicy(),
    );
    return this.recorded;
  }

  /** The variant of the program that `build()` writes (the first one not dropped). */
  protected get chosenVariant(): string {
    return this.program.chosen.name;
  }

  /** Records an operation on arrays, as the program (a distributed one: its version) performs it. */
  private recordArrayOperation(op: Operation): void {
    this.program.record((v) => v.ops.push(this.distributedOperation(op, v.name)));
  }

  /** The C++ function a kernel was compiled to, by its name (in the variant built, or `variant`). */
  protected compiledFunction(name: string, variant?: string): CppFunction | undefined {
    return this.program.compiledFunction(name, variant);
  }

  /** Whether the program has been built and run (results can be read). */
  get hasRun(): boolean {
    return this.results !== undefined;
  }

  /** Where the results in place were written (undefined before a run). */
  protected get resultsDirectory(): string | undefined {
    return this.results?.directory;
  }

  // --- arrays ----------------------------------------------------------------------------------

  allocate(arrayId: string, type: ScalarType, size: number, fill = 0): StaticArray {
    const data = allocateTyped(type, size);
    if (fill !== 0) data.fill(fill);
    const host = new StaticArray(type, data);
    this.arrays.set(arrayId, host);
    if (this.results) this.afterRun.add(arrayId);
    else {
      this.decls.declare(arrayId, type, false, size, data);
      this.known.start(arrayId, data);
    }
    return host;
  }

  allocateDynamic(arrayId: string, type: ScalarType): DynamicArray {
    const host = new DynamicArray(type);
    this.arrays.set(arrayId, host);
    if (this.results) this.afterRun.add(arrayId);
    else this.decls.declare(arrayId, type, true, 0);
    return host;
  }

  array(arrayId: string): DeviceArray {
    if (this.results && (this.afterRun.has(arrayId) || !this.results.has(arrayId))) {
      const host = this.arrays.get(arrayId);
      if (host) return host;
    }
    if (!this.results) {
      const known = this.known.get(arrayId);
      if (known) return new StaticArray(this.current(arrayId).type, known);
      throw valuesNotYetComputed(arrayId, this.options.buildOnRun);
    }
    return this.results.array(arrayId);
  }

  values(arrayId: string): TypedArray {
    return this.array(arrayId).view();
  }

  protected current(arrayId: string): ArrayDecl {
    return this.decls.get(arrayId);
  }

  private recording(what: string): void {
    if (this.results) throw programAlreadyRan(what);
  }

  // --- operations ------------------------------------------------------------------------------

  compile(kernel: Kernel, calls: KernelCalls): KernelFunction {
    if (this.results) {
      this.evaluator ??= new AfterRunEvaluator(
        (id) => this.array(id),
        (id) => this.afterRun.has(id),
        (what) => this.recording(what),
      );
      return this.evaluator.compile(kernel, calls);
    }
    let drawing = false;
    const call: KernelFunction = (t, dt, timestep) => {
      this.recording(`Running ${kernel.name}`);
      const draws = drawing ? { epoch: this.draws.currentEpoch, call: this.draws.nextCall() } : undefined;
      this.known.forget(kernel.arrays.keys());
      this.program.pushCall(call, { t, dt, timestep, draws });
    };
    drawing = this.program.compile(call, kernel, calls);
    return call;
  }

  seed(value?: number): void {
    this.recording('seed()');
    const v = value ?? Math.floor(Math.random() * 2 ** 32);
    this.draws.seed(v);
    this.program.push({ kind: 'seed', lo: v >>> 0, hi: Math.floor(v / 4294967296) >>> 0 });
  }

  assign(
    arrayId: string,
    indices: Int32Array | undefined,
    value: unknown,
    write: (storage: TypedArray) => void,
  ): void {
    this.recording(`Setting ${arrayId}`);
    const target = this.current(arrayId);
    const operation = setOperation(target, indices, value, write);
    if (!target.dynamic) this.known.update(arrayId, write);
    this.recordArrayOperation(operation);
  }

  replace(arrayId: string, values: TypedArray): void {
    this.recording(`Setting ${arrayId}`);
    const target = this.current(arrayId);
    if (!target.dynamic && target.size !== values.length) {
      throw new Error(`internal: ${arrayId} has ${target.size} elements, not ${values.length}`);
    }
    this.recordArrayOperation({ kind: 'replace', target, values: values.slice() });
    this.known.update(arrayId, (data) => data.set(values));
  }

  arange(arrayId: string, lengthOf: string, offset: number): void {
    this.recording(`Setting ${arrayId}`);
    this.known.forget([arrayId]);
    this.recordArrayOperation({
      kind: 'arange',
      target: this.current(arrayId),
      lengthOf: this.current(lengthOf),
      offset,
    });
  }

  append(arrayId: string, values: Int32Array | Float64Array): void {
    this.recording(`connect() on ${arrayId}`);
    this.recordArrayOperation({ kind: 'append', target: this.current(arrayId), values: values.slice() });
  }

  synapsesConnected(spec: SynapsesConnected): void {
    this.known.forget([spec.nIncoming, spec.nOutgoing]);
    this.recordArrayOperation(connectedOperation(spec, (id) => this.current(id)));
  }

  runNetwork(run: NetworkRun): NetworkRunResult {
    if (this.results || (this.options.buildOnRun !== false && this.runs.length > 0)) {
      throw secondRunWithBuildOnRun();
    }
    const epoch = this.draws.runStarts(run.start);
    if (!this.runArgsPlaced) this.applyRunArgs();
    const index = this.runs.length;
    this.program.record((v) => {
      const op = recordRun(
        run,
        index,
        epoch,
        (fn) => v.functionNames.get(fn),
        (id) => this.current(id),
        (name) => this.program.compiledFunction(name, v.name),
      );
      v.ops.push(this.distributedRun(op, v.name));
    });
    this.known.forgetAll();
    this.runs.push({ network: run.network, report: run.report });
    for (const c of run.clocks) c.timestep = c.endTimestep;
    this.draws.runEnded(run.start + run.duration);
    if (this.options.buildOnRun !== false) this.build({ directory: this.options.directory });
    // Known at once with buildOnRun; otherwise the network learns it when the program has run.
    const results = this.results as Results | undefined; // set by build()
    return {
      elapsed: results?.runTimes[index] ?? Number.NaN,
      time: run.start + run.duration,
      profile: results?.profiles.get(index),
    };
  }

  /**
   * `runAsync` records the run as `run()` does; with `buildOnRun` the program is built and run
   * then, in child processes this process waits for, so the event loop is not given back
   * during the run and an AbortSignal is only seen before it starts.
   */
  async runNetworkAsync(run: NetworkRun): Promise<NetworkRunResult> {
    return this.runNetwork(run);
  }

  /** Network.store() inside the program: the objects' arrays, the pathways' spike queues, the random state. */
  storeState(key: string, objects: readonly BrianObject[]): void {
    this.recording('store()');
    const ids = new Set(objects.flatMap((o) => o.stateArrays()));
    const arrays = [...ids].filter((id) => this.decls.has(id)).map((id) => this.current(id));
    const queues = objects.flatMap(pathwayQueues);
    this.stored.set(key, { arrays, queues, draws: this.draws.getState() });
    this.program.push({ kind: 'store', key, arrays, queues });
  }

  /** Network.restore() inside the program: the copies of the last storeState with this key. */
  restoreState(key: string, random: boolean): void {
    this.recording('restore()');
    const stored = this.stored.get(key);
    if (!stored) throw new Error(`internal: restore of ${key} before any store`);
    if (random) this.draws.setState(stored.draws);
    this.program.push({ kind: 'restore', key, arrays: stored.arrays, queues: stored.queues, random });
    this.known.forget(stored.arrays.map((a) => a.id));
  }

  /** Where values given to `run({ runArgs })` are applied (by default just before the first run, as Brian 2.6). */
  applyRunArgs(): void {
    this.recording('applyRunArgs()');
    if (this.runArgsPlaced) throw new BrianError('bad_argument', 'applyRunArgs() can only be called once.');
    this.runArgsPlaced = true;
    this.program.push({ kind: 'run_args' });
  }

  // --- build and run ---------------------------------------------------------------------------

  /** Writes the project, compiles it (unless unchanged) and runs it (Brian's `device.build`). */
  build(options: BuildOptions = {}): void {
    options = checkBuildOptions(options);
    if (this.results) throw alreadyBuilt();
    // The directory stays this process's until reinit() or exit: results are read lazily.
    const directory = moveHold(
      options.directory ?? this.options.directory ?? 'output',
      this.project?.directory,
    );
    const started = performance.now();
    if (!this.runArgsPlaced) this.applyRunArgs();
    const { ops, compiler, name } = this.program.chosen;
    this.project = writeProject(directory, {
      decls: this.decls.all,
      ops,
      functions: compiler.functions,
      queues: [...new Set(ops.flatMap((op) => (op.kind === 'run' ? op.queues.map((q) => q.queue) : [])))],
      settings: this.settings(options.debug),
      kernelFiles: availableParallelism(),
      distributed: this.distributedProgram(name),
    });
    this.timings.generate = (performance.now() - started) / 1000;
    if (options.compile === false) return;
    const built = buildProject(this.project, this.compilerName(), options.clean);
    this.timings.compile = built.seconds;
    if (options.run === false) return;
    this.run({ runArgs: options.runArgs });
  }

  /** Runs the compiled program again, e.g. with other initial values, without recompiling (Brian 2.6's `device.run`). */
  run(options: RerunOptions = {}): void {
    options = checkRerunOptions(options);
    const program = this.built('The standalone program has not been built yet.', 'call device.build() first');
    const { directory, env, launcher } = program;
    const resultsDirectory = options.resultsDirectory ?? 'results';
    const execution = executeProgram(
      directory,
      resultsDirectory,
      program.values(options.runArgs),
      env,
      launcher,
    );
    this.timings.binary = execution.seconds;
    this.adopt(execution.resultsDirectory);
    replayReports(
      execution.progress,
      this.runs.map((r) => r.report),
    );
  }

  /**
   * Runs the built program once per parameter set (`runArgs` of `device.run`), `processes` at a
   * time (or over the machines of `hosts`), and collects what `read` gives for each run, read
   * with that run's results in place (`M.t`, `G.v`…). Progress of the whole sweep with `report`.
   */
  async sweep<T>(runArgsList: readonly RunArgs[], options: SweepOptions<T>): Promise<T[]> {
    const program = this.built(
      'sweep() needs a built program.',
      'run the script (or call device.build()) first',
    );
    const previous = this.results;
    try {
      return await runSweep(program, runArgsList, options);
    } finally {
      if (previous) this.adopt(previous.directory);
    }
  }

  /** The built program as `run()` and `sweep()` start it (refused before `build()`). */
  private built(message: string, hint: string): SweepProgram {
    const project = this.project;
    if (!project) throw notYetBuilt(message, hint);
    return {
      directory: project.directory,
      values: (runArgs) => commandLineValues(runArgs, (id) => this.current(id), project.directory),
      launcher: this.launcher(),
      env: openmpEnvironment(this.threads),
      adopt: (dir) => this.adopt(dir),
    };
  }

  /** The results a run wrote in `directory` become the device's (what `M.t`, `G.v` read). */
  private adopt(directory: string): void {
    this.results = Results.read(directory, this.decls.byId);
    this.timings.binaryPeakMemoryMb = this.results.peakMemoryMb;
    this.evaluator = undefined;
    for (const id of this.afterRun) this.arrays.delete(id);
    this.afterRun.clear();
    this.runs.forEach((r, k) => {
      const time = this.results!.runTimes[k];
      if (time !== undefined) r.network.lastRunTime = time;
      const profile = this.results!.profiles.get(k);
      if (profile) r.network.receiveProfile?.(profile);
    });
  }

  /** Forgets the program (Brian's `device.reinit()`): objects must be created again. */
  reinit(): void {
    this.arrays.clear();
    this.decls = new ArrayDeclarations();
    this.recorded = undefined;
    this.runs = [];
    this.runArgsPlaced = false;
    this.stored = new Map();
    this.draws.seed(Math.floor(Math.random() * 2 ** 32));
    if (this.project) releaseDirectory(this.project.directory);
    this.project = undefined;
    this.results = undefined;
    this.afterRun = new Set();
    this.evaluator = undefined;
    this.known = new KnownValues();
  }

  /** The project directory of the last build. */
  get directory(): string | undefined {
    return this.project?.directory;
  }

  private compilerName(): string {
    return this.options.compiler ?? process.env.CXX ?? 'g++';
  }

  private settings(debug = this.options.debug ?? false): BuildSettings {
    return buildSettings(
      this.options,
      this.threads,
      this.compilerName(),
      this.program.chosen.compiler.functions.flatMap((f) => f.support),
      debug,
    );
  }
}
