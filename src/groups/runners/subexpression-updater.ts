import type { Statement } from '../../compiler/1-parse/ast.ts';
import { OWN_INDEX, SHARED_INDEX } from '../../compiler/2-analyze/scope.ts';
import { BlockBuilder } from '../../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../../compiler/ir/kernel.ts';
import type { RunContext } from '../../network/brian-object.ts';
import { SKELETON_LOCALS } from '../group.ts';
import { KernelRunner } from './kernel-runner.ts';
import type { IntegrableGroup } from './state-updater.ts';
import { substituteSubexpressions } from './state-updater.ts';

/**
 * Evaluates the `(constant over dt)` subexpressions once at the start of each step
 * (slot `before_start`) and stores them, so stateful functions in them (rand(), an external
 * input) are called exactly once per step (Brian's SubexpressionUpdater).
 */
export class SubexpressionUpdater extends KernelRunner {
  constructor(readonly group: IntegrableGroup) {
    super(group, `${group.name}_subexpression_update`, 'before_start', group.order, group.clock);
  }

  protected build(ctx: RunContext): Kernel {
    const g = this.group;
    const scope = g.codeScope(ctx.runNamespace);
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    for (const eq of g.analyzed.subexpressions) {
      const v = g.variables.get(eq.name);
      if (v?.kind !== 'subexpression' || !v.constantOverDt) continue;
      const stmt: Statement = {
        kind: 'Assign',
        target: eq.name,
        targetSpan: eq.line.nameSpan,
        op: '=',
        value: substituteSubexpressions(v.expr, g),
        span: eq.line.span,
      };
      vector.addOutput(
        stmt.value,
        scope,
        v.constantOverDt.arrayId,
        v.type,
        v.shared ? SHARED_INDEX : OWN_INDEX,
      );
    }
    return {
      kind: 'stateupdate',
      name: this.name,
      scalar: builder.block().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: 0, stop: g.dynamicSize ? { sizeOf: g.dynamicSize } : g.N },
    };
  }
}
