import type { AnalyzedEquation } from '../compiler/2-analyze/analyze-equations.ts';
import { checkExpression } from '../compiler/2-analyze/check-expression.ts';
import { BlockBuilder } from '../compiler/3-lower/lower-block.ts';
import type { Kernel } from '../compiler/ir/kernel.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Group } from '../groups/group.ts';
import { SKELETON_LOCALS } from '../groups/group.ts';
import { KernelRunner } from '../groups/runners/kernel-runner.ts';
import { substituteSubexpressions } from '../groups/runners/state-updater.ts';
import type { RunContext } from '../network/brian-object.ts';
import type { Synapses } from './synapses.ts';

/** Which ranges of which variables are already written by a summed variable (one writer per element). */
const summedTargets = new WeakMap<
  object,
  { arrayId: string; start: number; stop: number; owner: string }[]
>();

/**
 * `x_post = expr : unit (summed)`: before the state update of every step (slot `groups`,
 * order −1), the target variable of each neuron becomes the sum of `expr` over its synapses
 * (Brian's SummedVariableUpdater).
 */
export class SummedVariableUpdater extends KernelRunner {
  private readonly targetGroup: Group;
  private readonly targetName: string;

  constructor(
    readonly synapses: Synapses,
    readonly eq: AnalyzedEquation,
  ) {
    super(synapses, `${synapses.name}_summed_variable_${eq.name}`, 'groups', -1, synapses.clock);
    const m = /^(.*?)(_pre|_post)?$/.exec(eq.name)!;
    this.targetGroup = m[2] === '_pre' ? synapses.source : synapses.target;
    this.targetName = m[1];
    const v = this.targetGroup.variables.get(this.targetName);
    if (v?.kind !== 'array' || v.readOnly) {
      throw new BrianError(
        'bad_argument',
        `The summed variable ${eq.name} must refer to a parameter of ${this.targetGroup.name}, but "${this.targetName}" is ${v ? `a ${v.kind}` : 'not defined there'}.`,
        { span: eq.line.nameSpan },
      );
    }
    const root = this.targetGroup.root;
    const list = summedTargets.get(root) ?? [];
    const start = this.targetGroup.start;
    const stop = this.targetGroup.stop;
    const clash = list.find((r) => r.arrayId === v.arrayId && r.start < stop && start < r.stop);
    if (clash) {
      throw new BrianError(
        'bad_argument',
        `${synapses.name} and ${clash.owner} both write the summed variable ${this.targetName} of the same neurons of ${root.name}.`,
        { span: eq.line.nameSpan, hint: 'use one Synapses object per summed target, or different subgroups' },
      );
    }
    list.push({ arrayId: v.arrayId, start, stop, owner: synapses.name });
    summedTargets.set(root, list);
    const analyzed = this.targetGroup as Group & { analyzed?: { all: Map<string, { kind: string }> } };
    const kind = 'analyzed' in analyzed ? analyzed.analyzed?.all.get(this.targetName)?.kind : undefined;
    if (kind && kind !== 'parameter') {
      throw new BrianError(
        'bad_argument',
        `The target of the summed variable ${eq.name} must be a parameter, not a ${kind}.`,
        {
          span: eq.line.nameSpan,
        },
      );
    }
  }

  protected build(ctx: RunContext): Kernel {
    const S = this.synapses;
    const scope = S.codeScope(ctx.runNamespace);
    const target = this.targetGroup.variables.get(this.targetName)!;
    const expr = substituteSubexpressions(this.eq.line.expr!, S);
    const info = checkExpression(expr, scope);
    if ('dim' in target && info.dim !== target.dim) {
      throw new BrianError(
        'dimension_mismatch',
        `The summed expression for ${this.eq.name} has dimension ${info.dim}, but ${this.targetName} has dimension ${target.dim}.`,
        { span: this.eq.line.expr!.span },
      );
    }
    const builder = new BlockBuilder(SKELETON_LOCALS);
    const vector = builder.block();
    const value = vector.addExpression('_summed_value', expr, scope);
    const targetId = (target as { arrayId: string }).arrayId;
    const postIndex = S.arrayId(this.eq.name.endsWith('_pre') ? '_synaptic_pre' : '_synaptic_post');
    builder.noteArray(targetId, 'float', false);
    builder.noteArray(postIndex, 'integer', true);
    return {
      kind: 'summed_variable',
      name: this.name,
      scalar: builder.scalar().finish(),
      vector: vector.finish(),
      arrays: builder.arrayInfos(),
      functions: builder.usedFunctions(),
      params: {
        target: targetId,
        targetStart: this.targetGroup.start,
        targetStop: this.targetGroup.stop,
        postIndex,
        postOffset: this.targetGroup.start,
        value: value.local,
      },
    };
  }
}
