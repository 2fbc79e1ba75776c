import { identifiers } from '../compiler/1-parse/expr-utils.ts';
import type { AnalyzedEquation, AnalyzedEquations } from '../compiler/2-analyze/analyze-equations.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';

/**
 * Event-driven variables are only brought up to date when a spike arrives, clock-driven ones
 * and summed variables at every step: neither kind may use the other (Brian's
 * `Synapses.verify_dependencies`, an EquationError at construction). Dependencies through
 * subexpressions count, and the message names the subexpressions in between.
 */
export function checkEventDrivenDependencies(owner: string, analyzed: AnalyzedEquations): void {
  const eventDriven = (eq: AnalyzedEquation) => eq.kind === 'ode' && eq.flags.has('event-driven');
  const clockDriven = (eq: AnalyzedEquation) => eq.kind === 'ode' && !eq.flags.has('event-driven');
  const summed = (eq: AnalyzedEquation) => eq.flags.has('summed');
  for (const eq of analyzed.all.values()) {
    if (eq.kind === 'parameter' || !eq.line.expr) continue;
    const [kind, forbidden, forbiddenKind] = eventDriven(eq)
      ? (['event-driven', (d: AnalyzedEquation) => clockDriven(d) || summed(d), 'clock-driven'] as const)
      : clockDriven(eq)
        ? (['clock-driven', eventDriven, 'event-driven'] as const)
        : summed(eq)
          ? (['summed', eventDriven, 'event-driven'] as const)
          : [undefined, undefined, undefined];
    if (!kind) continue;
    for (const { equation, via } of dependencies(eq, analyzed)) {
      if (!forbidden(equation)) continue;
      const through = via.length ? ` (via ${via.map((v) => `'${v}'`).join(', ')})` : '';
      throw new BrianError(
        'event_driven_dependency',
        `The ${kind} '${eq.name}' of ${owner} should not depend on the ${forbiddenKind} variable '${equation.name}'${through}.`,
        {
          span: eq.line.span,
          hint:
            forbiddenKind === 'event-driven'
              ? `make '${equation.name}' (clock-driven), or '${eq.name}' event-driven`
              : `make '${equation.name}' (event-driven), or '${eq.name}' clock-driven`,
        },
      );
    }
  }
}

/** The equations `eq` uses, directly or through subexpressions (listed in `via`). */
function dependencies(
  eq: AnalyzedEquation,
  analyzed: AnalyzedEquations,
): { equation: AnalyzedEquation; via: string[] }[] {
  const out: { equation: AnalyzedEquation; via: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (expr: NonNullable<AnalyzedEquation['line']['expr']>, via: string[]) => {
    for (const name of identifiers(expr)) {
      const dep = analyzed.all.get(name);
      if (!dep || dep.kind === 'parameter' || dep === eq || seen.has(name)) continue;
      seen.add(name);
      out.push({ equation: dep, via });
      if (dep.kind === 'subexpression' && dep.line.expr) visit(dep.line.expr, [...via, name]);
    }
  };
  visit(eq.line.expr!, []);
  return out;
}
