import type { Statement } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseStatements } from '../compiler/1-parse/parse-statements.ts';
import { exactOverStep } from '../compiler/3-lower/integrators/exact.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import type { DynamicArray, StaticArray } from '../devices/runtime/arrays.ts';
import { type PendingSpikes, SpikeQueue } from '../devices/runtime/spike-queue.ts';
import { SourceText } from '../diagnostics/span.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { substituteSubexpressions } from '../groups/runners/state-updater.ts';
import { type SpikeSource, spikeSource } from '../monitors/spike-source.ts';
import type { RunContext } from '../network/brian-object.ts';
import type { Synapses } from './synapses.ts';

/**
 * One pathway of a Synapses object (Brian's SynapticPathway): each step, spikes of its source
 * group enter the spike queue, and the statements run for the synapses whose delayed spikes
 * arrive now, after bringing event-driven variables up to date.
 * Pre pathways run at order −1 and post pathways at +1 of the `synapses` slot, as in Brian.
 */
export class SynapticPathway extends KernelRunner {
  readonly delayArrayId: string;
  private queue?: SpikeQueue;
  private queueKey = '';
  /** Restored spikes in flight, for a queue the next run builds. */
  private pending?: PendingSpikes;
  private src!: SpikeSource;
  private dueId: string;

  constructor(
    readonly synapses: Synapses,
    readonly pathwayName: string,
    readonly prepost: 'pre' | 'post',
    readonly code: string,
    delayArrayId: string,
    /** Delay of new synapses (seconds), from the constructor's `delay`. */
    readonly defaultDelay: number,
  ) {
    super(
      synapses,
      `${synapses.name}_${pathwayName}`,
      'synapses',
      prepost === 'pre' ? -1 : 1,
      synapses.clock,
    );
    this.delayArrayId = delayArrayId;
    this.dueId = `${synapses.storage}_${pathwayName}__due`;
  }

  /** Delays of this pathway's synapses (Brian's `S.pre.delay`). */
  get delay() {
    return this.synapses.state(this.pathwayName === 'pre' ? 'delay' : `${this.pathwayName}_delay`);
  }

  protected build(ctx: RunContext): Kernel {
    const S = this.synapses;
    const scope = S.codeScope(ctx.runNamespace);
    const statements: Statement[] = [
      ...this.eventDrivenUpdate(ctx),
      ...parseStatements(
        new SourceText(this.code, `${this.prepost === 'pre' ? 'onPre' : 'onPost'} of ${S.name}`),
      ),
    ];
    if (S.eventDriven.length > 0)
      statements.push(...parseStatements(new SourceText('lastupdate = t', 'event-driven update')));
    const builder = new BlockBuilder(SKELETON_LOCALS, { internalWrites: new Set(['lastupdate']) });
    const vector = builder.block().addStatements(statements, scope);
    // Runtime: a buffer with the count after the synapse indices. Standalone: the program's
    // spike queue fills a vector (the number of synapses is only known inside the program).
    const live = S.device.inProcess;
    const n = live ? S.N : 0;
    if (live) S.device.allocate(this.dueId, 'integer', n + 1);
    else S.device.allocateDynamic(this.dueId, 'integer');
    builder.noteArray(this.dueId, 'integer', !live);
    return {
      kind: 'synapses',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { spikes: this.dueId, capacity: n },
    };
  }

  /** Event-driven ODEs solved exactly from `lastupdate` to `t` (Brian: `linear` with dt → t - lastupdate). */
  private eventDrivenUpdate(ctx: RunContext): Statement[] {
    const S = this.synapses;
    if (S.eventDriven.length === 0) return [];
    const scope = S.codeScope(ctx.runNamespace);
    const names = new Set(S.eventDriven.map((e) => e.name));
    const elapsed = parseExpression(new SourceText('t - lastupdate', 'event-driven update'));
    return exactOverStep(
      S.eventDriven.map((eq) => ({
        name: eq.name,
        expr: substituteSubexpressions(eq.line.expr!, S),
        span: eq.line.span,
      })),
      {
        kindOf: (name) => {
          if (names.has(name)) return 'state';
          if (name === 't') return 'time';
          if (name === 'xi' || name.startsWith('xi_')) return 'noise';
          const found = scope.lookup(name);
          if (
            found?.kind === 'variable' &&
            (found.variable.kind === 'array' || found.variable.kind === 'subexpression')
          ) {
            return found.variable.kind === 'array' && found.variable.constant ? 'constant' : 'variable';
          }
          return 'constant';
        },
        valueOf: (name) => {
          const found = scope.lookup(name);
          return found?.kind === 'constant' ? found.value : undefined;
        },
      },
      elapsed,
    );
  }

  override prepare(ctx: RunContext): void {
    super.prepare(ctx);
    const S = this.synapses;
    this.src = spikeSource(this.prepost === 'pre' ? S.source : S.target);
    const kernelStep = this.step;
    const sourceIndexId = S.arrayId(this.prepost === 'pre' ? '_synaptic_pre' : '_synaptic_post');
    this.actions = [
      {
        kind: 'push_spikes',
        pathway: {
          name: this.name,
          eventspace: this.src.eventspace,
          eventspaceSize: this.src.size,
          start: this.src.start,
          stop: this.src.stop,
          sourceIndex: sourceIndexId,
          sourceSize: this.prepost === 'pre' ? S.source.N : S.target.N,
          delays: this.delayArrayId,
          due: this.dueId,
        },
      },
      { kind: 'call', fn: kernelStep },
    ];
    // A compiled program runs its own spike queue.
    if (!S.device.inProcess) return;
    const sourceIndex = S.device.values(
      S.arrayId(this.prepost === 'pre' ? '_synaptic_pre' : '_synaptic_post'),
    );
    const delays = S.device.values(this.delayArrayId);
    const dt = this.clock.dt_;
    // Plain loops: this runs at every run() over all synapses (5 M at CUBA 64000), where
    // `Int32Array.from` with a callback and a joined string cost 0.4 s.
    const steps = new Int32Array(delays.length);
    for (let s = 0; s < steps.length; s++) steps[s] = Math.round(delays[s] / dt);
    const key = `${sourceIndex.length}:${hash(steps)}:${hash(sourceIndex)}`;
    const nSources = this.prepost === 'pre' ? S.source.N : S.target.N;
    // Spikes in flight survive a rebuilt queue (new synapses or delays), as restored ones do.
    const carried = this.pending ?? (key !== this.queueKey ? this.queue?.getState() : undefined);
    if (!this.queue || key !== this.queueKey) {
      this.queue = SpikeQueue.build(sourceIndex, nSources, steps);
      this.queueKey = key;
    }
    if (carried && !this.queue.setState(carried)) {
      this.queue = SpikeQueue.build(sourceIndex, nSources, steps, true);
      this.queue.setState(carried);
    }
    this.pending = undefined;
    const queue = this.queue;
    const events = (S.device.array(this.src.eventspace) as StaticArray).data as Int32Array;
    const due = (S.device.array(this.dueId) as StaticArray).data as Int32Array;
    const { size, start, stop } = this.src;
    const capacity = due.length - 1;
    const relative = new Int32Array(stop - start);
    this.step = (t, dt, ts) => {
      const count = events[size];
      if (count > 0) {
        let m = 0;
        for (let k = 0; k < count; k++) {
          const idx = events[k];
          if (idx >= start && idx < stop) relative[m++] = idx - start;
        }
        if (m > 0) queue.push(relative, m);
      }
      const n = queue.pop(due);
      due[capacity] = n;
      if (n > 0) kernelStep(t, dt, ts);
    };
  }

  /** Spikes in flight (for store/restore): none before the first run. */
  queueState(): PendingSpikes {
    return this.pending ?? this.queue?.getState() ?? { slots: [] };
  }

  /** Replaces the spikes in flight (restore): at once, or when the next run builds the queue. */
  setQueueState(state: PendingSpikes | undefined): void {
    const spikes = state ?? { slots: [] };
    if (this.queue?.setState(spikes)) this.pending = undefined;
    else this.pending = spikes;
  }
}

function hash(values: ArrayLike<number>): number {
  let h = 2166136261;
  for (let k = 0; k < values.length; k++) h = Math.imul(h ^ values[k], 16777619);
  return h >>> 0;
}

export type { DynamicArray };
