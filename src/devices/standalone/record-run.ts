import { queueName } from '../../compiler/4-generate/cpp/names.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import type { BaseClock } from '../../network/clock.ts';
import { EventClock } from '../../network/event-clock.ts';
import type { KernelFunction, NetworkRun, StepAction } from '../device.ts';
import type {
  ArrayDecl,
  CppFunction,
  Operation,
  QueuePreparation,
  ResolvedAction,
  RunClock,
} from './program.ts';

type RunOperation = Extract<Operation, { kind: 'run' }>;

/**
 * One `Network.run` as an operation of the program: the run's clocks (already set to the
 * interval), each runner's step actions with kernels replaced by their C++ functions, and the
 * spike queues to prepare before the loop. A runner that only has a JavaScript step (a network
 * operation) cannot be compiled: that is an error now, before anything is built.
 */
export function recordRun(
  run: NetworkRun,
  index: number,
  epoch: number,
  functionOf: (fn: KernelFunction) => string | undefined,
  current: (arrayId: string) => ArrayDecl,
  /** The C++ function of a name: whether it pops its queue (itself, or per thread), and its use of OpenMP. */
  compiled: (fn: string) => Pick<CppFunction, 'queueParts' | 'popsQueue' | 'openmp'> | undefined,
): RunOperation {
  const clocks: BaseClock[] = [...run.clocks];
  const clockIndex = (c: BaseClock) => {
    let k = clocks.indexOf(c);
    if (k < 0) k = clocks.push(c) - 1;
    return k;
  };
  const queues: QueuePreparation[] = [];
  const resolveFinish = (a: StepAction): ResolvedAction => {
    if (a.kind !== 'clear_events') throw new Error(`internal: ${a.kind} after a run`);
    return { kind: 'clear_events', target: current(a.arrayId), index: a.index };
  };
  const runners = run.runners.map((runner) => {
    if (!runner.actions) {
      throw new BrianError(
        'not_available_on_device',
        `${runner.name} runs JavaScript code during the simulation, which the cpp_standalone device cannot do.`,
        { hint: 'network operations and other JavaScript callbacks need the runtime device' },
      );
    }
    const steps = runner.actions;
    // Every kernel a runner calls is a function of the program: a pathway's kernel that pops its
    // queue must be known here, or the step loop would pop the queue a second time.
    const functionFor = (call: KernelFunction) => {
      const name = functionOf(call);
      const fn = name === undefined ? undefined : compiled(name);
      if (name === undefined || !fn)
        throw new Error(`internal: ${runner.name} calls a kernel the standalone device did not compile`);
      return { name, fn };
    };
    const actions = steps.map((a): ResolvedAction => {
      switch (a.kind) {
        case 'call': {
          const { name, fn } = functionFor(a.fn);
          return { kind: 'call', fn: name, openmp: fn.openmp };
        }
        case 'push_spikes': {
          const p = a.pathway;
          const queue = queueName(p.name);
          const eventspace = current(p.eventspace);
          // The runner's kernel that applies the due synapses may pop the queue itself, or per thread.
          const kernels = steps.map((c) => (c.kind === 'call' ? functionFor(c.fn).fn : undefined));
          const split = kernels.map((k) => k?.queueParts).find((q) => q?.queue === queue && q.due === p.due);
          const pops = kernels.some((k) => k?.popsQueue?.queue === queue && k.popsQueue.due === p.due);
          queues.push({
            queue,
            sourceIndex: current(p.sourceIndex),
            sourceSize: p.sourceSize,
            delays: current(p.delays),
            dt: runner.clock.dt_,
            parts: split && {
              keys: split.keys === undefined ? undefined : current(split.keys),
              eventspace,
              eventspaceSize: p.eventspaceSize,
              start: p.start,
              stop: p.stop,
            },
          });
          return {
            kind: 'push_spikes',
            queue,
            eventspace,
            eventspaceSize: p.eventspaceSize,
            start: p.start,
            stop: p.stop,
            due: current(p.due),
            parts: split !== undefined,
            kernelPops: pops,
          };
        }
        case 'source_clock':
          return { kind: 'source_clock', target: current(a.arrayId), clock: clockIndex(a.clock) };
        case 'clear_events':
          return resolveFinish(a);
        case 'check_finite':
          return {
            kind: 'check_finite',
            arrays: a.checks.map((c) => ({ decl: current(c.arrayId), label: c.label })),
            every: a.every,
            clock: clockIndex(a.clock),
          };
        default:
          throw new Error(`internal: unknown step action of ${runner.name}`);
      }
    });
    return { name: runner.name, clock: clockIndex(runner.clock), actions };
  });
  const runClocks: RunClock[] = clocks.map((c) => ({
    name: c.name,
    timestep: c.timestep,
    end: c.endTimestep,
    dt: c.dt_,
    times: c instanceof EventClock ? Array.from(c.times) : undefined,
  }));
  const report =
    run.report === undefined
      ? undefined
      : {
          stream: run.report === 'stderr' ? ('stderr' as const) : ('stdout' as const),
          period: run.reportPeriod?.value ?? 10,
        };
  return {
    kind: 'run',
    index,
    epoch,
    clocks: runClocks,
    runners,
    queues,
    finish: run.finish.map(resolveFinish),
    profile: run.profile ?? false,
    start: run.start,
    duration: run.duration,
    report,
  };
}
