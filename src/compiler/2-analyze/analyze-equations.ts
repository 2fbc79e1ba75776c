import { BrianError } from '../../diagnostics/diagnostic.ts';
import { DIMENSIONLESS, type Dimension } from '../../units/dimension.ts';
import { UNITS } from '../../units/index.ts';
import type { EquationKind, EquationLine, Expr, UnitDecl } from '../1-parse/ast.ts';
import { exprToString, identifiers } from '../1-parse/expr-utils.ts';
import type { ScalarType } from '../functions.ts';

/**
 * The static part of equation analysis, done when a group is created: the dimension and type
 * of every defined name (from its declared unit), its flags, and the subexpressions in an order
 * where each comes after those it uses. Checking right-hand sides needs external names, so it
 * happens at run time (`checkEquations`).
 */
export interface AnalyzedEquation {
  readonly line: EquationLine;
  readonly kind: EquationKind;
  readonly name: string;
  readonly dim: Dimension;
  readonly type: ScalarType;
  readonly flags: ReadonlySet<string>;
}

export interface AnalyzedEquations {
  readonly all: ReadonlyMap<string, AnalyzedEquation>;
  readonly odes: readonly AnalyzedEquation[];
  readonly parameters: readonly AnalyzedEquation[];
  /** Subexpressions, each after the subexpressions it refers to. */
  readonly subexpressions: readonly AnalyzedEquation[];
}

export function analyzeEquations(lines: readonly EquationLine[]): AnalyzedEquations {
  const all = new Map<string, AnalyzedEquation>();
  for (const line of lines) {
    const { dim, type } = declaredUnit(line.unit);
    if (line.kind === 'ode' && type !== 'float') {
      throw new BrianError(
        'equation_bad_unit',
        `The differential equation of "${line.name}" must be of a float type, not ${type}.`,
        {
          span: line.unit.span,
        },
      );
    }
    all.set(line.name, {
      line,
      kind: line.kind,
      name: line.name,
      dim,
      type,
      flags: new Set(line.flags.map((f) => f.name)),
    });
  }
  const subs = [...all.values()].filter((e) => e.kind === 'subexpression');
  return {
    all,
    odes: [...all.values()].filter((e) => e.kind === 'ode'),
    parameters: [...all.values()].filter((e) => e.kind === 'parameter'),
    subexpressions: orderSubexpressions(subs),
  };
}

/** Dimension and type of `: unit`. The unit must be unscaled (volt, not mV), as in Brian. */
export function declaredUnit(unit: UnitDecl): { dim: Dimension; type: ScalarType } {
  switch (unit.kind) {
    case 'dimensionless':
      return { dim: DIMENSIONLESS, type: 'float' };
    case 'integer':
      return { dim: DIMENSIONLESS, type: 'integer' };
    case 'boolean':
      return { dim: DIMENSIONLESS, type: 'boolean' };
    case 'unit': {
      const { value, dim } = evaluateUnit(unit.expr);
      if (Math.abs(value - 1) > 1e-12) {
        throw new BrianError(
          'equation_bad_unit',
          `The unit of a variable must be an unscaled unit such as volt or siemens/meter**2, not '${exprToString(unit.expr)}'.`,
          { span: unit.span, hint: 'declare the base unit (e.g. volt) and use mV only in values' },
        );
      }
      return { dim, type: 'float' };
    }
  }
}

function evaluateUnit(expr: Expr): { value: number; dim: Dimension } {
  switch (expr.kind) {
    case 'Number':
      return { value: expr.value, dim: DIMENSIONLESS };
    case 'Name': {
      const u = UNITS.get(expr.name);
      if (!u) {
        throw new BrianError('equation_bad_unit', `Unknown unit "${expr.name}".`, { span: expr.span });
      }
      return { value: u.value, dim: u.dim };
    }
    case 'Binary': {
      const l = evaluateUnit(expr.left);
      if (expr.op === '**') {
        const r = evaluateUnit(expr.right);
        if (!r.dim.isDimensionless) break;
        return { value: l.value ** r.value, dim: l.dim.pow(r.value) };
      }
      const r = evaluateUnit(expr.right);
      if (expr.op === '*') return { value: l.value * r.value, dim: l.dim.mul(r.dim) };
      if (expr.op === '/') return { value: l.value / r.value, dim: l.dim.div(r.dim) };
      break;
    }
    case 'Unary':
      if (expr.op === '-') {
        const inner = evaluateUnit(expr.operand);
        return { value: -inner.value, dim: inner.dim };
      }
      break;
  }
  throw new BrianError('equation_bad_unit', `'${exprToString(expr)}' is not a unit.`, { span: expr.span });
}

function orderSubexpressions(subs: readonly AnalyzedEquation[]): AnalyzedEquation[] {
  const byName = new Map(subs.map((s) => [s.name, s]));
  const ordered: AnalyzedEquation[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: AnalyzedEquation, path: string[]) => {
    const st = state.get(s.name);
    if (st === 'done') return;
    if (st === 'visiting') {
      throw new BrianError(
        'cyclic_definition',
        `Subexpressions refer to each other in a cycle: ${[...path, s.name].join(' → ')}.`,
        {
          span: s.line.nameSpan,
        },
      );
    }
    state.set(s.name, 'visiting');
    for (const dep of identifiers(s.line.expr!)) {
      const d = byName.get(dep);
      if (d) visit(d, [...path, s.name]);
    }
    state.set(s.name, 'done');
    ordered.push(s);
  };
  for (const s of subs) visit(s, []);
  return ordered;
}
