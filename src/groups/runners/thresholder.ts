import { parseExpression } from '../../compiler/1-parse/parse-expression.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { BrianError } from '../../diagnostics/diagnostic.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext } from '../../network/brian-object.ts';
import { SKELETON_LOCALS } from '../group.ts';
import type { NeuronGroup } from '../neuron-group.ts';
import { KernelRunner } from './kernel-runner.ts';

/**
 * Finds the neurons that spike in this step (slot `thresholds`): the threshold condition, ANDed
 * with `not_refractory` when the group is refractory, fills the spike space; a spike sets
 * `lastspike = t` and `not_refractory = false` (Brian's Thresholder and threshold template).
 */
export class Thresholder extends KernelRunner {
  constructor(readonly group: NeuronGroup) {
    super(group, `${group.name}_spike_thresholder`, 'thresholds', group.order, group.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const source = new SourceText(g.threshold!, `threshold of ${g.name}`);
    const condition = parseExpression(source);
    const scope = g.codeScope(ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const full = g.usesRefractory
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
        `The threshold condition '${g.threshold}' is not a boolean expression.`,
        {
          span: condition.span,
        },
      );
    }
    const eventspace = g.arrayId('_spikespace');
    builder.noteArray(eventspace, 'integer', false);
    const refractory = g.usesRefractory
      ? { notRefractory: g.arrayId('not_refractory'), lastspike: g.arrayId('lastspike') }
      : undefined;
    if (refractory) {
      builder.noteArray(refractory.notRefractory, 'boolean', false);
      builder.noteArray(refractory.lastspike, 'float', false);
    }
    return {
      kind: 'threshold',
      name: this.name,
      scalar: builder.block().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { size: g.N, eventspace, refractory },
    };
  }
}
