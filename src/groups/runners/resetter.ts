import { parseStatements } from '../../compiler/1-parse/parse-statements.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext } from '../../network/brian-object.ts';
import type { Slot } from '../../network/schedule.ts';
import { SKELETON_LOCALS } from '../group.ts';
import { statementNames, warnNamespaceConflicts } from '../namespace-conflicts.ts';
import type { NeuronGroup } from '../neuron-group.ts';
import { KernelRunner } from './kernel-runner.ts';

/**
 * Runs statements for the elements of an event in this step (Brian's Resetter): the reset for
 * `spike` (slot `resets`), the code of `runOnEvent` for a custom event (slot `after_resets`).
 */
export class Resetter extends KernelRunner {
  constructor(
    readonly group: NeuronGroup,
    readonly event: string,
    readonly code: string,
    when: Slot,
    order: number,
  ) {
    super(group, `${group.name}_${event}_resetter`, when, order, group.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const what = this.event === 'spike' ? 'reset' : `code on event '${this.event}'`;
    const statements = parseStatements(new SourceText(this.code, `${what} of ${g.name}`));
    warnNamespaceConflicts(g, statementNames(statements), ctx.runNamespace);
    const scope = g.codeScope(ctx.runNamespace);
    // As Brian's Resetter: the reset writes `(unless refractory)` variables of refractory neurons.
    const builder = new BlockBuilder(SKELETON_LOCALS, { unconditionalWrites: true });
    const vector = builder.block().addStatements(statements, scope);
    const eventspace = g.eventspace(this.event);
    builder.noteArray(eventspace, 'integer', false);
    return {
      kind: 'reset',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { size: g.N, eventspace },
    };
  }
}
