import { parseStatements } from '../../compiler/1-parse/parse-statements.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext } from '../../network/brian-object.ts';
import { type BaseClock, Clock } from '../../network/clock.ts';
import { EventClock } from '../../network/event-clock.ts';
import { findName } from '../../network/names.ts';
import type { Quantity } from '../../units/quantity.ts';
import type { QuantityArray } from '../../units/quantity-array.ts';
import { SKELETON_LOCALS } from '../auxiliary-variables.ts';
import type { Group } from '../group.ts';
import { statementNames, warnNamespaceConflicts } from '../namespace-conflicts.ts';
import { KernelRunner } from './kernel-runner.ts';

export interface RunRegularlyOptions {
  readonly dt?: Quantity;
  readonly clock?: BaseClock;
  readonly when?: string;
  readonly order?: number;
  /** Default: `<group>_run_regularly`, then `<group>_run_regularly_1`, … (Brian's names). */
  readonly name?: string;
}

/** Options of `runAt` (Brian's `run_at`): the slot and order, and a name. */
export type RunAtOptions = Pick<RunRegularlyOptions, 'when' | 'order' | 'name'>;

/** Brian 2.10's `run_at`: a regular operation on an EventClock of the given times, named `<group>_run_at*`. */
export function runAtOptions(
  group: Group,
  times: QuantityArray | readonly Quantity[],
  options: RunAtOptions,
): RunRegularlyOptions {
  const name =
    options.name ?? findName(`${group.name}_run_at*`, new Set(group.regularRunners.map((r) => r.name)));
  return { ...options, name, clock: new EventClock(times, `${name}_eventclock*`) };
}

/** Statements run on every element of a group at regular intervals (Brian's `run_regularly`). */
export class RegularRunner extends KernelRunner {
  constructor(
    readonly group: Group,
    readonly code: string,
    options: RunRegularlyOptions,
  ) {
    const clock = options.clock ?? (options.dt ? new Clock(options.dt) : group.clock);
    super(
      group,
      options.name ??
        findName(`${group.name}_run_regularly*`, new Set(group.regularRunners.map((r) => r.name))),
      options.when ?? 'start',
      options.order ?? 0,
      clock,
    );
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const scope = g.codeScope(ctx.runNamespace);
    const statements = parseStatements(new SourceText(this.code, `run_regularly code of ${g.name}`));
    warnNamespaceConflicts(g, statementNames(statements), ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS, { scalarWrites: true });
    const vector = builder.block().addStatements(statements, scope);
    return {
      kind: 'stateupdate',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: g.start, stop: g.dynamicSize ? { sizeOf: g.dynamicSize } : g.stop },
    };
  }
}
