import type { Statement } from '../compiler/1-parse/ast.ts';
import { parseExpression } from '../compiler/1-parse/parse-expression.ts';
import { parseStatements } from '../compiler/1-parse/parse-statements.ts';
import { exactOverStep } from '../compiler/3-lower/integrators/exact.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { warn } from '../core/log.ts';
import type { DynamicArray, StaticArray } from '../devices/runtime/arrays.ts';
import { type PendingSpikes, rescalePending, SpikeQueue } from '../devices/runtime/spike-queue.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { SourceText } from '../diagnostics/span.ts';
import type { SettableValue } from '../groups/assign-values.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { substituteSubexpressions } from '../groups/runners/state-updater.ts';
import type { VariableView } from '../groups/variable-view.ts';
import { eventSource, type SpikeSource } from '../monitors/spike-source.ts';
import type { RunContext } from '../network/brian-object.ts';
import type { PathwaySpec } from './synapse-pathways.ts';
import type { Synapses } from './synapses.ts';

/**
 * One pathway of a Synapses object (Brian's SynapticPathway): each step, spikes of its source
 * group enter the spike queue, and the statements run for the synapses whose delayed spikes
 * arrive now, after bringing event-driven variables up to date.
 * Pre pathways run at order −1 and post pathways at +1 of the `synapses` slot, as in Brian.
 */
export class SynapticPathway extends KernelRunner {
  readonly pathwayName: string;
  readonly prepost: 'pre' | 'post';
  readonly code: string;
  /** The event of the source group that triggers this pathway (`spike`, or a custom event). */
  readonly event: string;
  /** The synaptic variable holding each synapse's delay (`delay` for the `pre` pathway). */
  readonly delayVariable: string;
  readonly delayArrayId: string;
  /** A dt mismatch between source, synapses and target was reported (Brian warns once). */
  private dtMismatchWarned = false;
  private queue?: SpikeQueue;
  private queueKey = '';
  /** Restored spikes in flight, for a queue the next run builds. */
  private pending?: PendingSpikes;
  /** The dt the queue was built for (spikes in flight are converted to a new one). */
  private queueDt = 0;
  private src!: SpikeSource;
  private dueId: string;

  constructor(
    readonly synapses: Synapses,
    spec: PathwaySpec,
    delayArrayId: string,
  ) {
    // On the clock of the group whose spikes it reads, as in Brian (delays are steps of it).
    super(
      synapses,
      `${synapses.name}_${spec.name}`,
      'synapses',
      spec.prepost === 'pre' ? -1 : 1,
      spec.prepost === 'pre' ? synapses.source.clock : synapses.target.clock,
    );
    this.pathwayName = spec.name;
    this.prepost = spec.prepost;
    this.code = spec.code;
    this.event = spec.event;
    this.delayVariable = spec.name === 'pre' ? 'delay' : `${spec.name}_delay`;
    this.delayArrayId = delayArrayId;
    this.dueId = `${synapses.storage}_${spec.name}__due`;
  }

  /** Delays of this pathway's synapses (Brian's `S.pre.delay`, `S.pre1.delay`). */
  get delay(): VariableView {
    return this.synapses.state(this.delayVariable);
  }

  set delay(value: SettableValue) {
    this.synapses.setState(this.delayVariable, value);
  }

  /** Brian's checks at the start of a run (`initialise_queue`). */
  private checkBeforeRun(): void {
    const S = this.synapses;
    // Synapses restored from a stored state exist without a connect() (Brian checks both).
    if (!S.connected && (S.knownSize ?? 0) === 0) {
      throw new BrianError(
        'not_connected',
        `Synapses object ${S.name} does not do anything, since it has not created synapses with connect().`,
        { hint: `call ${S.name}.connect(…), or set ${S.name}.active = false for this run` },
      ).withCreationSite(S.createdAt);
    }
    const dts = new Set([
      this.clock.dt_,
      S.clock.dt_,
      (this.prepost === 'pre' ? S.target : S.source).clock.dt_,
    ]);
    if (dts.size > 1 && !this.dtMismatchWarned) {
      this.dtMismatchWarned = true;
      const source = this.prepost === 'pre' ? S.source : S.target;
      warn(
        'synapses_dt_mismatch',
        `The synaptic pathway ${this.name} runs on the clock of ${source.name} (dt = ${this.clock.dt}); ` +
          `${S.name} or its other group use a different dt, so all delays are rounded to multiples of ${this.clock.dt}.`,
      );
    }
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
    this.checkBeforeRun();
    super.prepare(ctx);
    const S = this.synapses;
    this.src = eventSource(this.prepost === 'pre' ? S.source : S.target, this.event);
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
    // A delay given to the constructor is one value for all synapses (Brian's scalar delay).
    const steps = new Int32Array(sourceIndex.length);
    const scalar = delays.length === 1;
    for (let s = 0; s < steps.length; s++) steps[s] = Math.round(delays[scalar ? 0 : s] / dt);
    const key = `${dt}:${sourceIndex.length}:${hash(steps)}:${hash(sourceIndex)}`;
    const nSources = this.prepost === 'pre' ? S.source.N : S.target.N;
    // Spikes in flight survive a rebuilt queue (new synapses or delays), as restored ones do,
    // and a new dt (their steps converted as Brian's SpikeQueue.prepare does).
    const own = key !== this.queueKey ? this.queue?.getState() : undefined;
    const carried = this.pending ?? (own && rescalePending(own, this.queueDt, dt));
    if (!this.queue || key !== this.queueKey) {
      this.queue = SpikeQueue.build(sourceIndex, nSources, steps);
      this.queueKey = key;
    }
    if (carried && !this.queue.setState(carried)) {
      this.queue = SpikeQueue.build(sourceIndex, nSources, steps, true);
      this.queue.setState(carried);
    }
    this.pending = undefined;
    this.queueDt = dt;
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
      // A synapse count, or minus a count of rows (SpikeQueue.pop, SynapsesParams).
      const n = queue.pop(due);
      due[capacity] = n;
      if (n !== 0) kernelStep(t, dt, ts);
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
