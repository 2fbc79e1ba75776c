import { identifiers } from '../../compiler/1-parse/expr-utils.ts';
import { parseExpression } from '../../compiler/1-parse/parse-expression.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext } from '../../network/brian-object.ts';
import type { Slot } from '../../network/schedule.ts';
import { describeValue } from '../../validation/describe-value.ts';
import { SKELETON_LOCALS } from '../group.ts';
import { warnNamespaceConflicts } from '../namespace-conflicts.ts';
import type { NeuronGroup } from '../neuron-group.ts';
import { KernelRunner } from './kernel-runner.ts';

/**
 * Finds the neurons for which an event happens in this step (Brian's Thresholder): for the
 * `spike` event (slot `thresholds`) the threshold condition, ANDed with `not_refractory` when the
 * group is refractory, and a spike sets `lastspike = t` and `not_refractory = false`; a custom
 * event (`events: { name: 'cond' }`, slot `after_thresholds`) only its condition. The elements
 * go to the event's event space (`_spikespace`, `_<name>space`).
 */
export class Thresholder extends KernelRunner {
  constructor(
    readonly group: NeuronGroup,
    readonly event = 'spike',
    when: Slot = event === 'spike' ? 'thresholds' : 'after_thresholds',
  ) {
    super(group, `${group.name}_${event}_thresholder`, when, group.order, group.clock);
    // After a run no neuron has had the event (Brian's threshold template's after_run): a group
    // switched off for the next run must not report its last events again.
    this.finish = [{ kind: 'clear_events', arrayId: group.eventspace(event), index: group.N }];
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const text = g.events.get(this.event);
    if (typeof text !== 'string') {
      throw new BrianError(
        'bad_argument',
        `The condition of event '${this.event}' of ${g.name} must be a string, got ${describeValue(text)}.`,
      );
    }
    const source = new SourceText(
      text,
      `${this.event === 'spike' ? 'threshold' : `event '${this.event}'`} of ${g.name}`,
    );
    const condition = parseExpression(source);
    warnNamespaceConflicts(g, identifiers(condition), ctx.runNamespace);
    const scope = g.codeScope(ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const refractory = this.event === 'spike' && g.usesRefractory;
    const full = refractory
      ? ({
          kind: 'Logical',
          op: 'and',
          left: condition,
          right: { kind: 'Name', name: 'not_refractory', span: condition.span },
          span: condition.span,
        } as const)
      : condition;
    const cond = vector.addExpression('_cond', full, scope);
    if (cond.type !== 'boolean') {
      throw new BrianError(
        'type_mismatch',
        `The condition '${text}' of ${g.name} is not a boolean expression.`,
        {
          span: condition.span,
        },
      );
    }
    const eventspace = g.eventspace(this.event);
    builder.noteArray(eventspace, 'integer', false);
    const bookkeeping = refractory
      ? { notRefractory: g.arrayId('not_refractory'), lastspike: g.arrayId('lastspike') }
      : undefined;
    if (bookkeeping) {
      builder.noteArray(bookkeeping.notRefractory, 'boolean', false);
      builder.noteArray(bookkeeping.lastspike, 'float', false);
    }
    return {
      kind: 'threshold',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { size: g.N, eventspace, refractory: bookkeeping },
    };
  }
}
