import { parseStatements } from '../../compiler/1-parse/parse-statements.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import { SourceText } from '../../diagnostics/span.ts';
import type { RunContext } from '../../network/brian-object.ts';
import { SKELETON_LOCALS } from '../group.ts';
import type { NeuronGroup } from '../neuron-group.ts';
import { KernelRunner } from './kernel-runner.ts';

/** Runs the reset statements for the neurons that spiked in this step (slot `resets`). */
export class Resetter extends KernelRunner {
  constructor(readonly group: NeuronGroup) {
    super(group, `${group.name}_spike_resetter`, 'resets', group.order, group.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const statements = parseStatements(new SourceText(g.reset!, `reset of ${g.name}`));
    const scope = g.codeScope(ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block().addStatements(statements, scope);
    const eventspace = g.arrayId('_spikespace');
    builder.noteArray(eventspace, 'integer', false);
    return {
      kind: 'reset',
      name: this.name,
      scalar: builder.block().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { size: g.N, eventspace },
    };
  }
}
