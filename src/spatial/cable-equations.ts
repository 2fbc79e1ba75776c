import type { EquationLine, Expr } from '../compiler/1-parse/ast.ts';
import { mapExpr } from '../compiler/1-parse/expr-utils.ts';
import { checkFlags, SPATIAL_NEURON_FLAGS } from '../compiler/1-parse/flags.ts';
import { parseEquations } from '../compiler/1-parse/parse-equations.ts';
import { declaredUnit } from '../compiler/2-analyze/analyze-equations.ts';
import { Equations } from '../core/equations.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { amp, metre } from '../units/index.ts';
import { linearisedCurrent } from './membrane-current.ts';

/**
 * The variables every SpatialNeuron has besides the model's (Brian's `eqs_constants`): the
 * geometry of each compartment, its capacitance, the axial resistivity (one value), the
 * capacitive current, and the local time and space constants.
 */
const COMPARTMENT_VARIABLES = `
v : volt
length : meter (constant)
distance : meter (constant)
area : meter**2 (constant)
volume : meter**3
Ic : amp/meter**2
diameter : meter (constant)
Cm : farad/meter**2 (constant)
Ri : ohm*meter (constant, shared)
r_length_1 : meter (constant)
r_length_2 : meter (constant)
time_constant = Cm/gtot__private : second
space_constant = (2/pi)**(1.0/3.0) * (area/(1/r_length_1 + 1/r_length_2))**(1.0/6.0) / (2*(Ri*gtot__private)**(1.0/2.0)) : meter
`;

const COORDINATES = `
x : meter (constant)
y : meter (constant)
z : meter (constant)
`;

/** The linearised current, defined as subexpressions for the cable solver (values filled in below). */
const LINEARISED = `
gtot__private = 0*siemens/meter**2 : siemens/meter**2
I0__private = 0*amp/meter**2 : amp/meter**2
`;

/**
 * Turns the model of a SpatialNeuron into the equations of its group, as Brian's SpatialNeuron
 * constructor does: point currents (in amp) are divided by the compartment's area and added to
 * the membrane current `Im` (amp/meter**2, mandatory, no flags), `v` and the compartment
 * variables are added, and `Im` is linearised in v (`gtot__private`, `I0__private`) for the
 * implicit cable solver.
 */
export function cableEquations(model: Equations, hasCoordinates: boolean): Equations {
  checkFlags(model.lines, SPATIAL_NEURON_FLAGS);
  const imLine = model.lines.find((l) => l.name === 'Im');
  if (imLine?.kind !== 'subexpression') {
    throw new BrianError('membrane_current', "The transmembrane current 'Im' must be defined.", {
      span: imLine?.span,
      hint: 'e.g. Im = gL*(EL - v) : amp/meter**2',
    });
  }
  if (imLine.flags.length > 0) {
    throw new BrianError('membrane_current', "Cannot specify any flags for the transmembrane current 'Im'.", {
      span: imLine.flags[0].span,
    });
  }
  const currentDensity = amp.dim.div(metre.dim.pow(2));
  if (!declaredUnit(imLine.unit).dim.equals(currentDensity)) {
    throw new BrianError('dimension_mismatch', "The membrane current 'Im' must be in amp/meter**2.", {
      span: imLine.unit.span,
    });
  }

  let membrane = imLine.expr!;
  const lines: EquationLine[] = [];
  for (const line of model.lines) {
    if (line === imLine) continue;
    if (!line.flags.some((f) => f.name === 'point current')) {
      lines.push(line);
      continue;
    }
    if (!declaredUnit(line.unit).dim.equals(amp.dim)) {
      throw new BrianError('dimension_mismatch', `Point current ${line.name} should be in amp.`, {
        span: line.unit.span,
      });
    }
    membrane = plus(membrane, perArea(line));
    lines.push({ ...line, flags: line.flags.filter((f) => f.name !== 'point current') });
  }
  lines.push({ ...imLine, expr: membrane });

  const extra = parseEquations(COMPARTMENT_VARIABLES + (hasCoordinates ? COORDINATES : ''), {
    label: 'SpatialNeuron variables',
  });
  const { gtot, I0 } = linearisedCurrent(substituted(membrane, lines));
  const [gtotLine, i0Line] = parseEquations(LINEARISED, { label: 'SpatialNeuron linearised current' });
  lines.push(withExpr(gtotLine, gtot), withExpr(i0Line, I0), ...extra);
  return new Equations(lines, {}, new Map(model.constants));
}

/** `a + b`, spanning `a`. */
function plus(a: Expr, b: Expr): Expr {
  return { kind: 'Binary', op: '+', left: a, right: b, span: a.span };
}

/** `name/area` for a point current, pointing at its definition. */
function perArea(line: EquationLine): Expr {
  const span = line.nameSpan;
  return {
    kind: 'Binary',
    op: '/',
    left: { kind: 'Name', name: line.name, span },
    right: { kind: 'Name', name: 'area', span },
    span,
  };
}

/** A template line with the expression computed for it (kept as `0*unit` when it is zero). */
function withExpr(line: EquationLine, expr: Expr | undefined): EquationLine {
  return expr === undefined ? line : { ...line, expr };
}

/** Im with subexpressions substituted, except stored ones (`constant over dt`), as Brian's `get_substituted_expressions`. */
function substituted(expr: Expr, lines: readonly EquationLine[]): Expr {
  const subs = new Map(
    lines
      .filter((l) => l.kind === 'subexpression' && !l.flags.some((f) => f.name === 'constant over dt'))
      .map((l) => [l.name, l.expr!] as const),
  );
  const visit = (e: Expr, depth: number): Expr =>
    mapExpr(e, (node) => {
      if (node.kind !== 'Name' || !subs.has(node.name)) return node;
      if (depth > subs.size) {
        throw new BrianError(
          'cyclic_definition',
          `Subexpressions refer to each other in a cycle through ${node.name}.`,
          {
            span: node.span,
          },
        );
      }
      return visit(subs.get(node.name)!, depth + 1);
    });
  return visit(expr, 0);
}
