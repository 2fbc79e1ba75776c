import type { AnalyzedEquation } from '../compiler/2-analyze/analyze-equations.ts';
import { checkExpression } from '../compiler/2-analyze/check-expression.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import type { ArrayVariable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { substituteSubexpressions } from '../groups/runners/state-updater.ts';
import { Subgroup } from '../groups/subgroup.ts';
import type { RunContext } from '../network/brian-object.ts';
import type { Synapses } from './synapses.ts';

/**
 * Brian's `order` of a group: a Subgroup is created with `order=source.order + 1` (so that it takes
 * its spikes after its parent's threshold), where the source is always the top group (`G[1:4][1:3]`
 * is a subgroup of G); any other group has its own `order` (default 0).
 */
function scheduleOrder(group: Group): number {
  if (group instanceof Subgroup) return scheduleOrder(group.root) + 1;
  return 'order' in group && typeof group.order === 'number' ? group.order : 0;
}

/** The group and variable a summed variable `x_pre` / `x_post` writes. */
function summedTarget(synapses: Synapses, eq: AnalyzedEquation): { group: Group; name: string } {
  const m = /^(.+)_(pre|post)$/.exec(eq.name);
  if (!m) {
    throw new BrianError(
      'bad_argument',
      `The summed variable ${eq.name} of ${synapses.name} must name a variable of the source or target with _pre or _post.`,
      { span: eq.line.nameSpan, hint: `e.g. ${eq.name}_post` },
    );
  }
  return { group: m[2] === 'pre' ? synapses.source : synapses.target, name: m[1] };
}

/**
 * `x_post = expr : unit (summed)`: before the state update of the target group in every step
 * (slot `groups`, order `target.order - 1` on the target's clock, as Brian's SummedVariableUpdater:
 * for a Subgroup target that is the parent's order, so ties with the parent's state updater are
 * broken by name), the target variable of each neuron becomes the sum of `expr` over its synapses
 * (Brian's SummedVariableUpdater). The target must be a parameter of the source (`_pre`) or
 * target (`_post`) group, of the same dimension; two updaters writing the same elements are
 * refused when a network runs them together (`conflictsWith`), as Brian does.
 */
export class SummedVariableUpdater extends KernelRunner {
  readonly targetGroup: Group;
  readonly targetName: string;
  /** The written storage, as it is now (a linked variable's source storage once linked). */
  get target(): ArrayVariable {
    return this.targetGroup.variables.get(this.targetName) as ArrayVariable;
  }

  constructor(
    readonly synapses: Synapses,
    readonly eq: AnalyzedEquation,
  ) {
    const target = summedTarget(synapses, eq);
    super(
      synapses,
      `${synapses.name}_summed_variable_${eq.name}`,
      'groups',
      scheduleOrder(target.group) - 1,
      target.group.clock,
    );
    this.targetGroup = target.group;
    this.targetName = target.name;
    const v = this.targetGroup.variables.get(this.targetName);
    // A subgroup's model is its parent's.
    const model = this.targetGroup.root as Group & { analyzed?: { all: Map<string, AnalyzedEquation> } };
    const declared = 'analyzed' in model ? model.analyzed?.all.get(this.targetName) : undefined;
    // A parameter of the target's model, possibly (linked); Synapses targets have no model
    // equations analysis of their own kind here, so their writable parameters qualify.
    const isParameter = declared ? declared.kind === 'parameter' : v?.kind === 'array' && !v.readOnly;
    if (v?.kind !== 'array' || !isParameter || (v.readOnly && !declared?.flags.has('linked'))) {
      const what = declared
        ? `a ${declared.kind === 'ode' ? 'differential equation' : declared.kind}`
        : v
          ? `a ${v.kind}`
          : 'not defined there';
      throw new BrianError(
        'bad_argument',
        `The summed variable ${eq.name} must refer to a parameter of ${this.targetGroup.name}, but "${this.targetName}" is ${what}.`,
        { span: eq.line.nameSpan },
      );
    }
    if (v.dim !== eq.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The summed variable ${eq.name} is declared with dimension ${eq.dim}, but ${this.targetGroup.name}.${this.targetName} has dimension ${v.dim}.`,
        { span: eq.line.span },
      );
    }
  }

  /** Whether this updater and `other` would write the same elements of the same storage. */
  conflictsWith(other: SummedVariableUpdater): boolean {
    if (other.target.arrayId !== this.target.arrayId) return false;
    if (other.targetGroup === this.targetGroup) return true;
    // Subgroups of one storage may share it when they do not overlap; a linked variable's
    // indices are not a range of its source, so it always counts as overlapping.
    const linked = this.target.readOnly || other.target.readOnly;
    const a = this.targetGroup;
    const b = other.targetGroup;
    return linked || (a.start < b.stop && b.start < a.stop);
  }

  protected build(ctx: RunContext): Kernel {
    const S = this.synapses;
    const scope = S.codeScope(ctx.runNamespace);
    const expr = substituteSubexpressions(this.eq.line.expr!, S);
    const info = checkExpression(expr, scope);
    if (info.dim !== this.target.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The summed expression for ${this.eq.name} has dimension ${info.dim}, but ${this.targetName} has dimension ${this.target.dim}.`,
        { span: this.eq.line.expr!.span },
      );
    }
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const value = vector.addExpression('_summed_value', expr, scope);
    const postIndex = S.arrayId(this.eq.name.endsWith('_pre') ? '_synaptic_pre' : '_synaptic_post');
    builder.noteArray(this.target.arrayId, this.target.type, this.target.dynamic);
    builder.noteArray(postIndex, 'integer', true);
    const group = this.targetGroup;
    if (group.dynamicSize) builder.noteArray(group.dynamicSize, 'integer', true);
    return {
      kind: 'summed_variable',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: {
        target: this.target.arrayId,
        targetType: this.target.type,
        targetStart: group.start,
        // Synapses as the target: as many as exist when the kernel runs.
        targetStop: group.dynamicSize ? { sizeOf: group.dynamicSize } : group.stop,
        postIndex,
        postOffset: group.start,
        value: value.local,
      },
    };
  }
}
