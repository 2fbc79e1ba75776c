import { identifiers } from '../../compiler/1-parse/expr-utils.ts';
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
    // In dependency order, each value computed into a local of the same name, so that a later
    // one uses this step's value (Brian's sorted statements `s1 = v; s3 = 1 + s1; s2 = 2*s3`).
    for (const { eq, v, value } of dependencyOrder(g)) {
      vector.addExpression(eq.name, value, scope);
      vector.addOutput(
        { kind: 'Name', name: eq.name, span: eq.line.nameSpan },
        scope,
        v.constantOverDt!.arrayId,
        v.type,
        v.shared ? SHARED_INDEX : OWN_INDEX,
        v.constantOverDt!.dynamic,
      );
    }
    return {
      kind: 'stateupdate',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: { start: 0, stop: g.dynamicSize ? { sizeOf: g.dynamicSize } : g.N },
    };
  }
}

/** The `(constant over dt)` subexpressions, each after those it uses (a cycle is refused at analysis). */
function dependencyOrder(g: IntegrableGroup) {
  const entries = g.analyzed.subexpressions.flatMap((eq) => {
    const v = g.variables.get(eq.name);
    if (v?.kind !== 'subexpression' || !v.constantOverDt) return [];
    return [{ eq, v, value: substituteSubexpressions(v.expr, g) }];
  });
  const byName = new Map(entries.map((e) => [e.eq.name, e]));
  const ordered: typeof entries = [];
  const placed = new Set<string>();
  const place = (e: (typeof entries)[number], visiting: Set<string>) => {
    if (placed.has(e.eq.name) || visiting.has(e.eq.name)) return;
    visiting.add(e.eq.name);
    for (const name of identifiers(e.value)) {
      const dep = byName.get(name);
      if (dep) place(dep, visiting);
    }
    placed.add(e.eq.name);
    ordered.push(e);
  };
  for (const e of entries) place(e, new Set());
  return ordered;
}
