import { BrianError } from '../../../diagnostics/diagnostic.ts';
import { builders } from '../../../symbolic/build.ts';
import * as C from '../../../symbolic/coef.ts';
import { toExpr, toNode } from '../../../symbolic/convert.ts';
import { expm } from '../../../symbolic/expm.ts';
import { linearParts } from '../../../symbolic/linear.ts';
import type { Node } from '../../../symbolic/node.ts';
import * as N from '../../../symbolic/node.ts';
import { expmTriangularNodes, triangularOrder } from '../../../symbolic/triangular.ts';
import type { Expr, Statement } from '../../1-parse/ast.ts';
import { isStochastic, noiseSpan, noiseSymbols } from './noise.ts';
import { numericValue } from './numeric-value.ts';
import { notConstantOverDt } from './time-dependence.ts';
import type { IntegrationContext, IntegrationProblem, OdeEquation, StateUpdateMethod } from './types.ts';

/**
 * Exact integration of linear systems x' = A·x + b whose coefficients are constant during a
 * step (they may depend on parameters, `not_refractory`, pre/postsynaptic variables, but not on
 * t nor call rand()): Brian's `exact` (alias `linear`). The step is the exponential of the
 * augmented matrix [[A, b], [0, 0]]·dt, which needs no fixed point and so also covers singular
 * A (`dx/dt = c`, where Brian fails):
 *
 * - A triangular up to a permutation (CUBA, conductance chains, per-neuron time constants):
 *   symbolically, through divided differences of exp (symbolic/triangular.ts);
 * - otherwise (variables depending on each other in a cycle), when every entry of A and dt are
 *   compile-time numbers: numerically (scaling and squaring Padé), b staying symbolic;
 * - otherwise: not supported (Brian would try sympy's symbolic matrix exponential).
 *
 * Chosen automatically ('auto') only where Brian 2.5.1 chooses it: Brian solves A·x = -b for a
 * fixed point first, which fails for a singular A, and then falls back to euler for the whole
 * system (`dv/dt = rate` beside `dA/dt = -A/tau` gives euler's `A*(1 - dt/tau)` in Brian).
 */
export const exact: StateUpdateMethod = {
  name: 'exact',
  stochastic: 'none',
  check: (eqs, ctx) => plan(eqs, ctx, 'exact').problem,
  cannotIntegrate: (eqs, ctx) => plan(eqs, ctx, 'exact').problem?.reason,
  integrate: (eqs, ctx) => integrate(eqs, ctx, 'exact'),
  skippedAutomatically: (eqs, ctx) => singularSystem(eqs, ctx, 'exact'),
};

/** The same method under Brian's other name. */
export const linear: StateUpdateMethod = {
  ...exact,
  name: 'linear',
  check: (eqs, ctx) => plan(eqs, ctx, 'linear').problem,
  cannotIntegrate: (eqs, ctx) => plan(eqs, ctx, 'linear').problem?.reason,
  integrate: (eqs, ctx) => integrate(eqs, ctx, 'linear'),
  skippedAutomatically: (eqs, ctx) => singularSystem(eqs, ctx, 'linear'),
};

/**
 * Why Brian would not integrate these equations exactly although brian-ts can: the matrix A of
 * x' = A·x + b is singular (a variable whose derivative does not depend on itself, with no
 * cycle to make up for it), so Brian's fixed point A·x = -b does not exist or is not unique.
 */
function singularSystem(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  name: string,
): IntegrationProblem | undefined {
  const { system } = plan(eqs, ctx, name);
  if (!system) return undefined;
  const n = eqs.length;
  const a = system.matrix.slice(0, n).map((row) => row.slice(0, n));
  const singular =
    system.solver === 'symbolic'
      ? a.some((row, i) => row[i].t === 'num' && C.isZero(row[i].c))
      : numericDeterminant(a.map((row) => row.map((x) => numericValue(x, ctx) ?? Number.NaN))) === 0;
  if (!singular) return undefined;
  const i =
    system.solver === 'symbolic' ? a.findIndex((row, k) => row[k].t === 'num' && C.isZero(row[k].c)) : 0;
  return {
    reason:
      `${name} is not chosen automatically: d${eqs[i].name}/dt does not depend on ${eqs[i].name}, so the system has ` +
      "no unique fixed point and Brian 2.5.1 integrates it with the next method (give method: 'exact' to use it anyway)",
    span: eqs[i].span,
  };
}

/** Determinant by Gaussian elimination with partial pivoting (0 for an exactly singular matrix). */
function numericDeterminant(rows: number[][]): number {
  const a = rows.map((r) => [...r]);
  const n = a.length;
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (a[p][c] === 0) return 0;
    if (p !== c) {
      [a[p], a[c]] = [a[c], a[p]];
      det = -det;
    }
    det *= a[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return det;
}

/**
 * The exact update over a step given as an expression instead of `dt`: for event-driven
 * synaptic variables, advanced over `t - lastupdate` when a spike arrives (Brian replaces `dt`
 * by `(t - lastupdate)` in the code of `linear`). Only the symbolic solver applies, the step not
 * being a compile-time number. Throws `integration_unsupported` when the equations do not
 * allow it (Brian: "Cannot solve the differential equations as event-driven").
 */
export function exactOverStep(eqs: readonly OdeEquation[], ctx: IntegrationContext, step: Expr): Statement[] {
  const stepNode = toNode(step);
  const { problem } = plan(eqs, ctx, 'exact', stepNode);
  if (problem) {
    throw new BrianError(
      'integration_unsupported',
      `cannot solve these equations as event-driven: ${problem.reason}`,
      {
        span: problem.span,
        hint: 'make the variables (clock-driven) instead',
      },
    );
  }
  return integrate(eqs, ctx, 'exact', stepNode);
}

interface System {
  /** A, with the constant column b appended and a zero row below: the augmented matrix. */
  readonly matrix: Node[][];
  readonly solver: 'symbolic' | 'numeric';
}

function plan(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  name: string,
  step?: Node,
): { problem?: IntegrationProblem; system?: System } {
  if (isStochastic(eqs, ctx)) {
    const span = noiseSpan(eqs, noiseSymbols(eqs, ctx)[0]);
    return { problem: { reason: `${name} cannot integrate stochastic equations`, span } };
  }
  const states = eqs.map((eq) => eq.name);
  const stateSet = new Set(states);
  const n = eqs.length;
  const matrix: Node[][] = Array.from({ length: n + 1 }, () => new Array<Node>(n + 1).fill(N.ZERO));
  for (const [i, eq] of eqs.entries()) {
    const parts = linearParts(toNode(eq.expr), stateSet);
    if (!parts) {
      const which = states.length === 1 ? states[0] : `the state variables (${states.join(', ')})`;
      return {
        problem: {
          reason: `${name} can only integrate linear equations, but d${eq.name}/dt is not linear in ${which}`,
          span: eq.span,
        },
      };
    }
    for (const [v, c] of parts.coefficients) matrix[i][states.indexOf(v)] = c;
    matrix[i][n] = parts.constant;
    for (const entry of matrix[i]) {
      const bad = notConstantOverDt(toExpr(entry), ctx);
      if (bad) {
        const what = bad.kind === 'Call' ? `calls ${bad.callee}()` : 'depends on t';
        return {
          problem: {
            reason: `${name} needs coefficients that are constant during a time step, but d${eq.name}/dt ${what}`,
            span: bad.span.source ? bad.span : eq.span,
          },
        };
      }
    }
  }
  if (triangularOrder(matrix)) return { system: { matrix, solver: 'symbolic' } };
  const numeric =
    step === undefined &&
    ctx.valueOf('dt') !== undefined &&
    matrix.slice(0, n).every((row) => row.slice(0, n).every((x) => numericValue(x, ctx) !== undefined));
  if (numeric) return { system: { matrix, solver: 'numeric' } };
  const [i, j] = firstSymbolicCoupling(matrix, n, ctx);
  return {
    problem: {
      reason:
        `${name} can integrate coupled linear equations (variables depending on each other in a cycle) only when all ` +
        `their coefficients are known numbers, but the coefficient of ${states[j]} in d${states[i]}/dt is not`,
      span: eqs[i].span,
    },
  };
}

function firstSymbolicCoupling(matrix: Node[][], n: number, ctx: IntegrationContext): [number, number] {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (numericValue(matrix[i][j], ctx) === undefined) return [i, j];
  return [0, 0];
}

function integrate(
  eqs: readonly OdeEquation[],
  ctx: IntegrationContext,
  name: string,
  step?: Node,
): Statement[] {
  const { problem, system } = plan(eqs, ctx, name, step);
  if (problem || !system) throw new Error(problem?.reason ?? `${name}: no system`);
  const n = eqs.length;
  const propagator =
    system.solver === 'symbolic'
      ? symbolic(system.matrix, ctx, step ?? N.symNode('dt'))
      : numeric(system.matrix, n, ctx);
  const out: Statement[] = [];
  for (const [i, eq] of eqs.entries()) {
    const terms = eqs.map((other, j) => N.mul([propagator[i][j], N.symNode(other.name)]));
    terms.push(propagator[i][n]);
    out.push(builders(eq.span).assign(`_${eq.name}`, toExpr(N.add(terms), eq.span)));
  }
  for (const eq of eqs) {
    const b = builders(eq.span);
    out.push(b.assign(eq.name, b.name(`_${eq.name}`)));
  }
  return out;
}

/** exp([[A, b], [0, 0]]·dt) by divided differences; last column: the effect of b. */
function symbolic(matrix: Node[][], ctx: IntegrationContext, step: Node): Node[][] {
  const sameValue = (x: Node, y: Node) => {
    const a = numericValue(x, ctx);
    return a !== undefined && a === numericValue(y, ctx);
  };
  return expmTriangularNodes(matrix, step, sameValue)!;
}

/**
 * With A·dt numeric: E = e^{A dt} and Φ = ∫_0^dt e^{A s} ds from one exponential of
 * [[A dt, I dt], [0, 0]]; the effect of b is Φ·b, b staying symbolic.
 */
function numeric(matrix: Node[][], n: number, ctx: IntegrationContext): Node[][] {
  const dt = ctx.valueOf('dt')!;
  const big = Array.from({ length: 2 * n }, (_, i) =>
    Array.from({ length: 2 * n }, (_, j) => {
      if (i >= n) return 0;
      if (j < n) return numericValue(matrix[i][j], ctx)! * dt;
      return j - n === i ? dt : 0;
    }),
  );
  const e = expm(big);
  const number = (v: number) => N.numNode(C.float(v));
  return Array.from({ length: n }, (_, i) => {
    const row: Node[] = Array.from({ length: n }, (_, j) => number(e[i][j]));
    row.push(N.add(Array.from({ length: n }, (_, j) => N.mul([number(e[i][n + j]), matrix[j][n]]))));
    return row;
  });
}
