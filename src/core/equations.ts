import type { EquationLine, Expr } from '../compiler/1-parse/ast.ts';
import { mapExpr } from '../compiler/1-parse/expr-utils.ts';
import { checkDuplicates, parseEquations } from '../compiler/1-parse/parse-equations.ts';
import { BrianError } from '../diagnostics/diagnostic.ts';
import { Quantity } from '../units/quantity.ts';
import { describeValue } from '../validation/describe-value.ts';

/** Substitutions of `new Equations(text, substitutions)`: a name for a name (`{ g: 'g_e' }`) or a value for a name (`{ tau: ms(10) }`). */
export type EquationsSubstitution = Readonly<Record<string, string | number | Quantity>>;

/**
 * A block of model equations (Brian's `Equations`): parsed once at construction, concatenated
 * with `add`, and specialised by substitution — a name for a name (`{ g: 'g_e' }`) or a name for
 * a value (`{ tau: ms(10) }`). Units are checked when a group uses the equations, because only
 * then are the external names known.
 */
export class Equations {
  /** The parsed lines, one per defined name: differential equation, subexpression or parameter, with unit and flags. */
  readonly lines: readonly EquationLine[];
  /** Values substituted for names: become constants of every group using these equations. */
  readonly constants: ReadonlyMap<string, number | Quantity>;

  constructor(
    source: string | readonly EquationLine[],
    substitutions: EquationsSubstitution = {},
    constants = new Map<string, number | Quantity>(),
  ) {
    if (typeof source !== 'string' && !(Array.isArray(source) && source.every(isEquationLine))) {
      throw new BrianError(
        'bad_argument',
        `new Equations: the equations must be a string, got ${describeValue(source)}.`,
        { hint: "new Equations('dv/dt = -v/tau : volt')" },
      );
    }
    if (substitutions === null || typeof substitutions !== 'object' || Array.isArray(substitutions)) {
      throw new BrianError(
        'bad_argument',
        `new Equations: the substitutions must be an object of names to names or values, got ${describeValue(substitutions)}.`,
        { hint: "new Equations(text, { g: 'g_e', tau: ms(10) })" },
      );
    }
    const parsed = typeof source === 'string' ? parseEquations(source, { label: 'equations' }) : source;
    const renames = new Map<string, string>();
    const values = new Map(constants);
    for (const [name, value] of Object.entries(substitutions)) {
      if (typeof value === 'string') renames.set(name, value);
      else if (typeof value === 'number' || value instanceof Quantity) values.set(name, value);
      else
        throw new BrianError(
          'bad_argument',
          `Cannot substitute ${name} by ${describeValue(value)}: give a name or a quantity.`,
        );
    }
    this.lines = renames.size > 0 ? parsed.map((l) => renameLine(l, renames)) : parsed;
    checkDuplicates(this.lines);
    this.constants = values;
  }

  /** Concatenation (Brian's `eqs1 + eqs2`); defining a name twice is an error. */
  add(other: Equations | string): Equations {
    if (typeof other !== 'string' && !(other instanceof Equations)) {
      throw new BrianError(
        'bad_argument',
        `Equations.add: the equations to add must be a string or Equations, got ${describeValue(other)}.`,
      );
    }
    const o = typeof other === 'string' ? new Equations(other) : other;
    return new Equations([...this.lines, ...o.lines], {}, new Map([...this.constants, ...o.constants]));
  }

  /** A copy with names or values substituted. */
  substitute(substitutions: EquationsSubstitution): Equations {
    return new Equations(this.lines, substitutions, new Map(this.constants));
  }

  /** Every name the equations define, in order (Brian's `eqs.names`). */
  get names(): string[] {
    return this.lines.map((l) => l.name);
  }

  /** The names with a differential equation (Brian's `eqs.diff_eq_names`). */
  get diffEqNames(): string[] {
    return this.lines.filter((l) => l.kind === 'ode').map((l) => l.name);
  }

  /** The equations' text, one line per definition, as written (substituted names renamed). */
  toString(): string {
    return this.lines.map((l) => l.span.source?.slice(l.span) ?? l.name).join('\n');
  }
}

function renameLine(line: EquationLine, renames: ReadonlyMap<string, string>): EquationLine {
  const rename = (e: Expr) =>
    mapExpr(e, (n) => (n.kind === 'Name' && renames.has(n.name) ? { ...n, name: renames.get(n.name)! } : n));
  return {
    ...line,
    name: renames.get(line.name) ?? line.name,
    expr: line.expr ? rename(line.expr) : undefined,
  };
}

/** A parsed equation line (what `add` and `substitute` pass on), not any array element. */
function isEquationLine(x: unknown): x is EquationLine {
  return typeof x === 'object' && x !== null && typeof (x as EquationLine).name === 'string' && 'kind' in x;
}
