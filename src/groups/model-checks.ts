import type { Expr } from '../compiler/1-parse/ast.ts';
import { identifiers, walk } from '../compiler/1-parse/expr-utils.ts';
import { isNoiseSymbol } from '../compiler/1-parse/identifiers.ts';
import type { AnalyzedEquations } from '../compiler/2-analyze/analyze-equations.ts';
import type { Variable } from '../core/variables.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import type { Span } from '../diagnostics/span.ts';
import { second } from '../units/index.ts';
import type { Group } from './group.ts';

/** Brian lists the noise symbols of the equations (`xi`, `xi_1`…) among a group's variables (dimension s**-0.5). */
export function addNoiseVariables(variables: Map<string, Variable>, analyzed: AnalyzedEquations): void {
  for (const eq of analyzed.odes) {
    for (const name of identifiers(eq.line.expr!)) {
      if (!isNoiseSymbol(name) || variables.has(name)) continue;
      variables.set(name, {
        kind: 'auxiliary',
        name,
        dim: second.dim.pow(-0.5),
        type: 'float',
        shared: false,
      });
    }
  }
}

/**
 * Brian's check at creation: a `(shared)` subexpression has one value for the whole group, so it
 * cannot use a per-element variable (`sub = freq + array*Hz : Hz (shared)` with `array` per neuron).
 */
export function checkSharedSubexpressions(group: Group): void {
  for (const [name, v] of group.variables) {
    if (v.kind !== 'subexpression' || !v.shared) continue;
    for (const id of identifiers(v.expr)) {
      const used = group.variables.get(id);
      if (!used || used.kind === 'constant' || group.isScalarVariable(id, used)) continue;
      throw new BrianError(
        'shared_subexpression',
        `The shared subexpression '${name}' refers to '${id}', which has one value per element.`,
        {
          span: findName(v.expr, id) ?? v.span,
          hint: `make '${id}' shared as well, or '${name}' not shared`,
        },
      );
    }
  }
}

function findName(expr: Expr, name: string): Span | undefined {
  let span: Span | undefined;
  walk(expr, (node) => {
    if (!span && node.kind === 'Name' && node.name === name) span = node.span;
  });
  return span;
}
